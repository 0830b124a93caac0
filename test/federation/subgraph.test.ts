import { Kind, parse } from "graphql";
import { Role } from "../../src/core/actor";
import { entityKeys } from "../../src/graphql/federation/entities";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Node { id }
    ... on Country { code nameEn }
    ... on City { nameZh }
    ... on Person { nameZh }
  }
}`;

/** Up to `count` ids of each entity type, read straight from its table. */
async function someIds(typeName: string, count: number): Promise<string[]> {
  const table = hub.db.entityMetadatas.find((meta) => meta.targetName === typeName)!.tableName;
  const rows: { id: string }[] = await hub.db.query(
    `SELECT id FROM ${table} ORDER BY id LIMIT ${count}`,
  );
  return rows.map((row) => row.id);
}

describe("the hub as a Federation 2 subgraph", () => {
  it("serves its SDL with the federation link and a key on every row type; Country also by code", async () => {
    const { data } = await hub.gql(`{ _service { sdl } }`);
    const document = parse(data!._service.sdl);
    const link = document.definitions.find((d) => d.kind === Kind.SCHEMA_EXTENSION);
    expect(link?.directives?.[0]?.arguments?.[0]?.value).toMatchObject({
      value: "https://specs.apollo.dev/federation/v2.4",
    });
    const keys: Record<string, string[]> = {};
    const rows: string[] = [];
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      const name = definition.name.value;
      if (definition.interfaces?.some((face) => face.name.value === "Node")) rows.push(name);
      for (const directive of definition.directives ?? []) {
        const fields = directive.arguments?.[0]?.value;
        if (directive.name.value === "key" && fields?.kind === Kind.STRING)
          (keys[name] ??= []).push(fields.value);
      }
    }
    expect(Object.keys(keys).sort()).toEqual(rows.sort());
    expect(rows).toHaveLength(14);
    expect(keys.Country.sort()).toEqual(["code", "id"]);
    for (const name of rows.filter((row) => row !== "Country")) expect(keys[name]).toEqual(["id"]);
  });

  it("resolves 50 countries by code in one statement, in the order asked", async () => {
    const codes: { code: string }[] = await hub.db.query(
      `SELECT code FROM country ORDER BY code DESC LIMIT 50`,
    );
    const representations = codes.map(({ code }) => ({ __typename: "Country", code }));
    let data: Record<string, any> | undefined;
    const statements = await hub.countStatements(async () => {
      ({ data } = await hub.gql(ENTITIES, { representations }));
    });
    expect(statements).toBe(1);
    expect(data!._entities.map((e: { code: string }) => e.code)).toEqual(codes.map((c) => c.code));
    expect(data!._entities[0].__typename).toBe("Country");
  });

  it("resolves every entity type in one request with one statement per key", async () => {
    const typeNames = [...entityKeys().keys()];
    const representations: Record<string, string>[] = [{ __typename: "Country", code: "fi" }];
    for (const typeName of typeNames) {
      for (const id of await someIds(typeName, 3))
        representations.push({ __typename: typeName, id });
    }
    let data: Record<string, any> | undefined;
    const statements = await hub.countStatements(async () => {
      ({ data } = await hub.gql(ENTITIES, { representations }));
    });
    // Country is read by code and by id: one statement for each of its two keys.
    expect(statements).toBe(typeNames.length + 1);
    expect(data!._entities).toHaveLength(representations.length);
    expect(data!._entities[0]).toMatchObject({
      __typename: "Country",
      code: "FI",
      nameEn: "Finland",
    });
    representations.slice(1).forEach((representation, i) => {
      expect(data!._entities[i + 1]).toMatchObject(representation);
    });
  });

  it("gives null for a key that names no row, and BAD_USER_INPUT for a malformed one", async () => {
    const { data, errors } = await hub.gql(ENTITIES, {
      representations: [
        { __typename: "City", id: factId("city-qiqihar").toUpperCase() },
        { __typename: "City", id: "00000000-0000-4000-8000-000000000000" },
        { __typename: "City", id: "qiqihar" },
        { __typename: "Country", code: "FIN" },
        { __typename: "Person", name: "程瑞武" },
      ],
    });
    expect(data!._entities.slice(0, 2)).toEqual([
      { __typename: "City", id: factId("city-qiqihar"), nameZh: "齐齐哈尔" },
      null,
    ]);
    expect(errors!.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "representations.id" }),
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "representations.code" }),
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "representations" }),
    ]);
  });

  it("keeps access rules: no token is refused, and a viewer gets no restricted field", async () => {
    const representations = [{ __typename: "Person", id: factId("person-cheng-ruiwu") }];
    const anonymous = await hub.gql(ENTITIES, { representations }, null);
    expect(anonymous.errors![0].extensions.code).toBe("UNAUTHENTICATED");
    expect(anonymous.data).toBeUndefined();

    const viewer = await hub.token(Role.VIEWER);
    const { data, errors } = await hub.gql(
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Person { nameZh contact } }
      }`,
      { representations },
      viewer,
    );
    expect(data!._entities).toEqual([{ nameZh: "程瑞武", contact: null }]);
    expect(errors![0]).toMatchObject({
      path: ["_entities", 0, "contact"],
      extensions: { code: "FORBIDDEN" },
    });
  });
});
