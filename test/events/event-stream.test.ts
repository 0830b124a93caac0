import { EventStream } from "../../src/modules/events/event-stream";
import { HubEventRow, HubEventType } from "../../src/modules/events/hub-event";

const event = (cursor: number): HubEventRow => ({
  cursor: String(cursor),
  type: HubEventType.CITY_UPDATED,
  entityType: "City",
  entityId: "00000000-0000-4000-8000-000000000000",
  cityId: null,
  entity: null,
  occurredAt: new Date(),
});

async function drain(stream: EventStream, count: number): Promise<string[]> {
  const cursors: string[] = [];
  for (let i = 0; i < count; i++) cursors.push((await stream.next()).value.cursor);
  return cursors;
}

describe("EventStream", () => {
  it("puts replayed history before live events that arrived meanwhile, each cursor once", async () => {
    const stream = new EventStream(
      10n,
      100,
      () => undefined,
      () => undefined,
    );
    stream.push(event(13));
    stream.push(event(14));
    stream.replayed([event(11), event(12), event(13)]);
    stream.push(event(14));
    stream.push(event(15));
    expect(await drain(stream, 5)).toEqual(["11", "12", "13", "14", "15"]);
  });

  it("ends a subscriber that falls more than its bound behind, naming where to resume", async () => {
    let resumeFrom: string | undefined;
    let detached = false;
    const stream = new EventStream(
      0n,
      3,
      (from) => (resumeFrom = from),
      () => (detached = true),
    );
    stream.replayed([]);
    for (let cursor = 1; cursor <= 4; cursor++) stream.push(event(cursor));
    expect(resumeFrom).toBe("0");
    expect(detached).toBe(true);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
