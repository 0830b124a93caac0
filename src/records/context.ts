// What every resolver receives: a service's context (src/db/service-context.ts) and, on a
// subscription's WebSocket, what the events module needs of the connection.
import { randomUUID } from "node:crypto";
import { HubConfig } from "../config";
import { serviceContext, ServiceContext } from "../db/service-context";
import type { EventChannel, EventRelay } from "../modules/events";

export interface HubContext extends ServiceContext {
  config: HubConfig;
  /** This instance's relay of committed events, for subscriptions. */
  events?: EventRelay;
  /** Names the request in logs and in the errors a client may quote. */
  requestId: string;
  /** On a WebSocket subscription: where its events are sent. */
  eventChannel?: EventChannel;
}

/** What an execution of its own needs of a caller's context, e.g. a subscription's per event. */
export type ReaderContext = Pick<HubContext, "db" | "config" | "actor" | "changes" | "events">;

/** A context for another execution as the same reader: its own loaders and request id. */
export function readerContext({ db, config, actor, changes, events }: ReaderContext): HubContext {
  return { ...serviceContext(db, config, actor, changes), config, events, requestId: randomUUID() };
}
