// Opens one subscription: what it hears and from which cursor. Delivery (replay, then the live
// stream through its fan-out group) is the EventSubscriber's.
import { HubContext } from "../../records/context";
import { BadUserInput, HubError } from "../../core/errors";
import { EventSelection } from "./event-filters";
import { EventSubscriber } from "./event-subscriber";

function cursorOf(since: string | null | undefined): bigint | null {
  if (since === undefined || since === null) return null;
  if (!/^\d{1,19}$/.test(since))
    throw new BadUserInput("since", "is not a cursor the hub gave out");
  return BigInt(since);
}

export function openEventStream(
  ctx: HubContext,
  since: string | null | undefined,
  selection: EventSelection,
): EventSubscriber {
  if (!ctx.events || !ctx.eventChannel)
    throw new HubError("BAD_USER_INPUT", "subscriptions are served over WebSocket at /graphql");
  return new EventSubscriber(ctx, ctx.eventChannel, selection, cursorOf(since));
}
