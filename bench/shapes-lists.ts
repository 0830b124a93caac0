// Shapes that page a root list: its default order, filtered by each kind of indexed filter, with
// totalCount, and a page thousands of rows in. The hub sorts delegations by start date, latest
// first, undated ones last (coalesce(start_date, '-infinity'), the order of its index); the floor
// says the same, and PostGraphile runs with pgOrderByNullsLast for it.
import type { Shape } from "./bench-queries";
import { BenchSubjects } from "./bench-subjects";

const json = (alias: string, fields: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(${fields}) END`;
const country = (alias: string) =>
  `CASE WHEN ${alias}.code IS NULL THEN NULL ELSE json_build_object('code', ${alias}.code, 'nameZh', ${alias}.name_zh) END`;
const LATEST_FIRST = `coalesce(start_date, '-infinity'::date) DESC, id DESC`;
const PG_LATEST_FIRST = `[START_DATE_DESC, ROW_ID_DESC]`;

/**
 * How many delegations the running totals hold for `where`: the hand-written count of a filter
 * the hub also counts from delegation_tally (src/modules/delegation/delegation-tally.ts).
 */
export const tallyCount = (where: string) =>
  `SELECT coalesce(sum(batches), 0)::int FROM delegation_tally WHERE ${where}`;

/** The floor's page of `table` rows picked by `where`, in `order`, as `nodes`, built by `node`. */
export function floorPage(page: {
  root: string;
  table: string;
  where?: string;
  order: string;
  size: number;
  node: string;
  joins: string;
  /** true: count the rows `where` picks; a statement: that count, read elsewhere. */
  totalCount?: true | string;
}): string {
  const where = page.where ? `WHERE ${page.where}` : "";
  const count =
    page.totalCount === true ? `SELECT count(*) FROM ${page.table} ${where}` : page.totalCount;
  const total = count ? `'totalCount', (${count}),` : "";
  return `SELECT json_build_object('data', json_build_object('${page.root}', json_build_object(${total}
    'nodes', coalesce(json_agg(${page.node} ORDER BY r.n), '[]'))))::text AS data
  FROM (
    SELECT *, row_number() OVER (ORDER BY ${page.order}) AS n
    FROM (SELECT * FROM ${page.table} ${where} ORDER BY ${page.order} LIMIT ${page.size}) l) r
  ${page.joins}`;
}

function latestDelegations(): Shape {
  return {
    name: "50 delegations with home city, counterpart country and members",
    hub: {
      query: `query Delegations {
        delegations(first: 50) {
          nodes {
            id name startDate
            homeCity { id nameZh }
            counterpartCountry { code nameZh }
            members { id nameZh }
          }
        }
      }`,
      variables: {},
    },
    postgraphile: {
      query: `query Delegations {
        allDelegations(first: 50, orderBy: ${PG_LATEST_FIRST}) {
          nodes {
            id: rowId name startDate
            homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
            counterpartCountry: countryByCounterpartCountryCode { code nameZh }
            members: delegationMembersByDelegationId(orderBy: PERSON_ID_ASC) {
              nodes { person: personByPersonId { id: rowId nameZh } }
            }
          }
        }
      }`,
      variables: {},
    },
    floor: {
      sql: floorPage({
        root: "delegations",
        table: "delegation",
        order: LATEST_FIRST,
        size: 50,
        node: `json_build_object('id', r.id, 'name', r.name, 'startDate', r.start_date,
          'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
          'counterpartCountry', ${country("k")},
          'members', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'nameZh', p.name_zh) ORDER BY p.id), '[]')
            FROM delegation_member m JOIN person p ON p.id = m.person_id WHERE m.delegation_id = r.id))`,
        joins: `JOIN city h ON h.id = r.home_city_id
          LEFT JOIN country k ON k.code = r.counterpart_country_code`,
      }),
      parameters: [],
    },
    list: { hub: ["delegations", "nodes"], postgraphile: ["allDelegations", "nodes"] },
  };
}

function people(): Shape {
  return {
    name: "a page of 100 people with affiliations and organizations",
    hub: {
      query: `query People {
        people(first: 100) {
          nodes {
            id nameZh nameEn
            affiliations { role since organization { id nameZh kind } }
          }
        }
      }`,
      variables: {},
    },
    postgraphile: {
      query: `query People {
        allPeople(first: 100, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) {
          nodes {
            id: rowId nameZh nameEn
            affiliations: affiliationsByPersonId(orderBy: [SINCE_ASC, ROW_ID_ASC]) {
              nodes { role since organization: organizationByOrganizationId { id: rowId nameZh kind } }
            }
          }
        }
      }`,
      variables: {},
    },
    floor: {
      sql: floorPage({
        root: "people",
        table: "person",
        order: "name_zh, id",
        size: 100,
        node: `json_build_object('id', r.id, 'nameZh', r.name_zh, 'nameEn', r.name_en,
          'affiliations', (SELECT coalesce(json_agg(json_build_object('role', a.role, 'since', a.since,
              'organization', json_build_object('id', o.id, 'nameZh', o.name_zh, 'kind', o.kind))
              ORDER BY a.since, a.id), '[]')
            FROM affiliation a JOIN organization o ON o.id = a.organization_id WHERE a.person_id = r.id))`,
        joins: "",
      }),
      parameters: [],
    },
    list: { hub: ["people", "nodes"], postgraphile: ["allPeople", "nodes"] },
  };
}

function delegationsOfCountry(s: BenchSubjects): Shape {
  return {
    name: `delegations of the busiest counterpart country (${s.country}), 50 with totalCount, home city and every nullable reference`,
    hub: {
      query: `query DelegationsOfCountry($country: String!) {
        delegations(first: 50, filter: { counterpartCountryCode: $country }) {
          totalCount
          nodes {
            id name direction startDate
            homeCity { id nameZh }
            counterpartCity { id nameEn }
            organization { id nameZh }
            partnership { id partnerCity { id nameEn } }
          }
        }
      }`,
      variables: { country: s.country },
    },
    postgraphile: {
      query: `query DelegationsOfCountry($country: String!) {
        allDelegations(first: 50, condition: { counterpartCountryCode: $country }, orderBy: ${PG_LATEST_FIRST}) {
          totalCount
          nodes {
            id: rowId name direction startDate
            homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
            counterpartCity: cityByCounterpartCityIdAndCounterpartCountryCode { id: rowId nameEn }
            organization: organizationByOrganizationId { id: rowId nameZh }
            partnership: partnershipByPartnershipId {
              id: rowId partnerCity: cityByPartnerCityIdAndPartnerCountryCode { id: rowId nameEn }
            }
          }
        }
      }`,
      variables: { country: s.country },
    },
    floor: {
      sql: floorPage({
        root: "delegations",
        table: "delegation",
        where: "counterpart_country_code = $1",
        order: LATEST_FIRST,
        size: 50,
        totalCount: tallyCount("dimension = 'COUNTRY' AND value = $1"),
        node: `json_build_object('id', r.id, 'name', r.name, 'direction', r.direction, 'startDate', r.start_date,
          'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
          'counterpartCity', ${json("cc", `'id', cc.id, 'nameEn', cc.name_en`)},
          'organization', ${json("o", `'id', o.id, 'nameZh', o.name_zh`)},
          'partnership', ${json("p", `'id', p.id, 'partnerCity', json_build_object('id', pc.id, 'nameEn', pc.name_en)`)})`,
        joins: `JOIN city h ON h.id = r.home_city_id
          LEFT JOIN city cc ON cc.id = r.counterpart_city_id
          LEFT JOIN organization o ON o.id = r.organization_id
          LEFT JOIN partnership p ON p.id = r.partnership_id
          LEFT JOIN city pc ON pc.id = p.partner_city_id`,
      }),
      parameters: [s.country],
    },
    list: { hub: ["delegations", "nodes"], postgraphile: ["allDelegations", "nodes"] },
  };
}

function outboundOfCity(s: BenchSubjects): Shape {
  return {
    name: "outbound delegations of one home city, 50 with totalCount, purposes, approval, counterpart country",
    hub: {
      query: `query OutboundOfCity($city: ID!) {
        delegations(first: 50, filter: { homeCityId: $city, direction: OUTBOUND }) {
          totalCount
          nodes {
            id name startDate endDate size purposes approval
            counterpartCountry { code nameZh }
          }
        }
      }`,
      variables: { city: s.city.id },
    },
    postgraphile: {
      query: `query OutboundOfCity($city: UUID!) {
        allDelegations(first: 50, condition: { homeCityId: $city, direction: "OUTBOUND" }, orderBy: ${PG_LATEST_FIRST}) {
          totalCount
          nodes {
            id: rowId name startDate endDate size purposes approval
            counterpartCountry: countryByCounterpartCountryCode { code nameZh }
          }
        }
      }`,
      variables: { city: s.city.id },
    },
    floor: {
      sql: floorPage({
        root: "delegations",
        table: "delegation",
        where: "home_city_id = $1 AND direction = 'OUTBOUND'",
        order: LATEST_FIRST,
        size: 50,
        totalCount: tallyCount(
          "dimension = 'HOME_CITY' AND value = $1::text AND direction = 'OUTBOUND'",
        ),
        node: `json_build_object('id', r.id, 'name', r.name, 'startDate', r.start_date, 'endDate', r.end_date,
          'size', r.size, 'purposes', r.purposes, 'approval', r.approval,
          'counterpartCountry', ${country("k")})`,
        joins: `LEFT JOIN country k ON k.code = r.counterpart_country_code`,
      }),
      parameters: [s.city.id],
    },
    list: { hub: ["delegations", "nodes"], postgraphile: ["allDelegations", "nodes"] },
  };
}

function deepPage(s: BenchSubjects): Shape {
  return {
    name: `50 delegations after a cursor ${s.deep.offset.toLocaleString("en-US")} rows in, with hasNextPage`,
    hub: {
      query: `query DeepPage($after: String!) {
        delegations(first: 50, after: $after) {
          pageInfo { hasNextPage }
          nodes { id name startDate homeCity { id nameZh } counterpartCountry { code nameZh } }
        }
      }`,
      variables: { after: s.asked?.hubCursor },
    },
    postgraphile: {
      query: `query DeepPage($after: Cursor!) {
        allDelegations(first: 50, after: $after, orderBy: ${PG_LATEST_FIRST}) {
          pageInfo { hasNextPage }
          nodes {
            id: rowId name startDate
            homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
            counterpartCountry: countryByCounterpartCountryCode { code nameZh }
          }
        }
      }`,
      variables: { after: s.asked?.postgraphileCursor },
    },
    floor: {
      // One row more than the page tells whether a next page exists.
      sql: `SELECT json_build_object('data', json_build_object('delegations', json_build_object(
          'pageInfo', json_build_object('hasNextPage', count(*) > 50),
          'nodes', coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'startDate', r.start_date,
            'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
            'counterpartCountry', ${country("k")}) ORDER BY r.n) FILTER (WHERE r.n <= 50), '[]'))))::text AS data
        FROM (
          SELECT *, row_number() OVER (ORDER BY ${LATEST_FIRST}) AS n
          FROM (SELECT * FROM delegation
            WHERE (coalesce(start_date, '-infinity'::date), id) < ($1::date, $2::uuid)
            ORDER BY ${LATEST_FIRST} LIMIT 51) l) r
        JOIN city h ON h.id = r.home_city_id
        LEFT JOIN country k ON k.code = r.counterpart_country_code`,
      parameters: [s.deep.value, s.deep.id],
    },
    list: { hub: ["delegations", "nodes"], postgraphile: ["allDelegations", "nodes"] },
  };
}

function partnershipsOfCountry(s: BenchSubjects): Shape {
  return {
    name: `partnerships of the busiest partner country (${s.partnerCountry}), 100 with home and partner city, country, stage history`,
    hub: {
      query: `query PartnershipsOfCountry($country: String!) {
        partnerships(first: 100, filter: { partnerCountryCode: $country }) {
          nodes {
            id kind stage establishedOn
            homeCity { id nameZh }
            partnerCity { id nameEn country { code nameEn } }
            stageHistory { id from to on }
          }
        }
      }`,
      variables: { country: s.partnerCountry },
    },
    postgraphile: {
      query: `query PartnershipsOfCountry($country: String!) {
        allPartnerships(first: 100, condition: { partnerCountryCode: $country }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          nodes {
            id: rowId kind stage establishedOn
            homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
            partnerCity: cityByPartnerCityIdAndPartnerCountryCode {
              id: rowId nameEn country: countryByCountryCode { code nameEn }
            }
            stageHistory: stageChangesByPartnershipId(orderBy: [CHANGED_ON_ASC, CREATED_AT_ASC, ROW_ID_ASC]) {
              nodes { id: rowId from: fromStage to: toStage on: changedOn }
            }
          }
        }
      }`,
      variables: { country: s.partnerCountry },
    },
    floor: {
      sql: floorPage({
        root: "partnerships",
        table: "partnership",
        where: "partner_country_code = $1",
        order: "created_at, id",
        size: 100,
        node: `json_build_object('id', r.id, 'kind', r.kind, 'stage', r.stage, 'establishedOn', r.established_on,
          'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
          'partnerCity', json_build_object('id', pc.id, 'nameEn', pc.name_en,
            'country', json_build_object('code', k.code, 'nameEn', k.name_en)),
          'stageHistory', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'from', c.from_stage,
              'to', c.to_stage, 'on', c.changed_on) ORDER BY c.changed_on, c.created_at, c.id), '[]')
            FROM stage_change c WHERE c.partnership_id = r.id))`,
        joins: `JOIN city h ON h.id = r.home_city_id
          JOIN city pc ON pc.id = r.partner_city_id
          JOIN country k ON k.code = pc.country_code`,
      }),
      parameters: [s.partnerCountry],
    },
    list: { hub: ["partnerships", "nodes"], postgraphile: ["allPartnerships", "nodes"] },
  };
}

function investmentsOfCity(s: BenchSubjects): Shape {
  return {
    name: "investment intentions of the busiest target city, 100 with investor person (residence country) or organization, target city, signing delegation",
    hub: {
      query: `query InvestmentsOfCity($city: ID!) {
        investmentIntentions(first: 100, filter: { targetCityId: $city }) {
          nodes {
            id kind stage amount currency signedOn
            investorPerson { id nameZh residenceCountry { code nameZh } }
            investorOrganization { id nameZh }
            targetCity { id nameZh }
            delegation { id name startDate }
          }
        }
      }`,
      variables: { city: s.investmentCity },
    },
    postgraphile: {
      query: `query InvestmentsOfCity($city: UUID!) {
        allInvestmentIntentions(first: 100, condition: { targetCityId: $city }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          nodes {
            id: rowId kind stage amount currency signedOn
            investorPerson: personByInvestorPersonId {
              id: rowId nameZh residenceCountry: countryByResidenceCountryCode { code nameZh }
            }
            investorOrganization: organizationByInvestorOrganizationId { id: rowId nameZh }
            targetCity: cityByTargetCityId { id: rowId nameZh }
            delegation: delegationByDelegationId { id: rowId name startDate }
          }
        }
      }`,
      variables: { city: s.investmentCity },
    },
    floor: {
      sql: floorPage({
        root: "investmentIntentions",
        table: "investment_intention",
        where: "target_city_id = $1",
        order: "created_at, id",
        size: 100,
        node: `json_build_object('id', r.id, 'kind', r.kind, 'stage', r.stage, 'amount', r.amount::text,
          'currency', r.currency, 'signedOn', r.signed_on,
          'investorPerson', ${json("p", `'id', p.id, 'nameZh', p.name_zh, 'residenceCountry', ${country("k")}`)},
          'investorOrganization', ${json("o", `'id', o.id, 'nameZh', o.name_zh`)},
          'targetCity', json_build_object('id', c.id, 'nameZh', c.name_zh),
          'delegation', ${json("d", `'id', d.id, 'name', d.name, 'startDate', d.start_date`)})`,
        joins: `LEFT JOIN person p ON p.id = r.investor_person_id
          LEFT JOIN country k ON k.code = p.residence_country_code
          LEFT JOIN organization o ON o.id = r.investor_organization_id
          JOIN city c ON c.id = r.target_city_id
          LEFT JOIN delegation d ON d.id = r.delegation_id`,
      }),
      parameters: [s.investmentCity],
    },
    list: {
      hub: ["investmentIntentions", "nodes"],
      postgraphile: ["allInvestmentIntentions", "nodes"],
    },
  };
}

function inboundCount(): Shape {
  return {
    name: "totalCount alone: inbound delegations, all of them",
    hub: {
      query: `query InboundCount { delegations(filter: { direction: INBOUND }) { totalCount } }`,
      variables: {},
    },
    postgraphile: {
      query: `query InboundCount { allDelegations(condition: { direction: "INBOUND" }) { totalCount } }`,
      variables: {},
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('delegations', json_build_object(
          'totalCount', (${tallyCount("dimension = 'NONE' AND direction = 'INBOUND'")}))))::text AS data`,
      parameters: [],
    },
    list: { hub: ["delegations"], postgraphile: ["allDelegations"] },
  };
}

export const listShapes = (s: BenchSubjects) => ({
  latestDelegations: latestDelegations(),
  people: people(),
  delegationsOfCountry: delegationsOfCountry(s),
  outboundOfCity: outboundOfCity(s),
  deepPage: deepPage(s),
  partnershipsOfCountry: partnershipsOfCountry(s),
  investmentsOfCity: investmentsOfCity(s),
  inboundCount: inboundCount(),
});
