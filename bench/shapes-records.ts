// Shapes that start at one record: by id, through node(id:) with fragments, and nested lists three
// levels deep. The hub's relation orders (src/modules/*/…relations.ts) are spelled out for the
// other two: a child list by its declared order, nulls last, then id; a link-table list by id.
import type { Shape } from "./bench-queries";
import { BenchSubjects } from "./bench-subjects";

const json = (alias: string, fields: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(${fields}) END`;
const country = (alias: string) =>
  `CASE WHEN ${alias}.code IS NULL THEN NULL ELSE json_build_object('code', ${alias}.code, 'nameZh', ${alias}.name_zh) END`;

function cityPartnerships(s: BenchSubjects): Shape {
  return {
    name: "one city, its partnerships, partner cities and their countries",
    hub: {
      query: `query CityPartnerships($id: ID!) {
        city(id: $id) {
          id nameZh nameEn
          partnerships {
            id kind stage
            partnerCity { id nameZh nameEn country { code nameZh region } }
          }
        }
      }`,
      variables: { id: s.city.id },
    },
    postgraphile: {
      query: `query CityPartnerships($id: UUID!) {
        cityByRowId(rowId: $id) {
          id: rowId nameZh nameEn
          partnerships: partnershipsByHomeCityIdAndHomeCountryCode(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
            nodes {
              id: rowId kind stage
              partnerCity: cityByPartnerCityIdAndPartnerCountryCode {
                id: rowId nameZh nameEn
                country: countryByCountryCode { code nameZh region }
              }
            }
          }
        }
      }`,
      variables: { id: s.city.id },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('city', (
        SELECT json_build_object('id', c.id, 'nameZh', c.name_zh, 'nameEn', c.name_en,
          'partnerships', coalesce((
            SELECT json_agg(json_build_object('id', p.id, 'kind', p.kind, 'stage', p.stage,
              'partnerCity', json_build_object('id', pc.id, 'nameZh', pc.name_zh, 'nameEn', pc.name_en,
                'country', json_build_object('code', k.code, 'nameZh', k.name_zh, 'region', k.region)))
              ORDER BY p.created_at, p.id)
            FROM partnership p
            JOIN city pc ON pc.id = CASE WHEN p.home_city_id = c.id THEN p.partner_city_id ELSE p.home_city_id END
            JOIN country k ON k.code = pc.country_code
            WHERE p.home_city_id = c.id OR p.partner_city_id = c.id), '[]'))
        FROM city c WHERE c.id = $1)))::text AS data`,
      parameters: [s.city.id],
    },
    list: { hub: ["city", "partnerships"], postgraphile: ["cityByRowId", "partnerships", "nodes"] },
  };
}

