import { MigrationInterface, QueryRunner } from "typeorm";

// Who changed what: one entry per mutation, written in the mutation's own transaction, so an
// entry exists exactly when its change was committed.
export class AuditLog1764000002000 implements MigrationInterface {
  name = "AuditLog1764000002000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE audit_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      role text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      before jsonb,
      after jsonb)`);
    await db.query(
      `CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, occurred_at)`,
    );
    await db.query(`CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at, id)`);
    await db.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS audit_entry`);
  }
}
