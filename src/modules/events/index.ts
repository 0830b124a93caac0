// Events own the outbox of committed changes and the live streams over it: each mutation's event
// is written in its transaction, and every hub instance relays new ones to its own subscribers.
import { EventCursorResolver } from "./event-cursor.resolver";
import { EventsResolver } from "./events.resolver";

export { EventFanout } from "./event-fanout";
export { EventRelay } from "./event-relay";
export type { EventChannel } from "./event-subscriber";
export { HubEvent, HubEventType } from "./hub-event";
export { recordCreationEvents, recordEvent } from "./record-event";

export const eventsResolvers = [EventsResolver, EventCursorResolver] as const;
