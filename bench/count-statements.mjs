/* global process */
// Preloaded (`node --import`) into each server `npm run bench` starts: counts the SQL statements
// the process sends through node-postgres, whichever library calls it, and keeps the text and
// parameters of the latest ones, so that the benchmark can count all three servers the same way
// and replay the hub's statements under EXPLAIN. Both go to the benchmark over IPC when asked;
// the statements kept are then forgotten.
import { createRequire } from "node:module";

// The node-postgres the server itself loads: PostGraphile's, in bench/node22, is another copy.
const pg = createRequire(process.argv[1])("pg");

const KEPT = 100;
let statements = 0;
let recent = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  const [first, second] = args;
  if (recent.length < KEPT) {
    recent.push(
      typeof first === "string"
        ? { sql: first, parameters: Array.isArray(second) ? second : [] }
        : { sql: first?.text, parameters: first?.values ?? [] },
    );
  }
  return query.apply(this, args);
};

process.on("message", (message) => {
  if (message === "statements") {
    process.send({ statements, recent });
    recent = [];
  }
});
