// A list under a record is a page: `first` rows (the default page size unless asked, never past
// the maximum), after the row `after` names, in the list's order. Walking it page by page gives
// the whole list once, and every path that reads it (the statement PostgreSQL answers with,
// look-ahead, the per-request loaders) gives the same page.
import {
  execute,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  isObjectType,
  OperationDefinitionNode,
  parse,
} from "graphql";
import { Actor, Role } from "../../src/core/actor";
import { checkQueryLimits } from "../../src/graphql/access/query-limits";
import { answerStatement } from "../../src/graphql/answer-sql/answer-statement";
import { createContext } from "../../src/graphql/context";
import { buildHubSchema } from "../../src/graphql/schema";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

const ANALYST: Actor = { subject: "nested-lists", role: Role.ANALYST, cities: [] };
// Small, so that the seed's lists are longer than a default page.
const DEFAULT_PAGE_SIZE = 4;

let hub: TestHub;
let schema: Awaited<ReturnType<typeof buildHubSchema>>;

const varkaus = factId("partnership-nanchang-varkaus-sister");
const bastian = factId("person-bastian");
const nanchang = factId("city-nanchang");

beforeAll(async () => {
  hub = await startTestHub({ config: { defaultPageSize: DEFAULT_PAGE_SIZE } });
  schema = await buildHubSchema();
  // 15 more visits through one partnership, with one member: every third undated, the dated
  // ones two to a day, so that both the missing dates and the ties decide the order.
  await hub.db.query(
    `WITH made AS (
       INSERT INTO delegation (direction, name, start_date, end_date, date_precision,
                               home_city_id, partnership_id)
       SELECT 'INBOUND', '分页测试代表团 ' || n,
              CASE WHEN n % 3 = 0 THEN NULL ELSE DATE '2021-01-01' + n / 2 END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE DATE '2021-01-01' + n / 2 END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE 'DAY' END,
              $1, $2
       FROM generate_series(1, 15) AS n
       RETURNING id)
     INSERT INTO delegation_member (delegation_id, person_id) SELECT made.id, $3 FROM made`,
    [nanchang, varkaus, bastian],
  );
});
afterAll(() => hub.close());

type Visit = { id: string; startDate: string | null };
type Ask = (variables: Record<string, unknown>) => Promise<Visit[]>;

/** The list's order, from the rows themselves: latest first, undated last, then by id (or by id alone). */
async function expectedOrder(where: string, parameter: string, byDate = true): Promise<string[]> {
  const rows: { id: string; start_date: string | null }[] = await hub.db.query(
    `SELECT d.id, d.start_date::text FROM delegation d WHERE ${where}`,
    [parameter],
  );
  return rows
    .sort(
      (a, b) =>
        (byDate &&
          ((a.start_date === null ? 1 : 0) - (b.start_date === null ? 1 : 0) ||
            (b.start_date ?? "").localeCompare(a.start_date ?? ""))) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((row) => row.id);
}

/**
 * A record's `delegations` page, read by `root(id)` or by `node(id)`; `extra` is selected beside
 * it (a directive sends the query past answer-sql to the compiled resolvers).
 */
function listQuery(root: "partnership" | "person" | "node", type: string, extra = ""): string {
  const list = `${extra} delegations(first: $first, after: $after) { id startDate }`;
  const selection = root === "node" ? `... on ${type} { ${list} }` : list;
  return `query($id: ID!, $first: Int, $after: ID) { list: ${root}(id: $id) { ${selection} } }`;
}

const context = () => createContext(hub.db, hub.config, ANALYST);

/** Over graphql-js: the root's look-ahead reads the list in the record's statement. */
const resolved =
  (query: string): Ask =>
  async (variables) => {
    const result = await execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: context(),
    });
    expect(result.errors).toBeUndefined();
    return (result.data as { list: { delegations: Visit[] } }).list.delegations;
  };

