import { MigrationInterface, QueryRunner } from "typeorm";

// A change's record (the audit entry's before and after, the event's entity) is written once and
// read whole, never searched by its fields in an index. As json it is kept as the hub wrote it and
// only checked on the way in, instead of being parsed into jsonb's tree, which cost a bulk import
// more than a third of the audit entries' time; the json operators (->, ->>) still read it.
const CHANGE_COLUMNS = [
  { table: "audit_entry", column: "before" },
  { table: "audit_entry", column: "after" },
  { table: "hub_event", column: "entity" },
];

export class ChangesAsWritten1764000007000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const { table, column } of CHANGE_COLUMNS) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE json USING ${column}::json`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, column } of CHANGE_COLUMNS) {
      await db.query(
        `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE jsonb USING ${column}::jsonb`,
      );
    }
  }
}
