import pg from "pg";
import WebSocket from "ws";
import { factId } from "../../src/seed/seed";
import { subscribe } from "../support/subscriber";
import { startTestHub, TestHub, usingPostgres } from "../support/test-hub";

// Several instances, LISTEN connections and concurrent transactions need a PostgreSQL server;
// the embedded database is one in-process session serving one instance.
const onPostgres = usingPostgres ? describe : describe.skip;

onPostgres("hub instances on one PostgreSQL", () => {
  let a: TestHub;
  let b: TestHub;
  let admin: string;
  beforeAll(async () => {
    a = await startTestHub();
    b = await startTestHub({
      seeded: false,
      config: { databaseUrl: a.config.databaseUrl, subscriberBuffer: 5 },
    });
    admin = await a.token("admin" as never);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const sql = async (text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: a.config.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  const record = (hub: TestHub, name: string) =>
    hub.gql(`mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`, {
      input: {
        direction: "OUTBOUND",
        name,
        size: 2,
        startDate: "2012-09-01",
        homeCityId: factId("city-nanchang"),
        counterpartCountryCode: "DE",
      },
    });
  const lastCursor = async () =>
    (await sql(`SELECT coalesce(max(cursor), 0)::text AS c FROM hub_event`))[0].c as string;

  it("delivers to a subscriber on B a write made on A", async () => {
    const onB = await subscribe(b.url, `subscription { delegationRecorded { name } }`, {}, admin);
    await record(a, "写在A上");
    const [event] = await onB.waitFor(1);
    expect(event.data.delegationRecorded.name).toBe("写在A上");
    await onB.close();
  });

  it("catches up without a gap after its LISTEN connection is terminated", async () => {
    const since = await lastCursor();
    const onA = await subscribe(a.url, `subscription { hubEvents { cursor } }`, {}, admin);
    const [{ n }] = await sql(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'hub-event-relay' AND datname = current_database()`,
    );
    expect(n).toBe(2);
    for (let i = 0; i < 5; i++) await record(b, `断线期间 ${i}`);
    const events = await onA.waitFor(5);
    expect(events.map((e) => BigInt(e.data.hubEvents.cursor))).toEqual(
      [1n, 2n, 3n, 4n, 5n].map((i) => BigInt(since) + i),
    );
    const [{ listening }] = await sql(
      `SELECT count(*)::int AS listening FROM pg_stat_activity WHERE application_name = 'hub-event-relay' AND datname = current_database()`,
    );
    expect(listening).toBe(2);
    await onA.close();
  });

  it("keeps cursor order equal to commit order when a later writer finishes first", async () => {
    const since = await lastCursor();
    const stream = await subscribe(
      a.url,
      `subscription($s: String) { hubEvents(since: $s) { cursor type } }`,
      { s: since },
      admin,
    );
    const early = new pg.Client({ connectionString: a.config.databaseUrl });
    await early.connect();
    await early.query("BEGIN");
    await early.query(`SELECT pg_advisory_xact_lock(7464001)`);
    await early.query(
      `INSERT INTO hub_event (type, entity_type, entity_id) VALUES ('CITY_UPDATED', 'City', $1)`,
      [factId("city-nanchang")],
    );
    const later = record(a, "后开始的写入");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.received).toHaveLength(0);
    await early.query("COMMIT");
    await early.end();
    await later;
    const events = await stream.waitFor(2);
    expect(events.map((e) => e.data.hubEvents.type)).toEqual([
      "CITY_UPDATED",
      "DELEGATION_CREATED",
    ]);
    expect(events.map((e) => BigInt(e.data.hubEvents.cursor))).toEqual([
      BigInt(since) + 1n,
      BigInt(since) + 2n,
    ]);
    await stream.close();
  });

  it("switches a subscriber that stops reading to replay, and it then gets every event once, in order", async () => {
    const since = await lastCursor();
    const reader = await subscribe(a.url, `subscription { hubEvents { cursor } }`, {}, admin);
    const stalled = new WebSocket(b.url.replace(/^http/, "ws"), "graphql-transport-ws");
    let closed: number | undefined;
    stalled.on("close", (code) => (closed = code));
    await new Promise((resolve) => stalled.on("open", resolve));
    stalled.send(
      JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${admin}` } }),
    );
    await new Promise((resolve) => stalled.once("message", resolve));
    const cursors: bigint[] = [];
    stalled.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.type === "next") cursors.push(BigInt(message.payload.extensions.cursor));
    });
    stalled.send(
      JSON.stringify({
        id: "1",
        type: "subscribe",
        payload: { query: "subscription { hubEvents { cursor snapshot } }" },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();

    // Enough 4 KB events to fill the stalled socket's buffers and then its 5-message bound.
    const count = 8000;
    await sql(
      `INSERT INTO hub_event (type, entity_type, entity_id, entity)
       SELECT 'CITY_UPDATED', 'City', $1, jsonb_build_object('padding', repeat('x', 4000)) FROM generate_series(1, $2)`,
      [factId("city-nanchang"), count],
    );
    await sql(`SELECT pg_notify('hub_event', 'bulk')`);
    const events = await reader.waitFor(count, 60_000);
    expect(events[count - 1].data.hubEvents.cursor).toBe(String(BigInt(since) + BigInt(count)));
    expect(cursors.length).toBeLessThan(count);
    (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
    const deadline = Date.now() + 60_000;
    while (cursors.length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(cursors).toEqual(Array.from({ length: count }, (_, i) => BigInt(since) + BigInt(i + 1)));
    expect(closed).toBeUndefined();
    stalled.close();
    await reader.close();
  }, 180_000);
});
