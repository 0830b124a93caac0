// Shapes past plain records: statistics, the relationship network, and a city's dashboard asking
// several roots in one document. PostGraphile has no GROUP BY or graph walk of its own, so it
// answers these through schema extensions (bench/node22/postgraphile-server.mjs) that run the
// statement the floor runs. The network walk is the hub's own statement (networkSql) for all
// three: no shorter hand-written walk returns the same nodes, so there the floor measures what the
// hub adds around its statement, not a better statement.
import type { Shape } from "./bench-queries";
import { BenchSubjects } from "./bench-subjects";
import { tallyCount } from "./shapes-lists";
import { networkSql } from "../src/modules/network/network.sql";
import { EdgeKind } from "../src/modules/network/network.types";

const STATS_BY_YEAR_AND_REGION = `
  SELECT ARRAY[coalesce(t.start_year::text, 'UNKNOWN'), coalesce(c.region, 'UNKNOWN')] AS key,
         sum(t.batches)::int AS batches, sum(t.person_times)::int AS person_times
  FROM delegation_tally t LEFT JOIN country c ON c.code = t.value
  WHERE t.dimension = 'COUNTRY'
  GROUP BY 1`;

function delegationStats(): Shape {
  return {
    name: "delegationStats by YEAR and REGION",
    hub: {
      query: `query DelegationStats {
        delegationStats(groupBy: [YEAR, REGION]) { key batches personTimes }
      }`,
      variables: {},
    },
    postgraphile: {
      query: `query DelegationStats {
        delegationStatsByYearAndRegion { key batches personTimes }
      }`,
      variables: {},
    },
    floor: {
      // From the running totals the hub keeps in delegation_tally, as the hub itself reads them.
      sql: `SELECT json_build_object('data', json_build_object('delegationStats',
        coalesce(json_agg(json_build_object('key', key, 'batches', batches, 'personTimes', person_times)
          ORDER BY key), '[]')))::text AS data
      FROM (${STATS_BY_YEAR_AND_REGION}) s`,
      parameters: [],
    },
    list: { hub: ["delegationStats"], postgraphile: ["delegationStatsByYearAndRegion"] },
  };
}

function partnershipStats(): Shape {
  return {
    name: "partnershipStats by COUNTRY, all partnerships",
    hub: {
      query: `query PartnershipStats { partnershipStats(groupBy: [COUNTRY]) { key count } }`,
      variables: {},
    },
    postgraphile: {
      query: `query PartnershipStats { partnershipStatsByCountry { key count } }`,
      variables: {},
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('partnershipStats',
        coalesce(json_agg(json_build_object('key', ARRAY[s.code], 'count', s.count) ORDER BY s.code), '[]')))::text AS data
      FROM (SELECT partner_country_code::text AS code, count(*)::int AS count
            FROM partnership GROUP BY 1) s`,
      parameters: [],
    },
    list: { hub: ["partnershipStats"], postgraphile: ["partnershipStatsByCountry"] },
  };
}

function network(s: BenchSubjects): Shape {
  const kinds = Object.values(EdgeKind);
  return {
    name: `network depth 2 around ${s.city.name}, every kind of link, at most 200 nodes`,
    hub: {
      query: `query Network($center: ID!) {
        network(centerId: $center, depth: 2) {
          nodes { id type label }
          edges { source target kind weight }
        }
      }`,
      variables: { center: s.city.id },
    },
    postgraphile: {
      query: `query Network($center: UUID!, $kinds: [String!]!) {
        network: walk(centerId: $center, depth: 2, kinds: $kinds, limit: 200) {
          nodes { id type label }
          edges { source target kind weight }
        }
      }`,
      variables: { center: s.city.id, kinds },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('network',
          json_build_object('nodes', w.nodes, 'edges', coalesce(w.edges, '[]'))))::text AS data
        FROM (${networkSql(200)}) w`,
      parameters: [s.city.id, kinds, 2, 200],
      jit: false,
    },
    list: { hub: ["network", "nodes"], postgraphile: ["network", "nodes"] },
  };
}

