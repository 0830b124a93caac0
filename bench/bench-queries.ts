// The four queries of `npm run bench`, each as the hub asks it, as PostGraphile 5 asks it over the
// same tables (its own field names and relation shapes), and as the floor's one hand-written SQL
// statement that returns the whole answer as JSON. The floor answers in the hub's shape.

export interface BenchQuery {
  name: string;
  /** The GraphQL document and variables for the hub. */
  hub: { query: string; variables: Record<string, unknown> };
  postgraphile: { query: string; variables: Record<string, unknown> };
  /** One statement whose single row's `data` column is the JSON response, and its parameters. */
  floor: { sql: string; parameters: unknown[] };
  /** Rows at the answer's top list, so the three answers can be checked to agree. */
  size: (data: unknown, server: "hub" | "postgraphile" | "floor") => number;
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce((v, key) => (v as Json | null)?.[key], value);
const length = (value: unknown): number => (Array.isArray(value) ? value.length : -1);

const CITY_PARTNERSHIPS = {
  hub: `query CityPartnerships($id: ID!) {
    city(id: $id) {
      id nameZh nameEn
      partnerships {
        id kind stage
        partnerCity { id nameZh nameEn country { code nameZh region } }
      }
    }
  }`,
  postgraphile: `query CityPartnerships($id: UUID!) {
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
  floor: `SELECT json_build_object('data', json_build_object('city', (
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
};

const DELEGATIONS = {
  hub: `query Delegations {
    delegations(first: 50) {
      nodes {
        id name startDate
        homeCity { id nameZh }
        counterpartCountry { code nameZh }
        members { id nameZh }
      }
    }
  }`,
  postgraphile: `query Delegations {
    allDelegations(first: 50, orderBy: [START_DATE_DESC, ROW_ID_DESC]) {
      nodes {
        id: rowId name startDate
        homeCity: cityByHomeCityIdAndHomeCountryCode { id: rowId nameZh }
        counterpartCountry: countryByCounterpartCountryCode { code nameZh }
        members: delegationMembersByDelegationId { nodes { person: personByPersonId { id: rowId nameZh } } }
      }
    }
  }`,
  floor: `SELECT json_build_object('data', json_build_object('delegations', json_build_object('nodes',
    coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'startDate', d.start_date,
      'homeCity', json_build_object('id', h.id, 'nameZh', h.name_zh),
      'counterpartCountry', CASE WHEN k.code IS NULL THEN NULL
        ELSE json_build_object('code', k.code, 'nameZh', k.name_zh) END,
      'members', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'nameZh', p.name_zh)), '[]')
        FROM delegation_member m JOIN person p ON p.id = m.person_id WHERE m.delegation_id = d.id))
      ORDER BY d.start_date DESC, d.id DESC), '[]'))))::text AS data
  FROM (
    SELECT id, name, start_date, home_city_id, counterpart_country_code
    FROM delegation ORDER BY start_date DESC, id DESC LIMIT 50) d
  JOIN city h ON h.id = d.home_city_id
  LEFT JOIN country k ON k.code = d.counterpart_country_code`,
};

const PEOPLE = {
  hub: `query People {
    people(first: 100) {
      nodes {
        id nameZh nameEn
        affiliations { role since organization { id nameZh kind } }
      }
    }
  }`,
  postgraphile: `query People {
    allPeople(first: 100, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) {
      nodes {
        id: rowId nameZh nameEn
        affiliations: affiliationsByPersonId(orderBy: SINCE_ASC) {
          nodes { role since organization: organizationByOrganizationId { id: rowId nameZh kind } }
        }
      }
    }
  }`,
  floor: `SELECT json_build_object('data', json_build_object('people', json_build_object('nodes',
    coalesce(json_agg(json_build_object('id', p.id, 'nameZh', p.name_zh, 'nameEn', p.name_en,
      'affiliations', (SELECT coalesce(json_agg(json_build_object('role', a.role, 'since', a.since,
          'organization', json_build_object('id', o.id, 'nameZh', o.name_zh, 'kind', o.kind))
          ORDER BY a.since), '[]')
        FROM affiliation a JOIN organization o ON o.id = a.organization_id WHERE a.person_id = p.id))
      ORDER BY p.name_zh, p.id), '[]'))))::text AS data
  FROM (SELECT id, name_zh, name_en FROM person ORDER BY name_zh, id LIMIT 100) p`,
};

const STATS = {
  hub: `query DelegationStats {
    delegationStats(groupBy: [YEAR, REGION]) { key batches personTimes }
  }`,
  postgraphile: `query DelegationStats {
    delegationStatsByYearAndRegion { key batches personTimes }
  }`,
  floor: `SELECT json_build_object('data', json_build_object('delegationStats',
    coalesce(json_agg(json_build_object('key', key, 'batches', batches, 'personTimes', person_times)
      ORDER BY key), '[]')))::text AS data
  FROM (
    SELECT ARRAY[coalesce(t.start_year::text, 'UNKNOWN'), coalesce(c.region, 'UNKNOWN')] AS key,
           sum(t.batches)::int AS batches, sum(t.person_times)::int AS person_times
    FROM delegation_tally t LEFT JOIN country c ON c.code = t.value
    WHERE t.dimension = 'COUNTRY'
    GROUP BY 1) s`,
};

export function benchQueries(cityId: string): BenchQuery[] {
  return [
    {
      name: "(a) one city, its partnerships, partner cities and their countries",
      hub: { query: CITY_PARTNERSHIPS.hub, variables: { id: cityId } },
      postgraphile: { query: CITY_PARTNERSHIPS.postgraphile, variables: { id: cityId } },
      floor: { sql: CITY_PARTNERSHIPS.floor, parameters: [cityId] },
      size: (data, server) =>
        length(
          server === "postgraphile"
            ? at(data, "cityByRowId", "partnerships", "nodes")
            : at(data, "city", "partnerships"),
        ),
    },
    {
      name: "(b) 50 delegations with home city, counterpart country and members",
      hub: { query: DELEGATIONS.hub, variables: {} },
      postgraphile: { query: DELEGATIONS.postgraphile, variables: {} },
      floor: { sql: DELEGATIONS.floor, parameters: [] },
      size: (data, server) =>
        length(at(data, server === "postgraphile" ? "allDelegations" : "delegations", "nodes")),
    },
    {
      name: "(c) a page of 100 people with affiliations and organizations",
      hub: { query: PEOPLE.hub, variables: {} },
      postgraphile: { query: PEOPLE.postgraphile, variables: {} },
      floor: { sql: PEOPLE.floor, parameters: [] },
      size: (data, server) =>
        length(at(data, server === "postgraphile" ? "allPeople" : "people", "nodes")),
    },
    {
      name: "(d) delegationStats by YEAR and REGION",
      hub: { query: STATS.hub, variables: {} },
      postgraphile: { query: STATS.postgraphile, variables: {} },
      floor: { sql: STATS.floor, parameters: [] },
      size: (data, server) =>
        length(
          at(
            data,
            server === "postgraphile" ? "delegationStatsByYearAndRegion" : "delegationStats",
          ),
        ),
    },
  ];
}
