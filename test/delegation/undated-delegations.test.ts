// A visit no source dates has null dates: it is written and read as such, sorts last in either
// direction of startDate, and is paged through one row at a time, over the resolvers and over
// the statement PostgreSQL answers with, exactly once. Its migration is not undone over it.
import { execute, OperationDefinitionNode, parse } from "graphql";
import { Actor, Role } from "../../src/core/actor";
import { answerStatement } from "../../src/graphql/answer-sql/answer-statement";
import { createContext } from "../../src/graphql/context";
import { buildHubSchema } from "../../src/graphql/schema";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

const ANALYST: Actor = { subject: "undated", role: Role.ANALYST, cities: [] };

let hub: TestHub;
let schema: Awaited<ReturnType<typeof buildHubSchema>>;
beforeAll(async () => {
  hub = await startTestHub();
  schema = await buildHubSchema();
});
afterAll(() => hub.close());

const qiqihar = factId("city-qiqihar");
const FIELDS = "id startDate endDate datePrecision";
const CREATE = `mutation($input: DelegationInput!) { createDelegation(input: $input) { ${FIELDS} version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: DelegationPatch!) {
  updateDelegation(id: $id, version: $version, input: $input) { ${FIELDS} version } }`;
const DELETE = `mutation($id: ID!) { deleteDelegation(id: $id) }`;

