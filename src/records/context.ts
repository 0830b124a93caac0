// What every resolver receives: a service's context (src/db/service-context.ts) and, on a
// subscription's WebSocket, what the events module needs of the connection.
import { HubConfig } from "../config";
import { ServiceContext } from "../db/service-context";
import type { EventRelay } from "../modules/events";

export interface HubContext extends ServiceContext {
  config: HubConfig;
  /** This instance's relay of committed events, for subscriptions. */
  events?: EventRelay;
  /** On a WebSocket: closes the connection, e.g. for a subscriber that fell too far behind. */
  closeConnection?: (code: number, reason: string) => void;
  /** On a subscription: the cursor of the event being sent. */
  eventCursor?: string;
}
