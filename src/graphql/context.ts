// What every resolver receives: the database, the limits, who is asking, and this request's loaders.
import { randomUUID } from "node:crypto";
import { DataSource } from "typeorm";
import { HubConfig } from "../config";
import type { EventRelay } from "../modules/events/event-relay";
import type { EventChannel } from "../modules/events/event-subscriber";
import { Actor } from "./access/actor";
import { RequestLoaders } from "./loaders";

export interface HubContext {
  db: DataSource;
  config: HubConfig;
  actor: Actor;
  loaders: RequestLoaders;
  /** Names the request in logs and in the errors a client may quote. */
  requestId: string;
  /** This instance's relay of committed events, for subscriptions. */
  events?: EventRelay;
  /** On a WebSocket subscription: where its events are sent. */
  eventChannel?: EventChannel;
}

export function createContext(
  db: DataSource,
  config: HubConfig,
  actor: Actor,
  extra: Partial<Pick<HubContext, "events" | "eventChannel" | "requestId">> = {},
): HubContext {
  return {
    db,
    config,
    actor,
    loaders: new RequestLoaders(db),
    requestId: extra.requestId ?? randomUUID(),
    ...extra,
  };
}
