// Rows written in bulk are audited with JSON that PostgreSQL builds from the row; it must be the
// JSON a single-row write audits, which is the entity TypeORM reads, serialized.
import { entityJson } from "../../src/db/entity-json";
import { Row } from "../../src/core/node";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const records = () =>
  hub.db.entityMetadatas.filter(
    (meta) => typeof meta.target === "function" && meta.target.prototype instanceof Row,
  );

it("builds, for every seeded record, the JSON of the entity TypeORM reads from the row", async () => {
  let compared = 0;
  for (const meta of records()) {
    if (meta.columns.some((column) => column.transformer)) continue;
    const entities = await hub.db.getRepository(meta.target).find({ take: 50 });
    const built = await hub.db.query(
      `SELECT w.id, ${entityJson(meta, "w")} AS entity FROM "${meta.tableName}" w`,
    );
    const byId = new Map(built.map((b: { id: string; entity: object }) => [b.id, b.entity]));
    for (const entity of entities) {
      expect(byId.get(entity.id)).toEqual(JSON.parse(JSON.stringify(entity)));
      compared++;
    }
  }
  // Every kind of column the seed holds: timestamps, dates, arrays, doubles, nulls.
  expect(compared).toBeGreaterThan(100);
});

it("refuses a column whose value only JavaScript can compute", () => {
  const transformed = records().filter((meta) => meta.columns.some((c) => c.transformer));
  expect(transformed.map((meta) => meta.name)).toEqual(["PlanTarget"]);
  expect(() => entityJson(transformed[0], "w")).toThrow(/targetValue has a transformer/);
});
