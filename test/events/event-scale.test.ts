// The live path under a bulk import and long replays. The import's 100,000 events are written as
// an import writes them (src/modules/events/record-event.ts): in transactions of 2,000 rows, each
// event naming its audit entry, under the event-order lock, one NOTIFY per transaction; written
// in SQL rather than through the import API, since what is under test is how the events are
// delivered, and parsing a spreadsheet of 100,000 rows would take most of the test's time.
// On PGlite, the import is 10,000 rows: the embedded database runs every statement (the import's,
// the relay's, the replays') on the one thread that also runs the hub and these clients, so 100,000
// rows there cost minutes of the suite and measure the engine more than the delivery.
import { Role } from "../../src/core/actor";
import { factId } from "../../src/seed/seed";
import { subscribe } from "../support/subscriber";
import { rawSubscriptions } from "../support/raw-subscriptions";
import { startTestHub, TestHub, usingPostgres } from "../support/test-hub";

const ROWS = usingPostgres ? 100_000 : 10_000;
const CHUNK = 2_000;
/** One row in this many is a visit of the watched city. */
const WATCHED_EVERY = ROWS / 100;
const NANCHANG = factId("city-nanchang");
const QIQIHAR = factId("city-qiqihar");
const VARKAUS = factId("city-varkaus");

let hub: TestHub;
let viewer: string;
let beforeImport: bigint;
beforeAll(async () => {
  hub = await startTestHub();
  viewer = await hub.token(Role.VIEWER);
  beforeImport = await lastCursor();
});
afterAll(() => hub.close());

const lastCursor = async () =>
  BigInt((await hub.db.query(`SELECT coalesce(max(cursor), 0)::text AS c FROM hub_event`))[0].c);

