// The generator writes valid documents from the schema alone, the same ones for the same seed.
import { GraphQLSchema, parse, validate } from "graphql";
import { buildHubSchema } from "../../src/graphql/schema";
import { DataValues, DocumentGenerator } from "../support/document-generator";

const NO_DATA: DataValues = { byField: new Map(), byType: new Map(), ids: new Map() };

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildHubSchema();
});

it("writes documents the schema validates, with fragments, aliases and paged roots", () => {
  const generator = new DocumentGenerator(schema, NO_DATA, 1);
  const documents = Array.from({ length: 300 }, () => generator.next());
  for (const { query } of documents) expect(validate(schema, parse(query))).toEqual([]);
  const share = (test: (query: string) => boolean) =>
    documents.filter(({ query }) => test(query)).length / documents.length;
  expect(share((q) => q.includes("fragment "))).toBeGreaterThan(0.1);
  expect(share((q) => q.includes("... on "))).toBeGreaterThan(0.2);
  expect(share((q) => /\w+_\d+: /.test(q))).toBeGreaterThan(0.3);
  expect(documents.filter((d) => d.pages.length).length).toBeGreaterThan(30);
});

it("writes the same documents for the same seed", () => {
  const [a, b] = [
    new DocumentGenerator(schema, NO_DATA, 7),
    new DocumentGenerator(schema, NO_DATA, 7),
  ];
  for (let n = 0; n < 50; n++) expect(a.next()).toEqual(b.next());
});
