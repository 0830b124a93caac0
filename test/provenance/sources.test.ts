// Every record's sources: each Node type has them, every seeded record has at least one, an
// inference says why, and reading them for a page of records costs one statement.
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NODE_SOURCES = `query($id: ID!) { node(id: $id) { __typename sources { document quote certainty note } } }`;

it("gives every Node type its sources", async () => {
  const { data } = await hub.gql(
    `{ __schema { types { name kind interfaces { name } fields { name type { ofType { ofType { ofType { name } } } } } } } }`,
  );
  const nodes = data!.__schema.types.filter((t: any) =>
    t.interfaces?.some((i: { name: string }) => i.name === "Node"),
  );
  expect(nodes.length).toBeGreaterThanOrEqual(14);
  for (const type of nodes) {
    const field = type.fields.find((f: { name: string }) => f.name === "sources");
    expect({ type: type.name, of: field?.type.ofType.ofType.ofType.name }).toEqual({
      type: type.name,
      of: "Source",
    });
  }
});

it("has a source for every seeded record", async () => {
  const tables: { name: string }[] = await hub.db.query(
    `SELECT DISTINCT table_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = 'version' ORDER BY 1`,
  );
  expect(tables.length).toBeGreaterThanOrEqual(14);
  for (const { name } of tables) {
    const [{ missing }] = await hub.db.query(
      `SELECT count(*)::int AS missing FROM ${name} r
       WHERE NOT EXISTS (SELECT FROM record_source s WHERE s.record_id = r.id)`,
    );
    expect({ table: name, missing }).toEqual({ table: name, missing: 0 });
  }
});

it("quotes the sentence, and says why when the record is inferred", async () => {
  const stated = await hub.gql(NODE_SOURCES, { id: factId("person-an-ran") });
  expect(stated.data!.node.sources).toContainEqual({
    document: "003_1a9acd6c9da70228.txt",
    quote: expect.stringContaining("约旦外商安然"),
    certainty: "STATED",
    note: null,
  });
  const inferred = await hub.gql(NODE_SOURCES, { id: factId("city-st-charles") });
  expect(inferred.data!.node.sources).toContainEqual({
    document: "001_4cb3e532795d0de6.txt",
    quote: expect.stringContaining("美国圣查尔斯市"),
    certainty: "INFERRED",
    note: expect.stringContaining("密苏里州"),
  });
  const [{ broken }] = await hub.db.query(
    `SELECT count(*)::int AS broken FROM record_source WHERE certainty = 'INFERRED' AND note IS NULL`,
  );
  expect(broken).toBe(0);
});

it("reads the sources of a page of records in one statement, however many", async () => {
  const page = (first: number) =>
    hub.gql(
      `query($first: Int) { organizations(first: $first) { nodes { id sources { quote } } } }`,
      {
        first,
      },
    );
  const few = await hub.countStatements(() => page(2));
  const many = await hub.countStatements(() => page(30));
  expect(many).toBe(few);
  const { data } = await page(30);
  expect(data!.organizations.nodes.every((n: any) => n.sources.length > 0)).toBe(true);
});

it("writes the sources a mutation gives in its transaction, and refuses an unexplained inference", async () => {
  const CREATE = `mutation($sources: [SourceInput!]) {
    createOrganization(input: { nameZh: "测试基金会", kind: FOUNDATION }, sources: $sources) {
      id sources { document quote certainty note } } }`;
  const source = { document: "南昌市外事侨务办公室2012年工作总结", quote: "测试基金会捐资" };
  const { data, errors } = await hub.gql(CREATE, { sources: [source] });
  expect(errors).toBeUndefined();
  const { id, sources } = data!.createOrganization;
  expect(sources).toEqual([{ ...source, certainty: "STATED", note: null }]);

  await hub.expectRefused(
    CREATE,
    { sources: [{ document: "报告", certainty: "INFERRED" }] },
    { code: "BAD_USER_INPUT", field: "sources" },
  );

  const replaced = await hub.gql(
    `mutation($id: ID!, $sources: [SourceInput!]) { updateOrganization(id: $id, version: 1,
      input: {}, sources: $sources) { sources { document certainty note } } }`,
    { id, sources: [{ document: "报告", certainty: "INFERRED", note: "由捐款推定" }] },
  );
  expect(replaced.data!.updateOrganization.sources).toEqual([
    { document: "报告", certainty: "INFERRED", note: "由捐款推定" },
  ]);
  await hub.gql(`mutation($id: ID!) { deleteOrganization(id: $id) }`, { id });
  const [{ left }] = await hub.db.query(
    `SELECT count(*)::int AS left FROM record_source WHERE record_id = $1`,
    [id],
  );
  expect(left).toBe(0);
});
