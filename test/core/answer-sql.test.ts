// Answers PostgreSQL writes whole must be the answers the resolvers write: every query here is
// asked over HTTP (where a written answer serves it when it can) and run by graphql-js over the
// resolvers alone, in this process, and the two must be equal.
import {
  execute,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLObjectType,
  GraphQLInterfaceType,
  GraphQLSchema,
  isLeafType,
  isObjectType,
  OperationDefinitionNode,
  parse,
} from "graphql";
import { Actor, Role } from "../../src/core/actor";
import { answerStatement } from "../../src/graphql/answer-sql/answer-statement";
import { createContext } from "../../src/graphql/context";
import { buildHubSchema } from "../../src/graphql/schema";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

const ANALYST: Actor = { subject: "answer-sql", role: Role.ANALYST, cities: [] };
const ADMIN: Actor = { subject: "answer-sql", role: Role.ADMIN, cities: [] };

let hub: TestHub;
let schema: GraphQLSchema;
let token: string;
beforeAll(async () => {
  hub = await startTestHub();
  schema = await buildHubSchema();
  token = await hub.token(Role.ANALYST);
});
afterAll(() => hub.close());

async function post(body: unknown, bearer = token): Promise<unknown> {
  const response = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/**
 * The plain answer, after checking it equals the resolvers' answer to the same request, and that
 * the statement PostgreSQL answers with (when the query is one) writes that same answer.
 */
async function sameAnswer(query: string, variables: Record<string, unknown> = {}, bearer = token) {
  const plain = await post({ query, variables }, bearer);
  const actor = bearer === token ? ANALYST : ADMIN;
  const resolved = JSON.parse(
    JSON.stringify(
      await execute({
        schema,
        document: parse(query),
        variableValues: variables,
        contextValue: createContext(hub.db, hub.config, actor),
      }),
    ),
  );
  expect(plain).toEqual(resolved);
  expect(plain).not.toHaveProperty("errors");
  const answer = statementFor(query);
  if (answer) {
    const { sql, parameters } = answer(variables, createContext(hub.db, hub.config, actor));
    const [row] = (await hub.db.query(sql, parameters)) as { answer: string }[];
    expect(JSON.parse(row.answer)).toEqual(resolved);
  }
  return plain as { data: Record<string, unknown> };
}

function statementFor(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
      .map((d) => [d.name.value, d]),
  );
  return answerStatement(schema, hub.db, operation, fragments);
}

const writtenInSql = (query: string) => statementFor(query) !== null;

const CITY = `query City($id: ID!) {
  city(id: $id) {
    id nameZh nameEn
    partnerships { id kind stage partnerCity { id nameZh nameEn country { code nameZh region } } }
  }
}`;
const DELEGATIONS = `{
  delegations(first: 50) {
    nodes {
      id name startDate
      homeCity { id nameZh } counterpartCountry { code nameZh } members { id nameZh }
    }
  }
}`;
const PEOPLE = `{
  people(first: 100) {
    nodes { id nameZh nameEn affiliations { role since organization { id nameZh kind } } }
  }
}`;

