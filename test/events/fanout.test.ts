// Multiplexed fan-out: subscribers of the same operation text, variables and visibility share one
// execution per event and one serialised message.
import { Role } from "../../src/core/actor";
import { fanoutCounts } from "../../src/modules/events/event-fanout";
import { factId } from "../../src/seed/seed";
import { rawSubscriptions } from "../support/raw-subscriptions";
import { startTestHub, TestHub, usingPostgres } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const VISITS = `subscription($types: [HubEventType!]) { hubEvents(types: $types) { type snapshot } }`;

/** A raw graphql-ws connection with one subscription per variables given; keeps `next` payloads. */
async function connection(token: string, variables: object[]) {
  const payloads: string[][] = variables.map(() => []);
  const operations = variables.map((v) => ({ query: VISITS, variables: v }));
  const socket = await rawSubscriptions(hub.url, token, operations, (text, message) => {
    // The payload exactly as sent: the frame's text after its id and type.
    if (message.type === "next")
      payloads[Number(message.id)].push(text.slice(text.indexOf('"payload":')));
  });
  return { socket, payloads };
}

const count = async (counter: typeof fanoutCounts.executions) =>
  (await counter.get()).values[0]?.value ?? 0;

describe("multiplexed fan-out", () => {
  it("runs each (operation, variables, visibility) once per event and shares its message", async () => {
    const created = { types: ["DELEGATION_CREATED"] };
    const changed = { types: ["DELEGATION_CREATED", "DELEGATION_UPDATED"] };
    const viewer = await hub.token(Role.VIEWER);
    const connections = await Promise.all([
      connection(viewer, [created, created, changed]),
      connection(viewer, [created, created, changed]),
      connection(await hub.token(Role.ANALYST), [created]),
      connection(await hub.token(Role.EDITOR, [NANCHANG]), [created, created]),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = [await count(fanoutCounts.executions), await count(fanoutCounts.deliveries)];
    await hub.gql(`mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`, {
      input: {
        direction: "INBOUND",
        name: "多路复用",
        size: 4,
        startDate: "2014-05-01",
        homeCityId: NANCHANG,
        counterpartCountryCode: "FI",
      },
    });
    const all = () => connections.flatMap(({ payloads }) => payloads);
    const deadline = Date.now() + 10_000;
    while (all().some((p) => p.length < 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(all().map((p) => p.length)).toEqual(Array(9).fill(1));
    // Groups: viewers × created, viewers × changed, the analyst, the editor.
    expect(await count(fanoutCounts.executions)).toBe(before[0] + 4);
    expect(await count(fanoutCounts.deliveries)).toBe(before[1] + 9);
    const [a, b, analyst, editor] = connections.map(({ payloads }) => payloads.map((p) => p[0]));
    expect(
      new Set([a[0], a[1], b[0], b[1], a[2], b[2], analyst[0], editor[0], editor[1]]).size,
    ).toBe(1);
    connections.forEach(({ socket }) => socket.close());
  });

  it("groups subscribers that resumed from different cursors once they are live", async () => {
    const record = (name: string) =>
      hub.gql(`mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`, {
        input: {
          direction: "OUTBOUND",
          name,
          size: 2,
          startDate: "2014-06-01",
          homeCityId: NANCHANG,
          counterpartCountryCode: "DE",
        },
      });
    await record("续订之前");
    const [{ c }] = await hub.db.query(`SELECT max(cursor)::text AS c FROM hub_event`);
    const RESUMED = `subscription($s: String) { hubEvents(since: $s, types: [DELEGATION_CREATED]) { cursor type } }`;
    const payloads: string[][] = [[], [], []];
    const socket = await rawSubscriptions(
      hub.url,
      await hub.token(Role.VIEWER),
      [
        { query: RESUMED, variables: { s: String(BigInt(c) - 1n) } },
        { query: RESUMED, variables: { s: c } },
        { query: RESUMED.replace("($s: String)", "").replace("since: $s", `since: "${c}"`) },
      ],
      (text, message) => message.type === "next" && payloads[Number(message.id)].push(text),
    );
    const deadline = Date.now() + 10_000;
    while (payloads[0].length < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await count(fanoutCounts.executions);
    await record("续订之后");
    while (payloads.some((p) => p.length < (p === payloads[0] ? 2 : 1)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(payloads.map((p) => p.length)).toEqual([2, 1, 1]);
    expect(await count(fanoutCounts.executions)).toBe(before + 1);
    socket.close();
  });
});

// A second hub in one file: on PGlite typeorm-pglite keeps one database per process, which the
// first hub's close would close under the second, so this runs on PostgreSQL only.
const onPostgres = usingPostgres ? describe : describe.skip;

onPostgres("with HUB_FANOUT_INTERVAL_MS", () => {
  const INTERVAL = 400;
  let gathering: TestHub;
  beforeAll(async () => {
    gathering = await startTestHub({ config: { fanoutIntervalMs: INTERVAL } });
  });
  afterAll(() => gathering.close());

  it("gathers events for the interval and still sends each once, in order, to late joiners too", async () => {
    const CURSORS = `subscription($s: String) { hubEvents(since: $s, types: [DELEGATION_CREATED]) { cursor } }`;
    const [{ c: start }] = await gathering.db.query(
      `SELECT coalesce(max(cursor), 0)::text AS c FROM hub_event`,
    );
    const viewer = await gathering.token(Role.VIEWER);
    const heard: { cursor: string; at: number }[][] = [[], []];
    const listen = (i: number) => (_: string, message: any) => {
      if (message.type === "next") {
        heard[i].push({ cursor: message.payload.data.hubEvents.cursor, at: Date.now() });
      }
    };
    const early = await rawSubscriptions(gathering.url, viewer, [{ query: CURSORS }], listen(0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const committed: number[] = [];
    for (let i = 0; i < 5; i++) {
      await gathering.gql(
        `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`,
        {
          input: {
            direction: "INBOUND",
            name: `汇集 ${i}`,
            size: 2,
            startDate: "2014-07-01",
            homeCityId: NANCHANG,
            counterpartCountryCode: "FI",
          },
        },
      );
      committed.push(Date.now());
    }
    // Joins while some of the five may still be gathering: it replays them, and is not sent them again.
    const late = await rawSubscriptions(
      gathering.url,
      viewer,
      [{ query: CURSORS, variables: { s: start } }],
      listen(1),
    );
    const deadline = Date.now() + 10_000;
    while (heard.some((h) => h.length < 5) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 2 * INTERVAL));
    const [{ cursors }] = await gathering.db.query(
      `SELECT array_agg(cursor::text ORDER BY cursor) AS cursors FROM hub_event
        WHERE cursor > $1 AND type = 'DELEGATION_CREATED'`,
      [start],
    );
    expect(heard[0].map((h) => h.cursor)).toEqual(cursors);
    expect(heard[1].map((h) => h.cursor)).toEqual(cursors);
    // The first live event waits for the whole interval after its commit: none can come sooner.
    expect(heard[0][0].at - committed[0]).toBeGreaterThanOrEqual(INTERVAL - 150);
    early.close();
    late.close();
  });
});
