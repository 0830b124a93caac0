import { MigrationInterface, QueryRunner } from "typeorm";
import { oneOf } from "./1764000000000-ForeignAffairsGraph";

// Where each record comes from. A record's sources are rows of record_source keyed by its id (no
// foreign key: any table's record may have them), in the order they were given: the document,
// the sentence that states the fact, and whether the record states it or it was inferred (an
// inference says why). Imported rows name their file, sheet and row. Dates that no source gives
// are null instead of a guess, and carry their precision: a stage change's date may be unknown,
// and an investment signed "in 2011" keeps its year alone.
export class Provenance1764000010000 implements MigrationInterface {
  name = "Provenance1764000010000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE record_source (
      record_id uuid NOT NULL,
      position int NOT NULL,
      document text NOT NULL CONSTRAINT record_source_document_check CHECK (length(btrim(document)) > 0),
      quote text,
      certainty text NOT NULL CONSTRAINT record_source_certainty_check ${oneOf("certainty", ["STATED", "INFERRED"])},
      note text,
      sheet text,
      row_number int,
      PRIMARY KEY (record_id, position),
      CONSTRAINT record_source_inference_explained CHECK (certainty = 'STATED' OR note IS NOT NULL))`);

    const precision = (column: string) =>
      `${column} text CONSTRAINT ${column}_check ${oneOf(column, ["DAY", "MONTH", "YEAR"])}`;
    // Every date written so far was a day; an unknown date has no precision.
    await db.query(`ALTER TABLE stage_change ALTER COLUMN changed_on DROP NOT NULL,
      ADD COLUMN ${precision("on_precision")} DEFAULT 'DAY',
      ADD CONSTRAINT stage_change_precision_of_date
        CHECK (changed_on IS NOT NULL OR on_precision IS NULL)`);

    // A date written without its precision is a day's; a row without a date has none.
    await db.query(`ALTER TABLE investment_intention ALTER COLUMN stage DROP NOT NULL,
      ADD COLUMN ${precision("signed_on_precision")} DEFAULT 'DAY'`);
    await db.query(
      `UPDATE investment_intention SET signed_on_precision = NULL WHERE signed_on IS NULL`,
    );
    await db.query(`ALTER TABLE investment_intention
      ADD CONSTRAINT investment_intention_precision_of_date
        CHECK (signed_on IS NOT NULL OR signed_on_precision IS NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE investment_intention DROP COLUMN signed_on_precision`);
    await db.query(`UPDATE investment_intention SET stage = 'INTENTION' WHERE stage IS NULL`);
    await db.query(`ALTER TABLE investment_intention ALTER COLUMN stage SET NOT NULL`);
    await db.query(`ALTER TABLE stage_change DROP COLUMN on_precision`);
    await db.query(`DELETE FROM stage_change WHERE changed_on IS NULL`);
    await db.query(`ALTER TABLE stage_change ALTER COLUMN changed_on SET NOT NULL`);
    await db.query(`DROP TABLE record_source`);
  }
}
