// The PostgreSQL driver as TypeORM sees it: node-postgres, with dates kept as the strings the
// database wrote, every statement counted, reads prepared once per connection, and JIT off.
import { createHash } from "node:crypto";
import pg from "pg";
import { countStatement } from "./statement-count";

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

/**
 * Distinct statement texts prepared at most. The hub's reads are a few hundred texts, repeated;
 * past the bound (texts built from data), statements run unprepared as before.
 */
const MAX_PREPARED = 1000;
const preparedNames = new Map<string, string>();

/**
 * A single read (SELECT, or WITH … SELECT) with its parameters runs as a named prepared
 * statement: PostgreSQL plans it once per connection instead of on every request, which for the
 * hub's nested reads costs more than running them. Anything else (several statements, writes,
 * DDL) goes as it came.
 */
function prepared(args: unknown[]): unknown[] {
  const [text, values, ...rest] = args;
  if (typeof text !== "string" || !Array.isArray(values)) return args;
  let name = preparedNames.get(text);
  if (!name) {
    if (!/^\s*(SELECT|WITH)\b/i.test(text) || /;|\b(INSERT|UPDATE|DELETE)\b/i.test(text))
      return args;
    if (preparedNames.size >= MAX_PREPARED) return args;
    name = `hub_${createHash("sha1").update(text).digest("base64url")}`;
    preparedNames.set(text, name);
  }
  return [{ name, text, values }, undefined, ...rest];
}

class CountingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection the server ends (pg_terminate_backend, a restart) reports it as an 'error'
    // event, which can come while neither the pool nor a query runner listens: right after a new
    // connection is handed out. Unheard, it would end the process; the pool drops the client anyway.
    this.on("error", () => {});
  }

  // pg.Client.query has many overloads; counting must not change which one runs.
  query(...args: unknown[]): never {
    countStatement(args[0]);
    return (super.query as (...a: unknown[]) => never)(...prepared(args));
  }
}

/**
 * JIT compilation off for the hub's sessions: its statements are short reads whose planner
 * estimates over a large database can pass jit_above_cost (a network walk cannot say how few rows
 * its steps read), and compiling such a plan takes far longer than running it.
 */
const SESSION_SETTINGS = "-c jit=off";

export const serverPoolOptions = { Client: CountingClient, options: SESSION_SETTINGS };
