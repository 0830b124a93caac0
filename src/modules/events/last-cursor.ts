import { DataSource } from "typeorm";

/**
 * Cursors are taken under a lock held to commit, so every event committed later has a higher
 * cursor than the largest one visible now.
 */
export async function lastCommittedCursor(db: DataSource): Promise<string> {
  const [{ last }] = await db.query(`SELECT coalesce(max(cursor), 0)::text AS last FROM hub_event`);
  return last;
}
