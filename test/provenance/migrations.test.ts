// The migrations of provenance, reported figures and cooperations can be undone and done again,
// and the running totals count the delegations of unknown size from the rows when they are made.
import { migrations } from "../../migrations";
import { startTestHub, TestHub } from "../support/test-hub";

const PROVENANCE = 1764000010000;
const MIGRATIONS_SINCE_PROVENANCE = migrations.filter(
  (migration) => Number(/\d{13}$/.exec(migration.name)?.[0]) >= PROVENANCE,
).length;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const COLUMNS = `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
  WHERE table_schema = current_schema()
    AND (table_name IN ('record_source', 'reported_figure', 'cooperation')
      OR column_name IN ('on_precision', 'signed_on_precision', 'nationality_code', 'size_unknown_batches'))
  ORDER BY 1`;
const UNKNOWN_SIZES = `SELECT coalesce(sum(size_unknown_batches), 0)::int AS tallied,
  (SELECT count(*)::int FROM delegation WHERE size IS NULL) AS counted
  FROM delegation_tally WHERE dimension = 'NONE'`;

const edgeView = async (): Promise<string> =>
  (await hub.db.query(`SELECT pg_get_viewdef('network_edge') AS sql`))[0].sql;

it("drops what it made on down and makes it again on up", async () => {
  const made: { name: string }[] = await hub.db.query(COLUMNS);
  expect(made.length).toBeGreaterThan(30);
  // Undone from the newest down to provenance's: later migrations go first, and come back too.
  // Undated visits would keep their migration from being undone (test/delegation has that).
  await hub.db.query(`UPDATE delegation SET start_date = '2019-01-01', end_date = '2019-12-31',
    date_precision = 'YEAR' WHERE start_date IS NULL`);
  for (let i = 0; i < MIGRATIONS_SINCE_PROVENANCE; i++) await hub.db.undoLastMigration();
  expect(await hub.db.query(COLUMNS)).toEqual([]);
  expect(await edgeView()).not.toMatch(/NATIONALITY|COOPERATION/);

  await hub.db.runMigrations();
  expect(await hub.db.query(COLUMNS)).toEqual(made);
  const [{ tallied, counted }] = await hub.db.query(UNKNOWN_SIZES);
  expect(counted).toBeGreaterThan(0);
  expect(tallied).toBe(counted);
  expect(await edgeView()).toMatch(/NATIONALITY[^]*COOPERATION|COOPERATION[^]*NATIONALITY/);
});