function cityDashboard(s: BenchSubjects): Shape {
  return {
    name: "a city's dashboard: five roots in one document (city, its delegations, partnerships and investments with totalCount, delegationStats by DIRECTION)",
    hub: {
      query: `query CityDashboard($city: ID!) {
        city(id: $city) { id nameZh nameEn }
        delegations(first: 10, filter: { homeCityId: $city }) {
          totalCount nodes { id name startDate }
        }
        partnerships(first: 10, filter: { homeCityId: $city }) {
          totalCount nodes { id stage partnerCity { id nameEn } }
        }
        investmentIntentions(first: 10, filter: { targetCityId: $city }) {
          totalCount nodes { id kind stage }
        }
        delegationStats(groupBy: [DIRECTION], filter: { homeCityId: $city }) { key batches personTimes }
      }`,
      variables: { city: s.city.id },
    },
    postgraphile: {
      query: `query CityDashboard($city: UUID!) {
        city: cityByRowId(rowId: $city) { id: rowId nameZh nameEn }
        delegations: allDelegations(first: 10, condition: { homeCityId: $city }, orderBy: [START_DATE_DESC, ROW_ID_DESC]) {
          totalCount nodes { id: rowId name startDate }
        }
        partnerships: allPartnerships(first: 10, condition: { homeCityId: $city }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          totalCount nodes { id: rowId stage partnerCity: cityByPartnerCityIdAndPartnerCountryCode { id: rowId nameEn } }
        }
        investmentIntentions: allInvestmentIntentions(first: 10, condition: { targetCityId: $city }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          totalCount nodes { id: rowId kind stage }
        }
        delegationStats: delegationStatsByDirection(homeCityId: $city) { key batches personTimes }
      }`,
      variables: { city: s.city.id },
    },
    floor: {
      sql: `SELECT json_build_object('data', json_build_object(
        'city', (SELECT json_build_object('id', id, 'nameZh', name_zh, 'nameEn', name_en) FROM city WHERE id = $1),
        'delegations', json_build_object(
          'totalCount', (${tallyCount("dimension = 'HOME_CITY' AND value = $1::text")}),
          'nodes', (SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'startDate', d.start_date)
              ORDER BY coalesce(d.start_date, '-infinity'::date) DESC, d.id DESC), '[]')
            FROM (SELECT id, name, start_date FROM delegation WHERE home_city_id = $1
              ORDER BY coalesce(start_date, '-infinity'::date) DESC, id DESC LIMIT 10) d)),
        'partnerships', json_build_object(
          'totalCount', (SELECT count(*) FROM partnership WHERE home_city_id = $1),
          'nodes', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'stage', p.stage,
              'partnerCity', json_build_object('id', c.id, 'nameEn', c.name_en)) ORDER BY p.created_at, p.id), '[]')
            FROM (SELECT * FROM partnership WHERE home_city_id = $1 ORDER BY created_at, id LIMIT 10) p
            JOIN city c ON c.id = p.partner_city_id)),
        'investmentIntentions', json_build_object(
          'totalCount', (SELECT count(*) FROM investment_intention WHERE target_city_id = $1),
          'nodes', (SELECT coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'stage', i.stage)
              ORDER BY i.created_at, i.id), '[]')
            FROM (SELECT * FROM investment_intention WHERE target_city_id = $1 ORDER BY created_at, id LIMIT 10) i)),
        'delegationStats', (SELECT coalesce(json_agg(json_build_object('key', ARRAY[g.direction],
            'batches', g.batches, 'personTimes', g.person_times) ORDER BY g.direction), '[]')
          FROM (SELECT direction, count(*)::int AS batches, coalesce(sum(size), 0)::int AS person_times
                FROM delegation WHERE home_city_id = $1 GROUP BY direction) g)))::text AS data`,
      parameters: [s.city.id],
    },
    list: { hub: ["delegations", "nodes"], postgraphile: ["delegations", "nodes"] },
  };
}

export const analyticsShapes = (s: BenchSubjects) => ({
  delegationStats: delegationStats(),
  partnershipStats: partnershipStats(),
  network: network(s),
  cityDashboard: cityDashboard(s),
});
