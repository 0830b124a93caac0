// What every resolver receives: the database, the limits, who is asking, and this request's loaders.
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
  /** This instance's relay of committed events, for subscriptions. */
  events?: EventRelay;
  /** On a WebSocket subscription: where its events are sent. */
  eventChannel?: EventChannel;
}

export function createContext(
  db: DataSource,
  config: HubConfig,
  actor: Actor,
  extra: Pick<HubContext, "events" | "eventChannel"> = {},
): HubContext {
  return { db, config, actor, loaders: new RequestLoaders(db), ...extra };
}