/** The statement PostgreSQL writes the whole answer with. */
const inOneStatement =
  (query: string): Ask =>
  async (variables) => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const answer = answerStatement(schema, hub.db, operation, {});
    expect(answer).not.toBeNull();
    const coerced = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
    const { sql, parameters } = answer!(coerced, context());
    const [row] = (await hub.db.query(sql, parameters)) as { answer: string }[];
    return (JSON.parse(row.answer) as { data: { list: { delegations: Visit[] } } }).data.list
      .delegations;
  };

const overHttp =
  (query: string): Ask =>
  async (variables) => {
    const { data, errors } = await hub.gql(query, variables);
    expect(errors).toBeUndefined();
    return data!.list.delegations;
  };

/** Every path to the list of `root`'s record: they must agree on every page. */
function paths(root: "partnership" | "person", type: string): Record<string, Ask> {
  return {
    answerSql: inOneStatement(listQuery(root, type)),
    lookAhead: resolved(listQuery(root, type)),
    // `node(id)` has no look-ahead: the list is read by its loader.
    loader: resolved(listQuery("node", type)),
    http: overHttp(listQuery(root, type)),
    httpResolvers: overHttp(listQuery(root, type, "id @include(if: true)")),
  };
}

/** The ids of the whole list, `size` at a time, each page starting after the last one's end. */
async function walk(ask: Ask, id: string, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await ask({ id, first: size, after });
    expect(page.length).toBeLessThanOrEqual(size);
    ids.push(...page.map((visit) => visit.id));
    if (page.length < size) return ids;
    after = ids[ids.length - 1];
    expect(ids.length).toBeLessThan(200);
  }
}

describe.each([
  {
    root: "partnership" as const,
    type: "Partnership",
    id: varkaus,
    where: "d.partnership_id = $1",
    byDate: true,
  },
  {
    root: "person" as const,
    type: "Person",
    id: bastian,
    where:
      "EXISTS (SELECT 1 FROM delegation_member m WHERE m.delegation_id = d.id AND m.person_id = $1)",
    byDate: false,
  },
])("$type.delegations", ({ root, type, id, where, byDate }) => {
  let all: string[];
  beforeAll(async () => {
    all = await expectedOrder(where, id, byDate);
    expect(all.length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.keys(paths(root, type)))(
    "over %s, gives the default page size unasked and `first` when asked",
    async (path) => {
      const ask = paths(root, type)[path];
      const unasked = await ask({ id });
      expect(unasked.map((v) => v.id)).toEqual(all.slice(0, DEFAULT_PAGE_SIZE));
      expect((await ask({ id, first: 7 })).map((v) => v.id)).toEqual(all.slice(0, 7));
      expect((await ask({ id, first: 500 })).map((v) => v.id)).toEqual(all);
      expect(await ask({ id, first: 0 })).toEqual([]);
    },
  );

  it.each(Object.keys(paths(root, type)))(
    "over %s, walks the whole list page by page in its order (undated visits included), once each",
    async (path) => {
      const ask = paths(root, type)[path];
      for (const size of [1, 2, 3, 5, 8]) expect(await walk(ask, id, size)).toEqual(all);
      const undated = (await ask({ id, first: 500 })).filter((v) => v.startDate === null);
      expect(undated.length).toBeGreaterThanOrEqual(5);
    },
  );

  it("gives the same page on every path, from every starting item", async () => {
    const asks = Object.values(paths(root, type));
    for (const [i, after] of all.entries()) {
      const pages = await Promise.all(asks.map((ask) => ask({ id, first: 3, after })));
      for (const page of pages) expect(page.map((v) => v.id)).toEqual(all.slice(i + 1, i + 4));
    }
  });
});

describe("a page that is not one", () => {
  const query = listQuery("partnership", "Partnership");

  it.each([
    [{ first: 501 }, "first", "first: must be at most 500 (the maximum page size)"],
    [{ first: -1 }, "first", "first: must not be negative"],
    [{ after: "not-an-id" }, "after", "after: is not a valid id"],
  ])("%j is refused as BAD_USER_INPUT naming %s", async (args, field, message) => {
    const { data, errors } = await hub.gql(query, { id: varkaus, ...args });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", field } });
    expect(data).toEqual({ list: null });
  });

  it("starts nowhere after an item of another record's list: the page is empty", async () => {
    const [other] = await expectedOrder("d.partnership_id <> $1", varkaus);
    for (const ask of Object.values(paths("partnership", "Partnership"))) {
      expect(await ask({ id: varkaus, first: 3, after: other })).toEqual([]);
    }
  });
});

it("reads two pages of one list under aliases, on every path alike", async () => {
  const all = await expectedOrder("d.partnership_id = $1", varkaus);
  const query = `query($id: ID!, $after: ID) { list: partnership(id: $id) {
    delegations: delegations(first: 2) { id startDate }
    next: delegations(first: 2, after: $after) { id startDate } } }`;
  const variables = { id: varkaus, after: all[1] };
  const sql = await inOneStatement(query)(variables);
  expect(sql.map((v) => v.id)).toEqual(all.slice(0, 2));
  const { data } = await hub.gql(query, variables);
  expect(data!.list.next.map((v: Visit) => v.id)).toEqual(all.slice(2, 4));
  const result = await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: context(),
  });
  expect(result.data).toEqual(data);
});

