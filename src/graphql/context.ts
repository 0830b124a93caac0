// A request's context: the service context with the hub's change log, and the transport's extras.
import { randomUUID } from "node:crypto";
import { DataSource } from "typeorm";
import { HubConfig } from "../config";
import { Actor } from "../core/actor";
import { serviceContext } from "../db/service-context";
import { hubChangeLog } from "../modules/change-log";
import { HubContext } from "../records/context";

export function createContext(
  db: DataSource,
  config: HubConfig,
  actor: Actor,
  extra: Partial<Pick<HubContext, "events" | "eventChannel" | "requestId">> = {},
): HubContext {
  return {
    ...serviceContext(db, config, actor, hubChangeLog),
    config,
    requestId: extra.requestId ?? randomUUID(),
    ...extra,
  };
}
