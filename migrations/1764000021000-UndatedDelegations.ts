import { MigrationInterface, QueryRunner } from "typeorm";

// A visit whose source prints no year has no dates rather than a guessed one: start_date,
// end_date and date_precision are null together. The running totals keep such visits under a
// null year (a key column may now be null, and nulls are one key), so that a total over all
// years still counts them while no year does. Lists sort them last in either direction: the
// keys below read a missing date as the infinity that sorts last, and are the indexes a page of
// either order is a range of.
const SORT_INDEXES = [
  { name: "delegation_start_date_asc_idx", last: "infinity" },
  // Scanned backwards for the newest first, which ends with -infinity.
  { name: "delegation_start_date_desc_idx", last: "-infinity" },
];

export class UndatedDelegations1764000021000 implements MigrationInterface {
  name = "UndatedDelegations1764000021000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delegation
      ALTER COLUMN start_date DROP NOT NULL,
      ALTER COLUMN end_date DROP NOT NULL,
      ALTER COLUMN date_precision DROP NOT NULL,
      ADD CONSTRAINT delegation_dates_known_together
        CHECK ((start_date IS NULL) = (end_date IS NULL)),
      ADD CONSTRAINT delegation_precision_of_date
        CHECK ((start_date IS NULL) = (date_precision IS NULL))`);
    await db.query(`ALTER TABLE delegation_tally
      DROP CONSTRAINT delegation_tally_pkey,
      ALTER COLUMN start_year DROP NOT NULL,
      ALTER COLUMN end_year DROP NOT NULL,
      ADD CONSTRAINT delegation_tally_key
        UNIQUE NULLS NOT DISTINCT (dimension, value, start_year, end_year, direction)`);
    for (const { name, last } of SORT_INDEXES) {
      await db.query(
        `CREATE INDEX ${name} ON delegation ((coalesce(start_date, '${last}'::date)), id)`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    // A date is not made up to fit the old schema: the undated visits must be dated or deleted.
    const [{ undated }] = await db.query(
      `SELECT count(*)::int AS undated FROM delegation WHERE start_date IS NULL`,
    );
    if (undated > 0) {
      throw new Error(
        `${undated} delegations have no start date; date or delete them before reverting`,
      );
    }
    for (const { name } of SORT_INDEXES) await db.query(`DROP INDEX ${name}`);
    // What is left of the undated visits' totals is zero.
    await db.query(`DELETE FROM delegation_tally WHERE start_year IS NULL`);
    await db.query(`ALTER TABLE delegation_tally
      DROP CONSTRAINT delegation_tally_key,
      ADD PRIMARY KEY (dimension, value, start_year, end_year, direction)`);
    await db.query(`ALTER TABLE delegation
      DROP CONSTRAINT delegation_precision_of_date,
      DROP CONSTRAINT delegation_dates_known_together,
      ALTER COLUMN start_date SET NOT NULL,
      ALTER COLUMN end_date SET NOT NULL,
      ALTER COLUMN date_precision SET NOT NULL`);
  }
}