/** Rows `from`..`to` of the import, in one transaction, as the import writes a chunk. */
async function importChunk(from: number, to: number): Promise<void> {
  await hub.db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(7464001)`);
    await tx.query(
      `WITH rows AS (
         SELECT i, gen_random_uuid() AS entry_id, gen_random_uuid() AS entity_id,
           CASE WHEN i % ${WATCHED_EVERY} = 0 THEN $3::uuid ELSE $4::uuid END AS city_id
         FROM generate_series($1::int, $2::int) AS i),
       entries AS (
         INSERT INTO audit_entry (id, actor, role, action, entity_type, entity_id, before, after)
         SELECT entry_id, 'importer', 'editor', 'create', 'Delegation', entity_id, NULL,
           json_build_object('id', entity_id, 'name', '导入的访问 ' || i, 'homeCityId', city_id,
             'direction', 'INBOUND', 'size', 2, 'version', 1,
             'createdAt', '2020-01-01T00:00:00.000Z', 'updatedAt', '2020-01-01T00:00:00.000Z')
         FROM rows)
       INSERT INTO hub_event (type, entity_type, entity_id, city_id, entry_id)
       SELECT 'DELEGATION_CREATED', 'Delegation', entity_id, city_id, entry_id FROM rows ORDER BY i`,
      [from, to, NANCHANG, VARKAUS],
    );
    await tx.query(`SELECT pg_notify('hub_event', 'import')`);
  });
}

/** One graphql-ws connection carrying many subscriptions; it keeps counts, not frames. */
async function connection(token: string, queries: string[]) {
  const state = {
    received: queries.map(() => 0),
    last: queries.map(() => 0n),
    outOfOrder: 0,
    other: [] as string[],
    closed: undefined as number | undefined,
  };
  const operations = queries.map((query) => ({ query }));
  const socket = await rawSubscriptions(hub.url, token, operations, (text, message) => {
    if (message.type !== "next" || message.payload.errors) return state.other.push(text);
    const i = Number(message.id);
    const cursor = BigInt(message.payload.extensions.cursor);
    if (cursor <= state.last[i]) state.outOfOrder++;
    state.last[i] = cursor;
    state.received[i]++;
  });
  socket.on("close", (code) => (state.closed = code));
  return { socket, state };
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

const visitsOf = (city: string) =>
  `subscription { delegationRecorded(filter: { homeCityId: "${city}" }) { name homeCityId } }`;

describe(`a ${ROWS.toLocaleString("en")}-row import`, () => {
  it("reaches 1,000 city subscribers live, closes none, and gives a hubEvents subscriber every event", async () => {
    // 1,000 subscriptions over 10 connections: half watch Nanchang, half Qiqihar.
    const connections = await Promise.all(
      Array.from({ length: 10 }, (_, c) =>
        connection(
          viewer,
          Array.from({ length: 100 }, () => visitsOf(c % 2 ? QIQIHAR : NANCHANG)),
        ),
      ),
    );
    const everything = await subscribe(
      hub.url,
      `subscription { hubEvents { cursor } }`,
      {},
      viewer,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (let from = 1; from <= ROWS; from += CHUNK) await importChunk(from, from + CHUNK - 1);
    const watched = ROWS / WATCHED_EVERY;
    const nanchang = connections.filter((_, c) => c % 2 === 0);
    await until(
      () => nanchang.every(({ state }) => state.received.every((n) => n === watched)),
      60_000,
    );
    for (const { state } of nanchang) expect(state.received).toEqual(Array(100).fill(watched));

    // Qiqihar's subscribers heard nothing of the import, and still hear their city.
    await hub.gql(`mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`, {
      input: {
        direction: "INBOUND",
        name: "导入之后",
        size: 2,
        startDate: "2020-02-01",
        homeCityId: QIQIHAR,
        counterpartCountryCode: "FI",
      },
    });
    const qiqihar = connections.filter((_, c) => c % 2 === 1);
    await until(() => qiqihar.every(({ state }) => state.received.every((n) => n === 1)), 20_000);
    for (const { state } of connections) {
      expect([state.closed, state.outOfOrder, state.other]).toEqual([undefined, 0, []]);
    }
    for (const { state } of qiqihar) expect(state.received).toEqual(Array(100).fill(1));

    const events = await everything.waitFor(ROWS + 1, 60_000);
    const cursors = events.map((e) => BigInt(e.data.hubEvents.cursor));
    expect(cursors).toEqual(cursors.map((_, i) => beforeImport + BigInt(i + 1)));
    expect(everything.errors).toEqual([]);
    await everything.close();
    connections.forEach(({ socket }) => socket.close());
  }, 180_000);

  it("replays its events to a subscriber that resumes with the cursor it was given, each once, in order", async () => {
    const query = `subscription($s: String) { hubEvents(since: $s, types: [DELEGATION_CREATED]) { cursor } }`;
    const first = await subscribe(hub.url, query, { s: String(beforeImport) }, viewer);
    await first.waitFor(ROWS * 0.3, 60_000);
    // What the client had taken in when it went away (the socket may still bring a few more).
    const taken = first.received.slice();
    await first.close();
    const rest = await subscribe(hub.url, query, { s: taken[taken.length - 1].cursor }, viewer);
    await rest.waitFor(ROWS + 1 - taken.length, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cursors = [...taken, ...rest.received].map((e) => BigInt(e.cursor));
    expect(cursors).toEqual(cursors.map((_, i) => beforeImport + BigInt(i + 1)));
    await rest.close();
  }, 180_000);

  it("serves 400 idle replays over its events within bounded memory, and a trivial query meanwhile", async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const query = `subscription { hubEvents(since: "0", types: [COUNTRY_DELETED]) { cursor } }`;
    const connections = await Promise.all(
      Array.from({ length: 4 }, () => connection(viewer, Array(100).fill(query))),
    );
    // While the replays run: the median of five trivial queries, one after the other.
    const took: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const { data } = await hub.gql(`{ eventCursor }`, {}, viewer);
      took.push(performance.now() - started);
      expect(BigInt(data!.eventCursor)).toBeGreaterThan(beforeImport);
    }
    // The replays read one index range each and hold nothing: the process barely grows.
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(took.sort((a, b) => a - b)[2]).toBeLessThan(100);
    expect(rssGrowth).toBeLessThan(100 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { state } of connections) {
      expect([state.closed, state.other, state.received]).toEqual([
        undefined,
        [],
        Array(100).fill(0),
      ]);
    }
    connections.forEach(({ socket }) => socket.close());
  }, 180_000);
});
