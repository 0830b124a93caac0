// The PostgreSQL driver as TypeORM sees it: node-postgres, with dates kept as the strings the
// database wrote and every statement counted.
import pg from "pg";
import { countStatement } from "./statement-count";

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

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
    countStatement();
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

export const serverPoolOptions = { Client: CountingClient };
