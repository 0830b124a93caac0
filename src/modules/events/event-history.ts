// Reading the outbox: the relay's next events, and a replay's next page, both in cursor order. A
// replay reads only the types and the city its subscription can match, in pages, so that what it
// holds does not grow with the history it walks through.
import { DataSource } from "typeorm";
import { EventSelection } from "./event-filters";
import { HubEventRow } from "./hub-event";

/**
 * Up to `limit` events matching `where` (on `hub_event`), in cursor order. An event's record is
 * its audit entry's, looked up by the entry's key for each event read; events written before they
 * named entries hold a copy. (Joined instead, the planner may read every entry to find a page's.)
 */
const events = (where: string, limit: number) =>
  `SELECT e.cursor::text AS cursor, e.type, e.entity_type AS "entityType",
    e.entity_id AS "entityId", e.city_id AS "cityId",
    coalesce(e.entity,
      (SELECT coalesce(a.after, a.before) FROM audit_entry a WHERE a.id = e.entry_id)) AS entity,
    e.occurred_at AS "occurredAt"
  FROM hub_event e WHERE ${where} ORDER BY e.cursor LIMIT ${limit}`;

export type Query = (sql: string, parameters: unknown[]) => Promise<HubEventRow[]>;

/** Up to `limit` events after cursor `after`, in order. */
export function nextEvents(query: Query, after: bigint, limit: number): Promise<HubEventRow[]> {
  return query(events(`e.cursor > $1`, limit), [after.toString()]);
}

/** Up to `limit` events with `after` < cursor ≤ `upTo` of the selection's types and city. */
export function selectedEvents(
  db: DataSource,
  selection: EventSelection,
  after: bigint,
  upTo: bigint,
  limit: number,
): Promise<HubEventRow[]> {
  const parameters: unknown[] = [after.toString(), upTo.toString()];
  const where = [`e.cursor > $1`, `e.cursor <= $2`];
  const { types, cityId } = selection;
  if (types?.length === 1) where.push(`e.type = $${parameters.push(types[0])}`);
  else if (types) where.push(`e.type = ANY($${parameters.push(types)}::text[])`);
  if (cityId) where.push(`e.city_id = $${parameters.push(cityId)}`);
  return db.query(events(where.join(" AND "), limit), parameters);
}

/**
 * At most `width` replay pages at once: a crowd of replays then shares the database with the
 * hub's other requests instead of queueing ahead of them all.
 */
export class ReplayGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly width: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((go) => this.waiting.push(go));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
