import { factId } from "../../src/seed/seed";
import { subscribe } from "../support/subscriber";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ config: { allowAnonymousRead: true } });
});
afterAll(() => hub.close());

const CURSOR = `{ eventCursor }`;
const RECORD = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`;
const visit = (name: string, size = 2) => ({
  input: {
    direction: "INBOUND",
    name,
    size,
    startDate: "2012-06-01",
    homeCityId: factId("city-nanchang"),
    counterpartCountryCode: "FI",
  },
});

describe("eventCursor", () => {
  it("is the last committed event's cursor, for anonymous readers too", async () => {
    const { data } = await hub.gql(CURSOR, {}, null);
    const [{ c }] = await hub.db.query(`SELECT coalesce(max(cursor), 0)::text AS c FROM hub_event`);
    expect(data!.eventCursor).toBe(c);
  });

  it("does not move for a refused write, and moves by one for each committed write", async () => {
    const before = (await hub.gql(CURSOR)).data!.eventCursor as string;
    await hub.expectRefused(RECORD, visit("负人数", -1), {
      code: "BAD_USER_INPUT",
      field: "input.size",
    });
    expect((await hub.gql(CURSOR)).data!.eventCursor).toBe(before);
    await hub.gql(RECORD, visit("一次"));
    expect((await hub.gql(CURSOR)).data!.eventCursor).toBe(String(BigInt(before) + 1n));
  });

  it("as `since`, replays exactly the writes committed after it was read", async () => {
    const since = (await hub.gql(CURSOR)).data!.eventCursor as string;
    await hub.gql(RECORD, visit("读后一"));
    await hub.gql(RECORD, visit("读后二"));
    const stream = await subscribe(
      hub.url,
      `subscription($s: String) { delegationRecorded(since: $s) { name } }`,
      { s: since },
      await hub.token("viewer" as never),
    );
    const events = await stream.waitFor(2);
    expect(events.map((e) => e.data.delegationRecorded.name)).toEqual(["读后一", "读后二"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.received).toHaveLength(2);
    await stream.close();
  });
});
