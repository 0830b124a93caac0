// A read that needs no transaction, sent to the driver's pool itself. TypeORM's DataSource.query
// makes a query runner for every call, and on a busy hub each runner's objects and the rows it
// read outlived the young generation, so that every minor GC copied them: 87–95 ms of scavenge
// pauses in 5 s of bench shape (p) at one connection, against 24–31 ms through the pool.
import { DataSource } from "typeorm";

/** What both drivers' pools (node-postgres's, the embedded one) answer a statement with. */
interface Pool {
  query(sql: string, parameters: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The rows of one read statement, through the pool, outside any transaction; TypeORM's logger
 * still hears of it, as it hears of every other statement. */
export async function read<Row>(
  db: DataSource,
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  db.logger.logQuery(sql, parameters);
  return (await pool.query(sql, parameters)).rows as Row[];
}
