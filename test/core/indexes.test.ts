import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seeded: false });
});
afterAll(() => hub.close());

// A foreign key without an index that leads with its first column makes every join through it,
// and every delete of the row it names, scan the whole referencing table. (The composite keys
// lead with a unique id, so an index on that id serves them.)
it("backs every foreign key with an index that leads with its first column", async () => {
  const unindexed = await hub.db.query(`
    SELECT c.conname AS constraint_name
    FROM pg_constraint c
    WHERE c.contype = 'f'
      AND c.connamespace = 'public'::regnamespace
      AND NOT EXISTS (
        SELECT 1 FROM pg_index i
        WHERE i.indrelid = c.conrelid
          AND (i.indkey::int2[])[0] = c.conkey[1]
      )
    ORDER BY 1`);
  expect(unindexed).toEqual([]);
});
