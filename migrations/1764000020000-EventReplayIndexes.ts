import { MigrationInterface, QueryRunner } from "typeorm";

// Replays read the history of one subscription's event types, or of one city's records, in
// cursor order and in pages (src/modules/events/event-history.ts): each page is then a short
// range of one of these indexes, however long the history or rare the events it asks for.
export class EventReplayIndexes1764000020000 implements MigrationInterface {
  name = "EventReplayIndexes1764000020000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX hub_event_type_cursor_idx ON hub_event (type, cursor)`);
    await db.query(`CREATE INDEX hub_event_city_cursor_idx ON hub_event (city_id, cursor)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS hub_event_city_cursor_idx`);
    await db.query(`DROP INDEX IF EXISTS hub_event_type_cursor_idx`);
  }
}
