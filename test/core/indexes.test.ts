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

// A page of a list in its default order reads that many index entries; a sort would read every
// row of the table first (200,000 people at the national scale).
it("reads a page of every list in its default order from an index, not a sort", async () => {
  const defaultOrders = [
    ["person", "name_zh"],
    ["organization", "name_zh"],
    ["city", "name_en"],
    ["office", "name_zh"],
    ["liaison_office", "name"],
    ["partnership", "created_at"],
    ["investment_intention", "created_at"],
    // Undated visits last in either direction (src/db/paging.ts, sortExpression).
    ["delegation", "coalesce(start_date, '-infinity'::date) DESC, id DESC"],
    ["delegation", "coalesce(start_date, 'infinity'::date), id"],
  ];
  const plans = await hub.db.transaction(async (tx) => {
    // The tables are empty here, where a sort costs nothing; forbidding it shows whether an
    // index can give the order.
    await tx.query(`SET LOCAL enable_sort = off`);
    const read: Record<string, string> = {};
    for (const [table, order] of defaultOrders) {
      const orderBy = order.includes(",") ? order : `${order}, id`;
      const rows: { "QUERY PLAN": string }[] = await tx.query(
        `EXPLAIN SELECT id FROM ${table} ORDER BY ${orderBy} LIMIT 26`,
      );
      read[`${table} ORDER BY ${orderBy}`] = rows.map((row) => row["QUERY PLAN"]).join("\n");
    }
    return read;
  });
  for (const [table, plan] of Object.entries(plans)) {
    expect({ table, sorted: /\bSort\b/.test(plan) }).toEqual({ table, sorted: false });
  }
});

// The indexes on a delegation's optional links hold only the rows that have one; a lookup of one
// id, as a foreign key's check on delete or a join makes with a plan for any id, must still use it.
it("finds delegations by an optional link through its index, which leaves out the NULLs", async () => {
  const links: Record<string, string> = {
    organization_id: "delegation_organization_idx",
    partnership_id: "delegation_partnership_idx",
    counterpart_city_id: "delegation_counterpart_city_idx",
  };
  const read = await hub.db.transaction(async (tx) => {
    await tx.query(`SET LOCAL enable_seqscan = off`);
    await tx.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
    const found: { column: string; index: string | undefined; partial: boolean }[] = [];
    for (const [column, index] of Object.entries(links)) {
      await tx.query(`PREPARE by_link (uuid) AS SELECT 1 FROM delegation WHERE ${column} = $1`);
      const plan: { "QUERY PLAN": string }[] = await tx.query(
        `EXPLAIN EXECUTE by_link ('00000000-0000-0000-0000-000000000000')`,
      );
      await tx.query(`DEALLOCATE by_link`);
      const [{ partial }] = await tx.query(
        `SELECT indpred IS NOT NULL AS partial FROM pg_index WHERE indexrelid = $1::regclass`,
        [index],
      );
      const used = plan.map((row) => row["QUERY PLAN"]).join("\n");
      found.push({ column, index: used.match(/Scan (?:using|on) (\w+)/)?.[1], partial });
    }
    return found;
  });
  expect(read).toEqual(
    Object.entries(links).map(([column, index]) => ({ column, index, partial: true })),
  );
});
