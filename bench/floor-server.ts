// The floor of `npm run bench`: each shape's one hand-written SQL statement, its JSON built by
// PostgreSQL, passed through plain node:http (GET /0, /1, … in the order of benchQueries). Nothing
// a GraphQL server could skip is left, so it bounds what any server can reach on this machine and
// database.
import "reflect-metadata";
import http from "node:http";
import { AddressInfo } from "node:net";
import pg from "pg";
import { benchQueries } from "./bench-queries";
import { BenchSubjects } from "./bench-subjects";

const [port, poolSize, subjects] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(poolSize) });
// For the statements the hub runs with JIT compilation off, a pool whose sessions have it off.
const withoutJit = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(poolSize),
  options: "-c jit=off",
});
const statements = benchQueries(JSON.parse(subjects) as BenchSubjects).map((q, i) => ({
  pool: q.floor.jit === false ? withoutJit : pool,
  // A named statement is prepared once per connection, as a hand-written server would do.
  query: { name: `floor_${i}`, text: q.floor.sql, values: q.floor.parameters },
}));

const server = http.createServer((req, res) => {
  const statement = statements[Number(req.url?.slice(1))];
  if (!statement) {
    res.writeHead(404).end();
    return;
  }
  statement.pool.query<{ data: string }>(statement.query).then(
    ({ rows }) => {
      res.writeHead(200, { "content-type": "application/json" }).end(rows[0].data);
    },
    (error: Error) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: error.message }] }));
    },
  );
});
server.listen(Number(port), () => {
  process.send?.({ ready: (server.address() as AddressInfo).port });
});
