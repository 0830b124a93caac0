// Writes a change's event inside the change's own transaction: a rolled-back write leaves none.
// The event names the change's audit entry, written just before it, whose JSON is its record.
import { EntityManager } from "typeorm";
import { inChunks } from "../../db/bulk-statements";
import { arrayLiteral } from "../../db/bulk-insert";
import { ChangeRecord, Creation } from "../../db/service-context";
import { eventTypeOf } from "./hub-event";

/** Any constant the hub alone uses: the lock that orders event cursors by commit. */
const EVENT_ORDER_LOCK = 7_464_001;
export const EVENT_CHANNEL = "hub_event";

/**
 * Call last in a write transaction: the lock is held until commit, so events get cursors in the
 * order their transactions commit. NOTIFY is delivered at commit and carries only the cursor.
 */
export async function recordEvent(tx: EntityManager, change: ChangeRecord): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_ORDER_LOCK]);
  const [{ cursor }] = await tx.query(
    `INSERT INTO hub_event (type, entity_type, entity_id, city_id, entry_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING cursor::text`,
    [
      eventTypeOf(change.entityType, change.action),
      change.entityType,
      change.entityId,
      change.cityId,
      change.entryId,
    ],
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, cursor]);
}

/**
 * The events of records created in this transaction, in their order, under the same lock as
 * `recordEvent` and with one notification; call last in the write transaction, as `recordEvent`.
 */
export async function recordCreationEvents(
  tx: EntityManager,
  entityType: string,
  creations: Creation[],
): Promise<void> {
  if (creations.length === 0) return;
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_ORDER_LOCK]);
  const lasts = await inChunks(
    creations,
    (chunk) => [
      arrayLiteral(chunk.map((c) => c.entityId)),
      arrayLiteral(chunk.map((c) => c.entryId)),
      arrayLiteral(chunk.map((c) => c.cityId)),
    ],
    async ([entityIds, entryIds, cityIds]) => {
      // Cursors are taken in the order rows arrive, which ORDER BY n keeps the creations' order.
      const [{ cursor }] = await tx.query(
        `WITH written AS (
           INSERT INTO hub_event (type, entity_type, entity_id, city_id, entry_id)
           SELECT $1, $2, c.entity_id, c.city_id, c.entry_id
           FROM unnest($3::uuid[], $4::uuid[], $5::uuid[])
             WITH ORDINALITY AS c (entity_id, entry_id, city_id, n)
           ORDER BY c.n
           RETURNING cursor)
         SELECT max(cursor)::text AS cursor FROM written`,
        [eventTypeOf(entityType, "create"), entityType, entityIds, entryIds, cityIds],
      );
      return cursor as string;
    },
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, lasts[lasts.length - 1]]);
}