it("reads three levels of pages in one statement per level over the loaders", async () => {
  const all = await expectedOrder("d.partnership_id = $1", varkaus);
  let result: any;
  const statements = await hub.countStatements(async () => {
    result = await hub.gql(
      // The directive keeps the document off answer-sql, so the loaders read it.
      `query($id: ID!, $after: ID) { node(id: $id) @include(if: true) { ... on City {
        partnerships(first: 20) { id delegations(first: 3, after: $after) { id members(first: 2) { id } } }
      } } }`,
      { id: nanchang, after: all[0] },
    );
  });
  expect(result.errors).toBeUndefined();
  const partnerships = result.data.node.partnerships;
  expect(partnerships.length).toBeGreaterThan(1);
  const through = partnerships.find((p: { id: string }) => p.id === varkaus);
  expect(through.delegations.map((d: Visit) => d.id)).toEqual(all.slice(1, 4));
  expect(through.delegations[0].members).toHaveLength(1);
  // Every other partnership's list does not hold `after`: its page is empty.
  const others = partnerships.filter((p: { id: string }) => p.id !== varkaus);
  expect(others.every((p: { delegations: unknown[] }) => p.delegations.length === 0)).toBe(true);
  // The id's table, the city, its partnerships, their delegations, the delegations' members.
  expect(statements).toBe(5);
});

it("costs a nested list its page size: the default one unasked", () => {
  const cost = (query: string) => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const limits = { ...hub.config.limits, cost: 500 };
    try {
      checkQueryLimits(schema, new Map(), operation, {}, limits, 50);
      return "allowed";
    } catch (error) {
      return (error as GraphQLError).extensions.measured;
    }
  };
  // 1 + 10 × (1 + (1 + 50 × 1)): each city's partnerships count as a default page.
  expect(cost(`{ cities(first: 10) { nodes { partnerships { id } } } }`)).toBe(521);
  expect(cost(`{ cities(first: 10) { nodes { partnerships(first: 5) { id } } } }`)).toBe("allowed");
  expect(cost(`{ cities(first: 2) { nodes { partnerships(first: 500) { id } } } }`)).toBe(1005);
});

it("reads a record's page inside the record's own statement over look-ahead", async () => {
  const ask = resolved(listQuery("person", "Person"));
  let page: Visit[] = [];
  const statements = await hub.countStatements(async () => {
    page = await ask({ id: bastian, first: 2 });
  });
  expect(page).toHaveLength(2);
  expect(statements).toBe(1);
});

