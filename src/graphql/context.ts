// What every resolver receives: the database, the limits, who is asking, and this request's loaders.
import { DataSource } from "typeorm";
import { HubConfig } from "../config";
import type { EventRelay } from "../modules/events/event-relay";
import { Actor } from "../core/actor";
import { RequestLoaders } from "../db/loaders";

export interface HubContext {
  db: DataSource;
  config: HubConfig;
  actor: Actor;
  loaders: RequestLoaders;
  /** This instance's relay of committed events, for subscriptions. */
  events?: EventRelay;
  /** On a WebSocket: closes the connection, e.g. for a subscriber that fell too far behind. */
  closeConnection?: (code: number, reason: string) => void;
  /** On a subscription: the cursor of the event being sent. */
  eventCursor?: string;
}

export function createContext(
  db: DataSource,
  config: HubConfig,
  actor: Actor,
  extra: Pick<HubContext, "events" | "closeConnection"> = {},
): HubContext {
  return { db, config, actor, loaders: new RequestLoaders(db), ...extra };
}
