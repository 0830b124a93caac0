// The floor of `npm run bench`: each query's one hand-written SQL statement, its JSON built by
// PostgreSQL, passed through plain node:http (GET /0 … /3). Nothing a GraphQL server could
// skip is left, so it bounds what any server can reach on this machine and database.
import http from "node:http";
import { AddressInfo } from "node:net";
import pg from "pg";
import { benchQueries } from "./bench-queries";

const [port, poolSize, cityId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(poolSize) });
const statements = benchQueries(cityId).map((q, i) => ({
  // A named statement is prepared once per connection, as a hand-written server would do.
  name: `floor_${i}`,
  text: q.floor.sql,
  values: q.floor.parameters,
}));

const server = http.createServer((req, res) => {
  const statement = statements[Number(req.url?.slice(1))];
  if (!statement) {
    res.writeHead(404).end();
    return;
  }
  pool.query<{ data: string }>(statement).then(
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