it("answers pages at every depth below a root page as the resolvers do", async () => {
  const query = `query($first: Int, $after: ID) { list: cities(first: 30) { nodes { id
    partnerships(first: $first) { id stageHistory(first: 2) { id on }
      delegations(first: 2, after: $after) { id startDate members(first: 1) { id } } }
    offices { id } } } }`;
  const all = await expectedOrder("d.partnership_id = $1", varkaus);
  for (const variables of [{}, { first: 2 }, { first: 5, after: all[3] }]) {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const answer = answerStatement(schema, hub.db, operation, {});
    const { sql, parameters } = answer!(variables, context());
    const [row] = (await hub.db.query(sql, parameters)) as { answer: string }[];
    const result = await execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: context(),
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(row.answer)).toEqual(JSON.parse(JSON.stringify(result)));
    expect(await hub.gql(query, variables)).toEqual({ status: 200, ...JSON.parse(row.answer) });
  }
});

it("pages a list keyed by a code (a country's cities) alike over its loader and in SQL", async () => {
  const [{ id }] = (await hub.db.query(`SELECT id FROM country WHERE code = 'CN'`)) as {
    id: string;
  }[];
  const cities = `cities(first: $first, after: $after) { id nameEn }`;
  const byCode = `query($code: String!, $first: Int, $after: ID) {
    list: country(code: $code) { ${cities} } }`;
  const byNode = `query($id: ID!, $first: Int, $after: ID) {
    list: node(id: $id) { ... on Country { ${cities} } } }`;
  const read = async (query: string, variables: Record<string, unknown>) => {
    const result = await execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: context(),
    });
    expect(result.errors).toBeUndefined();
    return (result.data as { list: { cities: { id: string }[] } }).list.cities;
  };
  const all = await read(byCode, { code: "CN", first: 500 });
  expect(all.length).toBeGreaterThan(DEFAULT_PAGE_SIZE + 3);
  expect(await read(byNode, { id, first: 500 })).toEqual(all);
  expect(await read(byNode, { id })).toEqual(all.slice(0, DEFAULT_PAGE_SIZE));
  const after = all[2].id;
  expect(await read(byNode, { id, first: 3, after })).toEqual(all.slice(3, 6));
  expect(await read(byCode, { code: "CN", first: 3, after })).toEqual(all.slice(3, 6));
  const { data } = await hub.gql(byCode, { code: "CN", first: 3, after });
  expect(data!.list.cities).toEqual(all.slice(3, 6));
});

