import { MigrationInterface, QueryRunner } from "typeorm";

// A delegation's organization, partnership and counterpart city are often unknown (NULL). Every
// lookup through these indexes asks for one id, which a NULL never matches, so the index keeps the
// rows that name one: a bulk import of visits without them then writes no entry at all there.
const SPARSE_LINKS = [
  { index: "delegation_organization_idx", column: "organization_id" },
  { index: "delegation_partnership_idx", column: "partnership_id" },
  { index: "delegation_counterpart_city_idx", column: "counterpart_city_id" },
];

export class SparseDelegationLinks1764000006000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const { index, column } of SPARSE_LINKS) {
      await db.query(`DROP INDEX ${index}`);
      await db.query(`CREATE INDEX ${index} ON delegation (${column}) WHERE ${column} IS NOT NULL`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { index, column } of SPARSE_LINKS) {
      await db.query(`DROP INDEX ${index}`);
      await db.query(`CREATE INDEX ${index} ON delegation (${column})`);
    }
  }
}
