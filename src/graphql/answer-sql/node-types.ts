// The record type of each id `node(id)` has found, per database. The hub makes every id, and an id
// names one record for the life of a database, so once found its type never changes: the next
// `node(id)` looks in that one table instead of in every record table, each of which PostgreSQL
// would otherwise open for every request.
import { DataSource } from "typeorm";
import { RecentlyUsed } from "../pipeline/recently-used";

/** Ids whose type is kept, per database: enough for every record a dashboard shows, bounded. */
const KEPT_IDS = 100_000;

const byDatabase = new WeakMap<DataSource, RecentlyUsed<string>>();

/** The ids' types this process has seen in `db`: id → GraphQL type name. */
export function nodeTypesOf(db: DataSource): RecentlyUsed<string> {
  let types = byDatabase.get(db);
  if (!types) {
    types = new RecentlyUsed<string>(KEPT_IDS);
    byDatabase.set(db, types);
  }
  return types;
}