describe("every nested list of every record type", () => {
  // Lists longer than a page or three, with missing and tied sort keys: stage changes of no date
  // or the same one, affiliations of no date or the same one, offices of one name.
  beforeAll(async () => {
    const org = factId("org-macao-foundation");
    await hub.db.query(
      `INSERT INTO stage_change (partnership_id, to_stage, changed_on, on_precision)
       SELECT $1, 'CONTACT', CASE WHEN n % 3 = 0 THEN NULL ELSE DATE '2020-01-01' + n / 2 END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE 'DAY' END
       FROM generate_series(1, 7) AS n`,
      [varkaus],
    );
    await hub.db.query(
      `INSERT INTO office (city_id, name_zh, kind)
       SELECT $1, '测试办公室' || (n / 2), 'OTHER' FROM generate_series(1, 7) AS n`,
      [nanchang],
    );
    await hub.db.query(
      `INSERT INTO affiliation (person_id, organization_id, role, since)
       SELECT p.id, $1, '会员', CASE WHEN p.n % 3 = 0 THEN NULL ELSE DATE '2019-01-01' + (p.n / 2)::int END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM person
             WHERE id NOT IN (SELECT person_id FROM affiliation WHERE organization_id = $1)
             LIMIT 8) p`,
      [org],
    );
    await hub.db.query(
      `INSERT INTO affiliation (person_id, organization_id, role, since)
       SELECT $1, o.id, '理事', CASE WHEN o.n % 3 = 0 THEN NULL ELSE DATE '2018-01-01' + (o.n / 2)::int END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organization
             WHERE id NOT IN (SELECT organization_id FROM affiliation WHERE person_id = $1)
             LIMIT 7) o`,
      [bastian],
    );
    await hub.db.query(
      `INSERT INTO delegation_member (delegation_id, person_id)
       SELECT (SELECT id FROM delegation WHERE partnership_id IS NULL ORDER BY id LIMIT 1), p.id
       FROM person p ORDER BY p.id LIMIT 6 ON CONFLICT DO NOTHING`,
    );
  });

  /** Each type's list fields that take a page, with the root list of that type. */
  function pagedLists(): { type: string; root: string; field: string }[] {
    const roots = Object.values(schema.getQueryType()!.getFields());
    return Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type))
      .flatMap((type) => {
        const root = roots.find((f) => getNamedType(f.type).name === `${type.name}Connection`);
        return Object.values(type.getFields())
          .filter((f) => root && f.args.some((a) => a.name === "after"))
          .map((f) => ({ type: type.name, root: root!.name, field: f.name }));
      });
  }

  it("is walked page by page to the whole list, alike in SQL, over look-ahead and over loaders", async () => {
    const lists = pagedLists();
    expect(lists.length).toBeGreaterThanOrEqual(10);
    const answeredInSql = new Set(lists.map((list) => list.type));
    const longest = new Map<string, number>();
    for (const { type, root, field } of lists) {
      const page = `${field}(first: $first, after: $after) { id }`;
      const inPage = `query($first: Int, $after: ID) { list: ${root}(first: 200) { nodes { id ${page} } } }`;
      const byNode = `query($id: ID!, $first: Int, $after: ID) { node(id: $id) { ... on ${type} { ${page} } } }`;
      const pageOf = async (parent: string, variables: Record<string, unknown>) => {
        const sql = await inOneStatementData(inPage, variables);
        const resolvedData = await executed(inPage, variables);
        if (sql) expect(sql).toEqual(resolvedData);
        else answeredInSql.delete(type);
        const nodes = (resolvedData.list as { nodes: Record<string, { id: string }[]>[] }).nodes;
        const viaNode = (await executed(byNode, { id: parent, ...variables })).node as Record<
          string,
          { id: string }[]
        >;
        const inList = nodes.find((n) => (n.id as unknown as string) === parent)![field];
        expect(viaNode[field]).toEqual(inList);
        return inList.map((item) => item.id);
      };
      // The parents with the longest lists on the first page of their type.
      const first = await executed(inPage, { first: 500 });
      const parents = (first.list as { nodes: Record<string, unknown>[] }).nodes
        .map((n) => ({ id: n.id as string, size: (n[field] as unknown[]).length }))
        .sort((a, b) => b.size - a.size)
        .slice(0, 2);
      longest.set(`${type}.${field}`, parents[0]?.size ?? 0);
      for (const parent of parents) {
        const all = await pageOf(parent.id, { first: 500 });
        for (const size of [1, 2, 3]) {
          const walked: string[] = [];
          for (let after: string | null = null; ;) {
            const ids = await pageOf(parent.id, { first: size, after });
            walked.push(...ids);
            if (ids.length < size) break;
            after = ids[ids.length - 1];
          }
          expect({ type, field, size, walked }).toEqual({ type, field, size, walked: all });
        }
      }
    }
    // Walks of several pages, not of one.
    expect([...longest].filter(([, size]) => size > 3).map(([list]) => list)).toHaveLength(
      longest.size,
    );
    // Countries are listed by a resolver of their own, which PostgreSQL does not stand in for.
    expect([...answeredInSql].sort()).toEqual([
      "City",
      "Delegation",
      "Organization",
      "Partnership",
      "Person",
    ]);
  });
});

async function executed(query: string, variables: Record<string, unknown>) {
  const result = await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: context(),
  });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

/** The data of the statement PostgreSQL answers `query` with; null when it answers no such query. */
async function inOneStatementData(query: string, variables: Record<string, unknown>) {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const answer = answerStatement(schema, hub.db, operation, {});
  if (!answer) return null;
  const { sql, parameters } = answer(variables, context());
  const [row] = (await hub.db.query(sql, parameters)) as { answer: string }[];
  return (JSON.parse(row.answer) as { data: Record<string, unknown> }).data;
}