function personNode(s: BenchSubjects): Shape {
  return {
    name: "node(id:) of a person, named fragment: affiliations → organization → country, delegations → home city, counterpart country",
    hub: {
      query: `query PersonNode($id: ID!) {
        node(id: $id) { id ...PersonCard }
      }
      fragment PersonCard on Person {
        nameZh nameEn
        affiliations { role organization { id nameZh country { code nameZh } } }
        delegations { id name startDate homeCity { id nameZh } counterpartCountry { code nameZh } }
      }`,
      variables: { id: s.person },
    },
    postgraphile: {
      query: `query PersonNode($id: ID!) {
        node(id: $id) { ...PersonCard }
      }
      fragment PersonCard on Person {
        id: rowId nameZh nameEn
        affiliations: affiliationsByPersonId(orderBy: [SINCE_ASC, ROW_ID_ASC]) {
          nodes {
            role
            organization: organizationByOrganizationId {
              id: rowId nameZh country: countryByCountryCode { code nameZh }
            }
          }
        }
        delegations: delegationMembersByPersonId(orderBy: DELEGATION_ID_ASC) {
          nodes {
            delegation: delegationByDelegationId {
              id: rowId name startDate
              homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
              counterpartCountry: countryByCounterpartCountryCode { code nameZh }
            }
          }
        }
      }`,
      variables: { id: s.asked?.nodeIds.person },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('node', (
        SELECT json_build_object('id', p.id, 'nameZh', p.name_zh, 'nameEn', p.name_en,
          'affiliations', (
            SELECT coalesce(json_agg(json_build_object('role', a.role,
              'organization', json_build_object('id', o.id, 'nameZh', o.name_zh, 'country', ${country("k")}))
              ORDER BY a.since, a.id), '[]')
            FROM affiliation a JOIN organization o ON o.id = a.organization_id
            LEFT JOIN country k ON k.code = o.country_code
            WHERE a.person_id = p.id),
          'delegations', (
            SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'startDate', d.start_date,
              'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
              'counterpartCountry', ${country("k")}) ORDER BY d.id), '[]')
            FROM delegation_member m JOIN delegation d ON d.id = m.delegation_id
            JOIN city h ON h.id = d.home_city_id
            LEFT JOIN country k ON k.code = d.counterpart_country_code
            WHERE m.person_id = p.id))
        FROM person p WHERE p.id = $1)))::text AS data`,
      parameters: [s.person],
    },
    list: { hub: ["node", "delegations"], postgraphile: ["node", "delegations", "nodes"] },
  };
}

function nodesOfEachType(s: BenchSubjects): Shape {
  const ids = s.asked?.nodeIds ?? {};
  return {
    name: "five node(id:) roots in one document, one per type, inline and named fragments, nullable references filled",
    hub: {
      query: `query Nodes($city: ID!, $delegation: ID!, $partnership: ID!, $organization: ID!, $investment: ID!) {
        city: node(id: $city) { id ... on City { nameZh country { code nameZh } } }
        delegation: node(id: $delegation) { id ...DelegationCard }
        partnership: node(id: $partnership) {
          id ... on Partnership { kind stage homeCity { id nameZh } partnerCity { id nameEn } }
        }
        organization: node(id: $organization) { id ... on Organization { nameZh kind city { id nameZh } } }
        investment: node(id: $investment) {
          id ... on InvestmentIntention { kind investorPerson { id nameZh } targetCity { id nameZh } delegation { id name } }
        }
      }
      fragment DelegationCard on Delegation {
        name direction counterpartCity { id nameEn } organization { id nameZh } partnership { id stage }
      }`,
      variables: {
        city: s.city.id,
        delegation: s.nodes.delegation,
        partnership: s.nodes.partnership,
        organization: s.nodes.organization,
        investment: s.nodes.investmentIntention,
      },
    },
    postgraphile: {
      query: `query Nodes($city: ID!, $delegation: ID!, $partnership: ID!, $organization: ID!, $investment: ID!) {
        city: node(id: $city) {
          ... on City { id: rowId nameZh country: countryByCountryCode { code nameZh } }
        }
        delegation: node(id: $delegation) { ...DelegationCard }
        partnership: node(id: $partnership) {
          ... on Partnership {
            id: rowId kind stage
            homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
            partnerCity: cityByPartnerCityIdAndPartnerCountryCode { id: rowId nameEn }
          }
        }
        organization: node(id: $organization) {
          ... on Organization { id: rowId nameZh kind city: cityByCityId { id: rowId nameZh } }
        }
        investment: node(id: $investment) {
          ... on InvestmentIntention {
            id: rowId kind
            investorPerson: personByInvestorPersonId { id: rowId nameZh }
            targetCity: cityByTargetCityId { id: rowId nameZh }
            delegation: delegationByDelegationId { id: rowId name }
          }
        }
      }
      fragment DelegationCard on Delegation {
        id: rowId name direction
        counterpartCity: cityByCounterpartCityIdAndCounterpartCountryCode { id: rowId nameEn }
        organization: organizationByOrganizationId { id: rowId nameZh }
        partnership: partnershipByPartnershipId { id: rowId stage }
      }`,
      variables: {
        city: ids.city,
        delegation: ids.delegation,
        partnership: ids.partnership,
        organization: ids.organization,
        investment: ids.investmentIntention,
      },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object(
        'city', (SELECT json_build_object('id', c.id, 'nameZh', c.name_zh,
            'country', json_build_object('code', k.code, 'nameZh', k.name_zh))
          FROM city c JOIN country k ON k.code = c.country_code WHERE c.id = $1),
        'delegation', (SELECT json_build_object('id', d.id, 'name', d.name, 'direction', d.direction,
            'counterpartCity', ${json("cc", `'id', cc.id, 'nameEn', cc.name_en`)},
            'organization', ${json("o", `'id', o.id, 'nameZh', o.name_zh`)},
            'partnership', ${json("p", `'id', p.id, 'stage', p.stage`)})
          FROM delegation d LEFT JOIN city cc ON cc.id = d.counterpart_city_id
          LEFT JOIN organization o ON o.id = d.organization_id
          LEFT JOIN partnership p ON p.id = d.partnership_id WHERE d.id = $2),
        'partnership', (SELECT json_build_object('id', p.id, 'kind', p.kind, 'stage', p.stage,
            'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
            'partnerCity', json_build_object('id', pc.id, 'nameEn', pc.name_en))
          FROM partnership p JOIN city h ON h.id = p.home_city_id
          JOIN city pc ON pc.id = p.partner_city_id WHERE p.id = $3),
        'organization', (SELECT json_build_object('id', o.id, 'nameZh', o.name_zh, 'kind', o.kind,
            'city', ${json("c", `'id', c.id, 'nameZh', c.name_zh`)})
          FROM organization o LEFT JOIN city c ON c.id = o.city_id WHERE o.id = $4),
        'investment', (SELECT json_build_object('id', i.id, 'kind', i.kind,
            'investorPerson', ${json("p", `'id', p.id, 'nameZh', p.name_zh`)},
            'targetCity', json_build_object('id', c.id, 'nameZh', c.name_zh),
            'delegation', ${json("d", `'id', d.id, 'name', d.name`)})
          FROM investment_intention i LEFT JOIN person p ON p.id = i.investor_person_id
          JOIN city c ON c.id = i.target_city_id
          LEFT JOIN delegation d ON d.id = i.delegation_id WHERE i.id = $5)))::text AS data`,
      parameters: [
        s.city.id,
        s.nodes.delegation,
        s.nodes.partnership,
        s.nodes.organization,
        s.nodes.investmentIntention,
      ],
    },
    list: { hub: ["delegation"], postgraphile: ["delegation"] },
  };
}

