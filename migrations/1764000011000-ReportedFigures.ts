import { MigrationInterface, QueryRunner } from "typeorm";
import { oneOf, ROW } from "./1764000000000-ForeignAffairsGraph";
import {
  addToTally,
  COLUMNS,
  TALLY_MEASURES,
  tallyFunction,
  tallyOn,
  TRIGGERS,
} from "./1764000004000-DelegationTally";

// The totals offices report without itemising them (接待党宾、外宾28批368人次, 旅外乡亲约160万人):
// a count of batches and person-times, or a value with its unit, in the source's own words. And
// the delegations whose size no record gives, counted apart in the running totals, so that a
// total of person-times can say how many batches it leaves out rather than count them as 0.

const WITH_SIZE_UNKNOWN: typeof TALLY_MEASURES = [
  ...TALLY_MEASURES,
  ["size_unknown_batches", "coalesce(sum(c.sign) FILTER (WHERE c.size IS NULL), 0)"],
];

async function replaceTallyFunctions(db: QueryRunner, measures: typeof TALLY_MEASURES) {
  for (const { event, changes } of TRIGGERS) {
    const created = tallyFunction(tallyOn(event), changes, measures);
    await db.query(created.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
  }
}

export class ReportedFigures1764000011000 implements MigrationInterface {
  name = "ReportedFigures1764000011000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE reported_figure (${ROW},
      city_id uuid NOT NULL CONSTRAINT reported_figure_city_fkey REFERENCES city (id),
      office_id uuid CONSTRAINT reported_figure_office_fkey REFERENCES office (id),
      year int,
      period text,
      label text NOT NULL CONSTRAINT reported_figure_label_check CHECK (length(btrim(label)) > 0),
      direction text CONSTRAINT reported_figure_direction_check ${oneOf("direction", ["INBOUND", "OUTBOUND"])},
      batches int CONSTRAINT reported_figure_batches_check CHECK (batches >= 0),
      person_times int CONSTRAINT reported_figure_person_times_check CHECK (person_times >= 0),
      value numeric(20, 2) CONSTRAINT reported_figure_value_check CHECK (value >= 0),
      unit text,
      approximate boolean NOT NULL DEFAULT false,
      CONSTRAINT reported_figure_unit_given CHECK ((value IS NULL) = (unit IS NULL)),
      CONSTRAINT reported_figure_counts_something
        CHECK (batches IS NOT NULL OR person_times IS NOT NULL OR value IS NOT NULL))`);
    await db.query(`CREATE INDEX reported_figure_city_year_idx ON reported_figure (city_id, year)`);
    await db.query(`CREATE INDEX reported_figure_office_idx ON reported_figure (office_id)`);

    await db.query(`ALTER TABLE delegation_tally
      ADD COLUMN size_unknown_batches int NOT NULL DEFAULT 0`);
    await replaceTallyFunctions(db, WITH_SIZE_UNKNOWN);
    await db.query(`TRUNCATE delegation_tally`);
    await db.query(addToTally(`SELECT 1 AS sign, ${COLUMNS} FROM delegation`, WITH_SIZE_UNKNOWN));
  }

  async down(db: QueryRunner): Promise<void> {
    await replaceTallyFunctions(db, TALLY_MEASURES);
    await db.query(`ALTER TABLE delegation_tally DROP COLUMN size_unknown_batches`);
    await db.query(`DROP TABLE reported_figure`);
  }
}
