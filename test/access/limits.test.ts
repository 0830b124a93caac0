import { Role } from "../../src/core/actor";
import { converse } from "../support/raw-socket";
import { startTestHub, testConfig, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    config: {
      limits: {
        ...testConfig().limits,
        depth: 12,
        cost: 5000,
        aliases: 30,
        bodyBytes: 20_000,
        batch: 3,
      },
    },
  });
});
afterAll(() => hub.close());

async function refusedUnrun(query: string, limit: string, allowed: number) {
  let response!: Awaited<ReturnType<TestHub["gql"]>>;
  const statements = await hub.countStatements(async () => {
    response = await hub.gql(query);
  });
  expect(response.errors![0].extensions).toMatchObject({
    code: "QUERY_TOO_COMPLEX",
    limit,
    allowed,
  });
  expect((response.errors![0].extensions as any).measured).toBeGreaterThan(allowed);
  expect(statements).toBe(0);
}

it("refuses a query deeper than the limit before any resolver runs", async () => {
  const deep = `{ cities(first: 1) { nodes { partnerships { partnerCity { partnerships { homeCity { partnerships {
    partnerCity { partnerships { homeCity { partnerships { partnerCity { nameEn } } } } } } } } } } } } }`;
  await refusedUnrun(deep, "depth", 12);
});

it("refuses a query whose page sizes multiply past the cost limit", async () => {
  await refusedUnrun(
    `{ cities(first: 500) { nodes { partnerships { partnerCity { offices { nameZh } } } } } }`,
    "cost",
    5000,
  );
  const modest = await hub.gql(
    `{ cities(first: 20) { nodes { partnerships { partnerCity { nameEn } } } } }`,
  );
  expect(modest.errors).toBeUndefined();
});

it("refuses an alias flood", async () => {
  const flood = `{ ${Array.from({ length: 31 }, (_, i) => `c${i}: countries(first: 1) { totalCount }`).join(" ")} }`;
  await refusedUnrun(flood, "aliases", 30);
});

it("refuses a batch of more operations than allowed, and an oversized body", async () => {
  const post = (body: string) =>
    fetch(hub.url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const batch = await post(
    JSON.stringify(Array.from({ length: 4 }, () => ({ query: "{ __typename }" }))),
  );
  expect(batch.status).toBe(400);
  expect(((await batch.json()) as any).errors[0].extensions).toMatchObject({
    code: "QUERY_TOO_COMPLEX",
    measured: 4,
  });
  const large = await post(
    JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(30_000) } }),
  );
  expect(large.status).toBe(413);
  expect(((await large.json()) as any).errors[0].extensions).toMatchObject({
    code: "QUERY_TOO_COMPLEX",
    allowed: 20_000,
  });
});

describe("a document of fragments that spread each other twice", () => {
  const levels = 24;
  const fragments = Array.from({ length: levels }, (_, i) => {
    const next = i + 1 < levels ? ` ...F${i + 2} ...F${i + 2}` : "";
    return `fragment F${i + 1} on Country { code${next} }`;
  }).join("\n");
  const doubling = `{ countries(first: 1) { nodes { ...F1 } } }\n${fragments}`;

  it("is refused at once over both transports, and holds up no other request", async () => {
    const timed = async <T>(run: () => Promise<T>) => {
      const started = performance.now();
      const value = await run();
      return { value, ms: performance.now() - started };
    };
    const token = await hub.token(Role.VIEWER);
    const [http, socket, trivial] = await Promise.all([
      timed(() => hub.gql(doubling)),
      timed(() => converse(hub.url, `Bearer ${token}`, { query: doubling })),
      timed(() => hub.gql(`{ __typename }`)),
    ]);
    expect(http.value.errors![0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      limit: "cost",
      measured: 2 ** levels + 1,
    });
    expect(socket.value.messages[0].payload[0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      measured: 2 ** levels + 1,
    });
    expect(trivial.value.data).toEqual({ __typename: "Query" });
    // Expanding the document took seconds and doubled with each level; measuring it fragment by
    // fragment takes milliseconds. The bound leaves room for a loaded CI machine.
    for (const { ms } of [http, socket, trivial]) expect(ms).toBeLessThan(1000);
  });
});
