/* global process */
// Preloaded (`node --import`) into each server `npm run bench` starts: counts the SQL statements
// the process sends through node-postgres, whichever library calls it, and reports the count to
// the benchmark over IPC when asked, so that all three servers are counted the same way.
import pg from "pg";

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

process.on("message", (message) => {
  if (message === "statements") process.send({ statements });
});
