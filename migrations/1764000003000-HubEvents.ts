import { MigrationInterface, QueryRunner } from "typeorm";

// The transactional outbox: every mutation writes its event here in its own transaction. Cursors
// are taken under a lock held until commit, so they increase in commit order and a reader that
// has seen cursor N can never later find a smaller one.
export class HubEvents1764000003000 implements MigrationInterface {
  name = "HubEvents1764000003000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE hub_event (
      cursor bigserial PRIMARY KEY,
      type text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      city_id uuid,
      entity jsonb,
      occurred_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX hub_event_entity_idx ON hub_event (entity_type, entity_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS hub_event`);
  }
}