function personDelegationMembers(s: BenchSubjects): Shape {
  return {
    name: "three levels: a person, the person's delegations, their members",
    hub: {
      query: `query PersonDelegations($id: ID!) {
        person(id: $id) { id nameZh delegations { id name members { id nameZh } } }
      }`,
      variables: { id: s.person },
    },
    postgraphile: {
      query: `query PersonDelegations($id: UUID!) {
        personByRowId(rowId: $id) {
          id: rowId nameZh
          delegations: delegationMembersByPersonId(orderBy: DELEGATION_ID_ASC) {
            nodes {
              delegation: delegationByDelegationId {
                id: rowId name
                members: delegationMembersByDelegationId(orderBy: PERSON_ID_ASC) {
                  nodes { person: personByPersonId { id: rowId nameZh } }
                }
              }
            }
          }
        }
      }`,
      variables: { id: s.person },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('person', (
        SELECT json_build_object('id', p.id, 'nameZh', p.name_zh, 'delegations', (
          SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'members', (
              SELECT coalesce(json_agg(json_build_object('id', mp.id, 'nameZh', mp.name_zh) ORDER BY mp.id), '[]')
              FROM delegation_member mm JOIN person mp ON mp.id = mm.person_id
              WHERE mm.delegation_id = d.id)) ORDER BY d.id), '[]')
          FROM delegation_member m JOIN delegation d ON d.id = m.delegation_id
          WHERE m.person_id = p.id))
        FROM person p WHERE p.id = $1)))::text AS data`,
      parameters: [s.person],
    },
    list: {
      hub: ["person", "delegations"],
      postgraphile: ["personByRowId", "delegations", "nodes"],
    },
  };
}

function cityPartnershipDelegations(s: BenchSubjects): Shape {
  return {
    name: "three levels: a city, its partnerships, the delegations through each",
    hub: {
      query: `query CityPartnershipDelegations($id: ID!) {
        city(id: $id) {
          id nameZh
          partnerships { id stage partnerCity { id nameEn } delegations { id name startDate } }
        }
      }`,
      variables: { id: s.city.id },
    },
    postgraphile: {
      query: `query CityPartnershipDelegations($id: UUID!) {
        cityByRowId(rowId: $id) {
          id: rowId nameZh
          partnerships: partnershipsByHomeCityIdAndHomeCountryCode(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
            nodes {
              id: rowId stage
              partnerCity: cityByPartnerCityIdAndPartnerCountryCode { id: rowId nameEn }
              delegations: delegationsByPartnershipId(orderBy: [START_DATE_DESC, ROW_ID_ASC]) {
                nodes { id: rowId name startDate }
              }
            }
          }
        }
      }`,
      variables: { id: s.city.id },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('city', (
        SELECT json_build_object('id', c.id, 'nameZh', c.name_zh, 'partnerships', (
          SELECT coalesce(json_agg(json_build_object('id', p.id, 'stage', p.stage,
            'partnerCity', json_build_object('id', pc.id, 'nameEn', pc.name_en),
            'delegations', (
              SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'startDate', d.start_date)
                ORDER BY d.start_date DESC NULLS LAST, d.id), '[]')
              FROM delegation d WHERE d.partnership_id = p.id)) ORDER BY p.created_at, p.id), '[]')
          FROM partnership p JOIN city pc ON pc.id = p.partner_city_id
          WHERE p.home_city_id = c.id OR p.partner_city_id = c.id))
        FROM city c WHERE c.id = $1)))::text AS data`,
      parameters: [s.city.id],
    },
    list: { hub: ["city", "partnerships"], postgraphile: ["cityByRowId", "partnerships", "nodes"] },
  };
}

export const recordShapes = (s: BenchSubjects) => ({
  cityPartnerships: cityPartnerships(s),
  personNode: personNode(s),
  nodesOfEachType: nodesOfEachType(s),
  personDelegationMembers: personDelegationMembers(s),
  cityPartnershipDelegations: cityPartnershipDelegations(s),
});
