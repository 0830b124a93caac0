// Opens one subscriber's stream: registers for live events first, then reads the history after
// `since` up to the last event already handed out, so that nothing falls between the two and
// nothing is sent twice.
import { HubContext } from "../../records/context";
import { BadUserInput, HubError } from "../../core/errors";
import { EventFilter } from "./event-filters";
import { EventStream } from "./event-stream";
import { HubEventRow } from "./hub-event";

/** WebSocket close code for a subscriber that fell too far behind (graphql-ws keeps 4400-4499). */
export const TOO_SLOW_CLOSE_CODE = 4290;

function cursorOf(since: string | null | undefined): bigint | null {
  if (since === undefined || since === null) return null;
  if (!/^\d{1,19}$/.test(since))
    throw new BadUserInput("since", "is not a cursor the hub gave out");
  return BigInt(since);
}

export async function openEventStream(
  ctx: HubContext,
  since: string | null | undefined,
  matches: EventFilter,
): Promise<AsyncIterable<HubEventRow>> {
  const relay = ctx.events;
  if (!relay)
    throw new HubError("BAD_USER_INPUT", "subscriptions are served over WebSocket at /graphql");
  const from = cursorOf(since);
  const upTo = relay.lastDelivered;
  const stream = new EventStream(
    from ?? upTo,
    ctx.config.subscriberBuffer,
    (resumeFrom) =>
      ctx.closeConnection?.(TOO_SLOW_CLOSE_CODE, `too far behind; resume with since=${resumeFrom}`),
    () => unsubscribe(),
  );
  const unsubscribe = relay.subscribe((event) => matches(event) && stream.push(event));
  stream.replayed(from === null ? [] : (await relay.history(from, upTo)).filter(matches));
  return withCursor(stream, ctx);
}

/** Marks each event's cursor on the context, where the server adds it to the message sent. */
async function* withCursor(stream: EventStream, ctx: HubContext): AsyncIterable<HubEventRow> {
  for await (const event of stream) {
    ctx.eventCursor = event.cursor;
    yield event;
  }
}
