import { factId } from "../../src/seed/seed";
import { subscribe } from "../support/subscriber";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.token("admin" as never);
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const QIQIHAR = factId("city-qiqihar");
const RECORD = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`;
const visit = (name: string, homeCityId = NANCHANG, size = 3) => ({
  input: {
    direction: "INBOUND",
    name,
    size,
    startDate: "2012-06-01",
    homeCityId,
    counterpartCountryCode: "FI",
  },
});
const recorded = (name: string, homeCityId?: string, size?: number) =>
  hub.gql(RECORD, visit(name, homeCityId, size));
const lastCursor = async () =>
  (await hub.db.query(`SELECT coalesce(max(cursor), 0)::text AS c FROM hub_event`))[0].c as string;

describe("delegationRecorded", () => {
  it("pushes each new visit, with its cursor, and only those of the city asked for", async () => {
    const nanchang = await subscribe(
      hub.url,
      `subscription($f: DelegationRecordedFilter) { delegationRecorded(filter: $f) { name homeCity { nameZh } } }`,
      { f: { homeCityId: NANCHANG } },
      admin,
    );
    await recorded("齐齐哈尔接待团", QIQIHAR);
    await recorded("南昌接待团");
    const [event] = await nanchang.waitFor(1);
    expect(event.data).toEqual({
      delegationRecorded: { name: "南昌接待团", homeCity: { nameZh: "南昌" } },
    });
    expect(BigInt(event.cursor)).toBeGreaterThan(0n);
    await recorded("南昌接待团二");
    await nanchang.waitFor(2);
    expect(nanchang.received.map((r) => r.data.delegationRecorded.name)).toEqual([
      "南昌接待团",
      "南昌接待团二",
    ]);
    await nanchang.close();
  });

  it("emits nothing for a refused write", async () => {
    const before = await lastCursor();
    const all = await subscribe(hub.url, `subscription { hubEvents { cursor type } }`, {}, admin);
    const refused = await recorded("负人数", NANCHANG, -3);
    expect(refused.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(await lastCursor()).toBe(before);
    await recorded("之后的访问");
    const [first] = await all.waitFor(1);
    expect(first.data.hubEvents.type).toBe("DELEGATION_CREATED");
    expect(BigInt(first.data.hubEvents.cursor)).toBe(BigInt(before) + 1n);
    await all.close();
  });

  it("refuses a connection without a token", async () => {
    await expect(subscribe(hub.url, `subscription { hubEvents { cursor } }`)).rejects.toThrow(
      "closed with code 4403",
    );
  });
});

describe("hubEvents replay", () => {
  it("delivers every event after `since`, then the live stream, with no gap and no duplicate", async () => {
    const since = await lastCursor();
    for (let i = 0; i < 5; i++) await recorded(`回放 ${i}`);
    const stream = await subscribe(
      hub.url,
      `subscription($s: String) { hubEvents(since: $s) { cursor type entityId } }`,
      { s: since },
      admin,
    );
    await stream.waitFor(5);
    await recorded("回放之后");
    const events = await stream.waitFor(6);
    const cursors = events.map((e) => BigInt(e.data.hubEvents.cursor));
    expect(cursors).toEqual(cursors.map((_, i) => BigInt(since) + BigInt(i + 1)));
    expect(events.map((e) => e.cursor)).toEqual(cursors.map(String));
    await stream.close();
  });

  it("loses nothing when writes race the subscription's start", async () => {
    const since = await lastCursor();
    const writers = Array.from({ length: 24 }, (_, i) => recorded(`并发 ${i}`));
    await new Promise((resolve) => setTimeout(resolve, 15));
    const stream = await subscribe(
      hub.url,
      `subscription($s: String) { hubEvents(since: $s, types: [DELEGATION_CREATED]) { cursor } }`,
      { s: since },
      admin,
    );
    await Promise.all(writers);
    const events = await stream.waitFor(24);
    const stored: { c: string }[] = await hub.db.query(
      `SELECT cursor::text AS c FROM hub_event WHERE cursor > $1 ORDER BY cursor`,
      [since],
    );
    expect(events.map((e) => e.data.hubEvents.cursor)).toEqual(stored.map((row) => row.c));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.received).toHaveLength(24);
    await stream.close();
  });
});

describe("hubEvents", () => {
  it("carries each change's record: as created, as updated, and as it was when deleted", async () => {
    const stream = await subscribe(
      hub.url,
      `subscription($s: String) { hubEvents(since: $s) { type snapshot } }`,
      { s: await lastCursor() },
      admin,
    );
    const { data } = await recorded("记录变迁团");
    const id = data!.createDelegation.id as string;
    await hub.gql(
      `mutation($id: ID!) { updateDelegation(id: $id, version: 1, input: { size: 7 }) { id } }`,
      { id },
    );
    await hub.gql(`mutation($id: ID!) { deleteDelegation(id: $id) }`, { id });
    const events = (await stream.waitFor(3)).map((e) => e.data.hubEvents);
    expect(events.map((e) => [e.type, e.snapshot.id, e.snapshot.size, e.snapshot.version])).toEqual(
      [
        ["DELEGATION_CREATED", id, 3, 1],
        ["DELEGATION_UPDATED", id, 7, 2],
        ["DELEGATION_DELETED", id, 7, 2],
      ],
    );
    // Each is its change's audit entry's record, not a copy of it.
    const entries = await hub.db.query(
      `SELECT a.action, e.entity FROM hub_event e JOIN audit_entry a ON a.id = e.entry_id
       WHERE e.entity_id = $1 ORDER BY e.cursor`,
      [id],
    );
    expect(entries).toEqual([
      { action: "create", entity: null },
      { action: "update", entity: null },
      { action: "delete", entity: null },
    ]);
    await stream.close();
  });
});

describe("changes of partnerships and investments", () => {
  it("reports an advance with the partnership's new stage", async () => {
    const stream = await subscribe(
      hub.url,
      `subscription($f: PartnershipChangedFilter) { partnershipChanged(filter: $f) { type snapshot entity { ... on Partnership { stage } } } }`,
      { f: { homeCityId: QIQIHAR } },
      admin,
    );
    await hub.gql(
      `mutation($id: ID!) { advancePartnership(id: $id, stage: ESTABLISHED, on: "2019-05-01") { id } }`,
      {
        id: factId("partnership-qiqihar-visaginas-sister"),
      },
    );
    const [event] = await stream.waitFor(1);
    expect(event.data.partnershipChanged).toMatchObject({
      type: "PARTNERSHIP_ADVANCED",
      entity: { stage: "ESTABLISHED" },
    });
    expect(event.data.partnershipChanged.snapshot.stage).toBe("ESTABLISHED");
    await stream.close();
  });
});
