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

/**
 * The events of many changes, in their order, under the same lock as `recordEvent` and with one
 * notification; call last in the write transaction, as `recordEvent`.
 */
export async function recordEvents(tx: EntityManager, changes: ChangeRecord[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_ORDER_LOCK]);
  const lasts = await inChunks(
    changes,
    (chunk) =>
      JSON.stringify(
        chunk.map((change) => ({
          type: eventTypeOf(change.entityType, change.action),
          entityType: change.entityType,
          entityId: change.entityId,
          cityId: change.cityId,
          entity: change.entity,
        })),
      ),
    async (events) => {
      // Cursors are taken in the order rows arrive, which ORDER BY n keeps the changes' order.
      const [{ cursor }] = await tx.query(
        `WITH written AS (
           INSERT INTO hub_event (type, entity_type, entity_id, city_id, entity)
           SELECT e->>'type', e->>'entityType', (e->>'entityId')::uuid, (e->>'cityId')::uuid,
                  NULLIF(e->'entity', 'null'::jsonb)
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n
           RETURNING cursor)
         SELECT max(cursor)::text AS cursor FROM written`,
        [events],
      );
      return cursor as string;
    },
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, lasts[lasts.length - 1]]);
}
