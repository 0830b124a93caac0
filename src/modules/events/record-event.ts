// Writes a change's event inside the change's own transaction: a rolled-back write leaves none.
import { EntityManager } from "typeorm";
import { inChunks } from "../../db/bulk-statements";
import { eventTypeOf } from "./hub-event";

/** Any constant the hub alone uses: the lock that orders event cursors by commit. */
const EVENT_ORDER_LOCK = 7_464_001;
export const EVENT_CHANNEL = "hub_event";

export interface ChangeRecord {
  action: string;
  entityType: string;
  entityId: string;
  cityId: string | null;
  entity: object | null;
}

/**
 * Call last in a write transaction: the lock is held until commit, so events get cursors in the
 * order their transactions commit. NOTIFY is delivered at commit and carries only the cursor.
 */
export async function recordEvent(tx: EntityManager, change: ChangeRecord): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_ORDER_LOCK]);
  const [{ cursor }] = await tx.query(
    `INSERT INTO hub_event (type, entity_type, entity_id, city_id, entity) VALUES ($1, $2, $3, $4, $5) RETURNING cursor::text`,
    [
      eventTypeOf(change.entityType, change.action),
      change.entityType,
      change.entityId,
      change.cityId,
      change.entity && JSON.stringify(change.entity),
    ],
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, cursor]);
}

/** A created record's event: its audit entry, whose `after` is the event's entity, and city. */
export interface AuditedCreation {
  entryId: string;
  cityId: string | null;
}

/**
 * The events of records created in this transaction, in their order, under the same lock as
 * `recordEvent` and with one notification; call last in the write transaction, as `recordEvent`.
 * Each event's entity is read from the creation's audit entry, which holds the same JSON, so it
 * is not sent again.
 */
export async function recordCreationEvents(
  tx: EntityManager,
  entityType: string,
  creations: AuditedCreation[],
): Promise<void> {
  if (creations.length === 0) return;
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_ORDER_LOCK]);
  const lasts = await inChunks(
    creations,
    (chunk) => [chunk.map((c) => c.entryId), chunk.map((c) => c.cityId)],
    async ([entryIds, cityIds]) => {
      // Cursors are taken in the order rows arrive, which ORDER BY n keeps the creations' order.
      const [{ cursor }] = await tx.query(
        `WITH written AS (
           INSERT INTO hub_event (type, entity_type, entity_id, city_id, entity)
           SELECT $1, a.entity_type, a.entity_id, c.city_id, a.after
           FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS c (entry_id, city_id, n)
           JOIN audit_entry a ON a.id = c.entry_id
           ORDER BY c.n
           RETURNING cursor)
         SELECT max(cursor)::text AS cursor FROM written`,
        [eventTypeOf(entityType, "create"), entryIds, cityIds],
      );
      return cursor as string;
    },
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, lasts[lasts.length - 1]]);
}
