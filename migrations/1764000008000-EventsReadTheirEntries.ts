import { MigrationInterface, QueryRunner } from "typeorm";

// An event's record is its change's audit entry's (after, or before for a delete), written in the
// same transaction: the event now names the entry instead of holding a second copy of its JSON,
// which halves what a bulk import writes for its events and what the outbox keeps. Events written
// before keep their copy in `entity`. No foreign key: neither log is ever deleted from, and a key
// would look up every event's entry once more as it is written.
export class EventsReadTheirEntries1764000008000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE hub_event ADD COLUMN entry_id uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE hub_event e SET entity = coalesce(a.after, a.before)
      FROM audit_entry a WHERE a.id = e.entry_id`);
    await db.query(`ALTER TABLE hub_event DROP COLUMN entry_id`);
  }
}
