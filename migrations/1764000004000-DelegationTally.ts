import { MigrationInterface, QueryRunner } from "typeorm";

// Running totals of delegations (批 and 人次) by year, direction and one more dimension, kept in
// the writing transaction by statement triggers, so that statistics over a million visits read a
// few thousand rows instead of the whole table. Each delegation counts once in every dimension:
// NONE, COUNTRY, HOME_CITY, and each of its distinct PURPOSEs.

/** What the totals keep: each column and its sum over the changes `c`. */
export const TALLY_MEASURES: [column: string, sum: string][] = [
  ["batches", "sum(c.sign)"],
  ["person_times", "sum(c.sign * coalesce(c.size, 0))"],
];

/** Adds `sign` × each changed row to the totals; `changes` yields (sign, delegation columns). */
export function addToTally(changes: string, measures = TALLY_MEASURES): string {
  const columns = measures.map(([column]) => column);
  return `INSERT INTO delegation_tally AS t
        (dimension, value, start_year, end_year, direction, ${columns.join(", ")})
      SELECT d.dimension, d.value, c.start_year, c.end_year, c.direction,
             ${measures.map(([, sum]) => sum).join(", ")}
      FROM (${changes}) c
      CROSS JOIN LATERAL (
        SELECT 'NONE', ''
        UNION ALL SELECT 'COUNTRY', coalesce(c.counterpart_country_code, 'UNKNOWN')
        UNION ALL SELECT 'HOME_CITY', c.home_city_id::text
        UNION ALL SELECT DISTINCT 'PURPOSE', purpose FROM unnest(CASE
          WHEN cardinality(c.purposes) = 0 THEN ARRAY['UNKNOWN'] ELSE c.purposes END) AS purpose
      ) AS d (dimension, value)
      GROUP BY 1, 2, 3, 4, 5
      HAVING ${measures.map(([, sum]) => `${sum} <> 0`).join(" OR ")}
      -- One order for every writer: two transactions lock shared rows alike and cannot deadlock.
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (dimension, value, start_year, end_year, direction) DO UPDATE
        SET ${columns.map((column) => `${column} = t.${column} + excluded.${column}`).join(",\n            ")}`;
}

export function tallyFunction(name: string, changes: string, measures = TALLY_MEASURES): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${addToTally(changes, measures)};
      RETURN NULL;
    END $$`;
}

export const COLUMNS = `extract(year FROM start_date)::int AS start_year,
  extract(year FROM end_date)::int AS end_year, direction, size, counterpart_country_code,
  home_city_id, purposes`;

export const TRIGGERS = [
  {
    event: "INSERT",
    transition: "NEW TABLE AS added",
    changes: `SELECT 1 AS sign, ${COLUMNS} FROM added`,
  },
  {
    event: "DELETE",
    transition: "OLD TABLE AS removed",
    changes: `SELECT -1 AS sign, ${COLUMNS} FROM removed`,
  },
  {
    event: "UPDATE",
    transition: "OLD TABLE AS removed NEW TABLE AS added",
    changes: `SELECT -1 AS sign, ${COLUMNS} FROM removed
      UNION ALL SELECT 1 AS sign, ${COLUMNS} FROM added`,
  },
];

export const tallyOn = (event: string) => `delegation_tally_on_${event.toLowerCase()}`;

export class DelegationTally1764000004000 implements MigrationInterface {
  name = "DelegationTally1764000004000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE delegation_tally (
      dimension text NOT NULL,
      value text NOT NULL,
      start_year int NOT NULL,
      end_year int NOT NULL,
      direction text NOT NULL,
      batches int NOT NULL,
      person_times bigint NOT NULL,
      PRIMARY KEY (dimension, value, start_year, end_year, direction))`);
    for (const { event, transition, changes } of TRIGGERS) {
      await db.query(tallyFunction(tallyOn(event), changes));
      await db.query(`CREATE TRIGGER ${tallyOn(event)} AFTER ${event} ON delegation
        REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${tallyOn(event)}()`);
    }
    // Existing delegations count as if they had just been inserted.
    await db.query(addToTally(`SELECT 1 AS sign, ${COLUMNS} FROM delegation`));
    // A city's statistics by country or purpose read its visits from this index alone.
    await db.query(`DROP INDEX delegation_home_city_idx`);
    await db.query(`CREATE INDEX delegation_home_city_idx ON delegation (home_city_id, start_date)
      INCLUDE (end_date, direction, size, counterpart_country_code, purposes)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { event } of TRIGGERS) {
      await db.query(`DROP TRIGGER IF EXISTS ${tallyOn(event)} ON delegation`);
      await db.query(`DROP FUNCTION IF EXISTS ${tallyOn(event)}()`);
    }
    await db.query(`DROP TABLE IF EXISTS delegation_tally`);
    await db.query(`DROP INDEX delegation_home_city_idx`);
    await db.query(
      `CREATE INDEX delegation_home_city_idx ON delegation (home_city_id, start_date)`,
    );
  }
}