describe("answers PostgreSQL writes whole", () => {
  it("answers the benchmark's nested reads as the resolvers do, in one statement", async () => {
    for (const [query, variables] of [
      [CITY, { id: factId("city-nanchang") }],
      [CITY, { id: factId("city-qiqihar") }],
      [DELEGATIONS, {}],
      [PEOPLE, {}],
    ] as const) {
      expect(writtenInSql(query)).toBe(true);
      const { data } = await sameAnswer(query, variables);
      expect(JSON.stringify(data).length).toBeGreaterThan(200);
      expect(await hub.countStatements(() => post({ query, variables }))).toBe(1);
    }
    const nanchang = await sameAnswer(CITY, { id: factId("city-nanchang") });
    expect((nanchang.data.city as { partnerships: unknown[] }).partnerships.length).toBeGreaterThan(
      0,
    );
  });

  it("pages with edges, cursors, pageInfo and totalCount, through a filter and an order", async () => {
    const query = `query Page($after: String, $filter: DelegationFilter) {
      __typename
      delegations(first: 3, after: $after, filter: $filter, orderBy: { field: START_DATE, direction: ASC }) {
        __typename totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
        edges { cursor node { id name startDate direction size purposes } }
        nodes { name }
      }
    }`;
    expect(writtenInSql(query)).toBe(true);
    const first = await sameAnswer(query);
    const page = first.data.delegations as {
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await sameAnswer(query, { after: page.pageInfo.endCursor });
    expect(second.data.delegations).not.toEqual(first.data.delegations);
    await sameAnswer(query, { filter: { direction: "INBOUND" } });
    await sameAnswer(query, { filter: { homeCityId: factId("city-nanchang") } });
  });

  it("follows aliases, named and inline fragments, __typename and several roots", async () => {
    const query = `query Two($id: ID!) {
      here: city(id: $id) { ...Names partners: partnerships { __typename kind ... on Partnership { stage } } }
      there: city(id: $id) { ... on Node { id } ... on City { nameEn } }
      cities(first: 5) { nodes { ...Names country { __typename code } } }
    }
    fragment Names on City { __typename id nameZh alias: nameEn }`;
    expect(writtenInSql(query)).toBe(true);
    await sameAnswer(query, { id: factId("city-qiqihar") });
    await sameAnswer(query, { id: "00000000-0000-0000-0000-000000000000" });
  });

  it("answers node(id) for a record of every type, through fragments, as the resolvers do", async () => {
    const nodeTypes = schema.getPossibleTypes(schema.getType("Node") as GraphQLInterfaceType);
    const everyColumn = (type: GraphQLObjectType) => {
      const leaves = Object.values(type.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0)
        .map((f) => f.name);
      return `query Any($id: ID!) { node(id: $id) { __typename id ... on ${type.name} { ${leaves.join(" ")} } } }`;
    };
    const nested = `query Person($id: ID!) { node(id: $id) { id ... on Person { nameZh
      affiliations { role organization { id nameZh country { code nameZh } } }
      delegations { id name startDate homeCity { id nameZh } counterpartCountry { code } } } } }`;
    expect(writtenInSql(nested)).toBe(true);
    expect(writtenInSql(`{ node(id: "${factId("city-qiqihar")}") { id __typename } }`)).toBe(true);
    const admin = await hub.token(Role.ADMIN);
    for (const meta of hub.db.entityMetadatas.filter((m) =>
      nodeTypes.some((t) => t.name === m.name),
    )) {
      const [row] = (await hub.db.query(`SELECT id FROM ${meta.tableName} LIMIT 1`)) as {
        id: string;
      }[];
      if (!row) continue;
      const type = nodeTypes.find((t) => t.name === meta.name)!;
      const { data } = await sameAnswer(everyColumn(type), { id: row.id }, admin);
      expect(data.node).toMatchObject({ __typename: meta.name, id: row.id });
      await sameAnswer(nested, { id: row.id });
    }
    const missing = await sameAnswer(nested, { id: "00000000-0000-0000-0000-000000000000" });
    expect(missing.data.node).toBeNull();
  });

  it("looks for an id node(id) has found before in its type's table alone, even once it is gone", async () => {
    const query = `query Any($id: ID!) { node(id: $id) { id ... on Office { kind } ... on City { nameZh } } }`;
    const [{ id }] = (await hub.db.query(`SELECT id FROM office ORDER BY id DESC LIMIT 1`)) as {
      id: string;
    }[];
    const ctx = createContext(hub.db, hub.config, ANALYST);
    const tablesRead = (sql: string) =>
      [...sql.matchAll(/FROM (\w+) answer_\d+/g)].map((m) => m[1]);
    const before = statementFor(query)!({ id }, ctx);
    expect(before.sql).toContain("node_types");
    expect(new Set(tablesRead(before.sql)).size).toBeGreaterThan(8);

    const { data } = await sameAnswer(query, { id });
    expect(data.node).toMatchObject({ id, kind: expect.any(String) });
    const after = statementFor(query)!({ id }, ctx);
    expect(after.sql).not.toContain("node_types");
    expect(tablesRead(after.sql)).toEqual(["office"]);
    expect(await hub.countStatements(() => post({ query, variables: { id } }))).toBe(1);
    await sameAnswer(query, { id });

    const deleted = await hub.gql(`mutation($id: ID!) { deleteOffice(id: $id) }`, { id });
    expect(deleted.data!.deleteOffice).toBe(id);
    const gone = await sameAnswer(query, { id });
    expect(gone.data.node).toBeNull();
  });

  it("writes every column of every listed type as the resolvers write it", async () => {
    const lists = Object.values(schema.getQueryType()!.getFields()).filter((field) =>
      getNamedType(field.type).name.endsWith("Connection"),
    );
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const admin = await hub.token(Role.ADMIN);
    const written: string[] = [];
    for (const list of lists) {
      const connection = getNamedType(list.type) as GraphQLObjectType;
      const node = getNamedType(connection.getFields().nodes.type) as GraphQLObjectType;
      const leaves = Object.values(node.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0)
        .map((f) => f.name);
      // A record's sources are read by their own loader, whichever way the record was read.
      const relations = Object.values(node.getFields())
        .filter((f) => !isLeafType(getNamedType(f.type)) && f.args.length === 0)
        .filter((f) => f.name !== "sources")
        .map((f) => {
          const type = getNamedType(f.type);
          const node = !isObjectType(type) || type.getInterfaces().some((i) => i.name === "Node");
          return `${f.name} { __typename ${node ? "...on Node { id }" : ""} }`;
        });
      const columns = `{ ${list.name}(first: 25) { nodes { ${leaves.join(" ")} } } }`;
      const nested = `{ ${list.name}(first: 25) { nodes { id ${relations.join(" ")} } } }`;
      for (const query of [columns, nested]) {
        await sameAnswer(query, {}, admin);
        if (writtenInSql(query)) written.push(query);
      }
    }
    // Columns of cities, offices, delegations, organizations, investments and partnerships, and
    // the relations of cities and delegations; people and liaison offices carry restricted data.
    expect(written.length).toBeGreaterThanOrEqual(8);
  });

  it("answers every record's sources, in pages and under node(id), in one statement", async () => {
    const query = `query Any($city: ID!, $delegation: ID!, $none: ID!) {
      city: node(id: $city) {
        __typename id
        ... on City { nameZh sources { __typename document quote certainty note sheet row } }
        ... on Delegation { name }
      }
      delegation: node(id: $delegation) {
        id ... on Versioned { version }
        ... on Delegation { name homeCity { nameZh sources { document } } }
      }
      none: node(id: $none) { id }
      cities(first: 10) { nodes { id sources { where: document row } } }
    }`;
    expect(writtenInSql(query)).toBe(true);
    const { data: listed } = await sameAnswer(`{ delegations(first: 1) { nodes { id } } }`);
    const [delegation] = (listed.delegations as { nodes: { id: string }[] }).nodes;
    const variables = {
      city: factId("city-nanchang"),
      delegation: delegation.id,
      none: "00000000-0000-0000-0000-000000000000",
    };
    const { data } = await sameAnswer(query, variables);
    const city = data.city as { __typename: string; sources: unknown[] };
    expect(city.__typename).toBe("City");
    expect(city.sources.length).toBeGreaterThan(0);
    expect(data.delegation).toMatchObject({ id: delegation.id, homeCity: {} });
    expect(data.none).toBeNull();
    expect(await hub.countStatements(() => post({ query, variables }))).toBe(1);
  });

  it("writes the statistics beside records and pages, as the resolvers do", async () => {
    const query = `query Dashboard($city: ID!, $groupBy: [DelegationGroupBy!]!, $filter: DelegationFilter) {
      city(id: $city) { id nameZh }
      delegations(first: 5, filter: { homeCityId: $city }) { totalCount nodes { id } }
      byGroup: delegationStats(groupBy: $groupBy, filter: $filter) { __typename key batches personTimes sizeUnknownBatches undatedBatches }
      total: delegationStats(groupBy: []) { batches }
      partnershipStats(groupBy: [COUNTRY, STAGE]) { key n: count }
    }`;
    expect(writtenInSql(query)).toBe(true);
    const city = factId("city-nanchang");
    for (const groupBy of [["YEAR"], ["DIRECTION", "REGION"], ["PURPOSE", "HOME_CITY"], []]) {
      await sameAnswer(query, { city, groupBy });
      await sameAnswer(query, {
        city,
        groupBy,
        filter: { direction: "INBOUND", from: "2010-01-01" },
      });
      await sameAnswer(query, { city, groupBy, filter: { homeCityId: city, dated: true } });
    }
    const refused = (await post({ query, variables: { city, groupBy: ["YEAR", "YEAR"] } })) as {
      errors: { extensions: { code: string } }[];
    };
    expect(refused.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("leaves to the resolvers what only they can answer", () => {
    expect(writtenInSql(`{ people(first: 5) { nodes { id contact } } }`)).toBe(false);
    expect(writtenInSql(`{ cities(first: 5) { nodes { id @include(if: true) } } }`)).toBe(false);
    expect(writtenInSql(`{ countries { nodes { code } } }`)).toBe(false);
  });

  it("sends what it cannot answer to the resolvers, errors and all", async () => {
    const refused = await post({ query: `{ people(first: 5000) { nodes { id } } }` });
    expect(refused).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
    const badCursor = await post({
      query: `{ delegations(first: 2, after: "bm90LWEtY3Vyc29y") { nodes { id } } }`,
    });
    expect(badCursor).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
    const badId = await post({ query: `{ city(id: "not-a-uuid") { id } }` });
    expect(badId).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
    const restricted = (await post({ query: `{ people(first: 1) { nodes { contact } } }` })) as {
      errors: { extensions: { code: string } }[];
    };
    expect(restricted.errors[0].extensions.code).toBe("FORBIDDEN");
  });
});
