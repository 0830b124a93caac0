// The migration of the network views and search indexes can be undone and done again.
import { RelationshipNetwork1764000001000 } from "../../migrations/1764000001000-RelationshipNetwork";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

async function schemaObjects(): Promise<string[]> {
  const rows: { name: string }[] = await hub.db.query(
    `SELECT viewname AS name FROM pg_views WHERE viewname LIKE 'network_%'
     UNION ALL
     SELECT indexname FROM pg_indexes WHERE indexname IN ('delegation_country_without_city_idx',
       'country_names_trgm_idx', 'office_names_trgm_idx', 'liaison_office_names_trgm_idx')
     ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

it("drops its views and indexes on down and makes them again on up", async () => {
  const made = await schemaObjects();
  expect(made).toHaveLength(6);
  const migration = new RelationshipNetwork1764000001000();
  const runner = hub.db.createQueryRunner();
  try {
    await migration.down(runner);
    expect(await schemaObjects()).toEqual([]);
    await migration.up(runner);
  } finally {
    await runner.release();
  }
  expect(await schemaObjects()).toEqual(made);
  const { data } = await hub.gql(`query($id: ID!) { network(centerId: $id) { nodes { id } } }`, {
    id: factId("city-qiqihar"),
  });
  expect(data!.network.nodes.length).toBeGreaterThan(1);
});
