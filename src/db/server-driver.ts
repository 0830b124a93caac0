// The PostgreSQL driver as TypeORM sees it: node-postgres, with dates kept as the strings the
// database wrote and every statement counted.
import pg from "pg";
import { countStatement } from "./statement-count";

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

class CountingClient extends pg.Client {
  // pg.Client.query has many overloads; counting must not change which one runs.
  query(...args: unknown[]): never {
    countStatement();
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

export const serverPoolOptions = { Client: CountingClient };