const PAGE = `query Page($after: String, $orderBy: DelegationOrder) {
  delegations(first: 1, after: $after, orderBy: $orderBy) {
    edges { cursor node { id startDate } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Page = {
  edges: { cursor: string; node: { id: string; startDate: string | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};
type Ask = (variables: Record<string, unknown>) => Promise<Page>;

const overResolvers: Ask = async (variables) => {
  const result = await execute({
    schema,
    document: parse(PAGE),
    variableValues: variables,
    contextValue: createContext(hub.db, hub.config, ANALYST),
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { delegations: Page }).delegations;
};

const inOneStatement: Ask = async (variables) => {
  const document = parse(PAGE);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const answer = answerStatement(schema, hub.db, operation, {});
  expect(answer).not.toBeNull();
  // As the request pipeline hands them on, coerced: a variable left out is absent, not undefined.
  const coerced = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  const { sql, parameters } = answer!(coerced, createContext(hub.db, hub.config, ANALYST));
  const [row] = (await hub.db.query(sql, parameters)) as { answer: string }[];
  return (JSON.parse(row.answer) as { data: { delegations: Page } }).data.delegations;
};

const overHttp: Ask = async (variables) => {
  const { data, errors } = await hub.gql(PAGE, variables);
  expect(errors).toBeUndefined();
  return data!.delegations;
};

/** Every row's id, one page of one row at a time, in the order the pages give them. */
async function pageThrough(ask: Ask, orderBy?: object): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await ask({ after, orderBy });
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
    expect(ids.length).toBeLessThan(1000);
  }
}

const idsInOrder = async (order: string): Promise<string[]> =>
  ((await hub.db.query(`SELECT id FROM delegation ORDER BY ${order}`)) as { id: string }[]).map(
    (row) => row.id,
  );

describe("an undated visit", () => {
  it("is seeded for Qiqihar's four visits of no printed year, with no dates and no precision", async () => {
    const { data } = await hub.gql(
      `query($filter: DelegationFilter) { delegations(filter: $filter, first: 50) {
        nodes { name startDate endDate datePrecision sources { certainty } } } }`,
      { filter: { dated: false } },
    );
    expect(data!.delegations.nodes).toHaveLength(4);
    for (const visit of data!.delegations.nodes) {
      expect(visit).toMatchObject({ startDate: null, endDate: null, datePrecision: null });
      expect(visit.sources[0].certainty).toBe("STATED");
    }
  });

  it("is created without a date, dated later as a one-day visit, and made undated again", async () => {
    const created = await hub.gql(CREATE, {
      input: { direction: "INBOUND", name: "年份不详的来访团", homeCityId: qiqihar },
    });
    expect(created.errors).toBeUndefined();
    const visit = created.data!.createDelegation;
    expect(visit).toMatchObject({ startDate: null, endDate: null, datePrecision: null });

    const dated = await hub.gql(UPDATE, {
      id: visit.id,
      version: visit.version,
      input: { startDate: "2019-09-25" },
    });
    expect(dated.data!.updateDelegation).toMatchObject({
      startDate: "2019-09-25",
      endDate: "2019-09-25",
      datePrecision: "DAY",
    });
    const undated = await hub.gql(UPDATE, {
      id: visit.id,
      version: dated.data!.updateDelegation.version,
      input: { startDate: null },
    });
    expect(undated.data!.updateDelegation).toMatchObject({
      startDate: null,
      endDate: null,
      datePrecision: null,
    });
    expect((await hub.gql(DELETE, { id: visit.id })).errors).toBeUndefined();
  });

  it("has neither an end date nor a precision: either alone is refused on its field", async () => {
    const base = { direction: "INBOUND", name: "只有结束日期的团", homeCityId: qiqihar };
    for (const [input, field] of [
      [{ ...base, endDate: "2019-09-25" }, "input.endDate"],
      [{ ...base, datePrecision: "YEAR" }, "input.datePrecision"],
    ] as const) {
      const { errors } = await hub.gql(CREATE, { input });
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("sorts last in either direction, and each page of one row gives every row once", async () => {
    const orders: [object | undefined, string][] = [
      [undefined, "start_date DESC NULLS LAST, id DESC"],
      [{ field: "START_DATE", direction: "DESC" }, "start_date DESC NULLS LAST, id DESC"],
      [{ field: "START_DATE", direction: "ASC" }, "start_date ASC NULLS LAST, id ASC"],
    ];
    const undated = (
      (await hub.db.query(`SELECT id FROM delegation WHERE start_date IS NULL`)) as { id: string }[]
    ).map((row) => row.id);
    expect(undated).toHaveLength(4);
    for (const [orderBy, order] of orders) {
      const expected = await idsInOrder(order);
      expect(expected.slice(-4).sort()).toEqual(undated.sort());
      for (const ask of [overResolvers, inOneStatement, overHttp]) {
        expect({ orderBy, ids: await pageThrough(ask, orderBy) }).toEqual({
          orderBy,
          ids: expected,
        });
      }
    }
  });

  it("gives the same cursors over the resolvers and in one statement", async () => {
    const orderBy = { field: "START_DATE", direction: "ASC" };
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const [resolved, written]: Page[] = await Promise.all([
        overResolvers({ after, orderBy }),
        inOneStatement({ after, orderBy }),
      ]);
      expect(written).toEqual(resolved);
      if (!resolved.pageInfo.hasNextPage) return;
      after = resolved.pageInfo.endCursor;
    }
    throw new Error("more pages than delegations");
  });

  it("keeps its migration from being undone until it is dated or deleted", async () => {
    await expect(hub.db.undoLastMigration()).rejects.toThrow(/4 delegations have no start date/);
    const columns = `SELECT is_nullable FROM information_schema.columns
      WHERE table_name = 'delegation' AND column_name = 'start_date'`;
    expect(await hub.db.query(columns)).toEqual([{ is_nullable: "YES" }]);

    await hub.db.query(`UPDATE delegation SET start_date = '2019-01-01', end_date = '2019-12-31',
      date_precision = 'YEAR' WHERE start_date IS NULL`);
    await hub.db.undoLastMigration();
    expect(await hub.db.query(columns)).toEqual([{ is_nullable: "NO" }]);
    await hub.db.runMigrations();
    expect(await hub.db.query(columns)).toEqual([{ is_nullable: "YES" }]);
    const [total] = await hub.db.query(`SELECT sum(batches)::int AS batches FROM delegation_tally
      WHERE dimension = 'NONE'`);
    const [rows] = await hub.db.query(`SELECT count(*)::int AS batches FROM delegation`);
    expect(total).toEqual(rows);
  });
});
