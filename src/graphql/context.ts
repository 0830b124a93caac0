// What every resolver receives: the database, the limits, who is asking, and this request's loaders.
import { DataSource } from "typeorm";
import { HubConfig } from "../config";
import { Actor } from "./access/actor";
import { RequestLoaders } from "./loaders";

export interface HubContext {
  db: DataSource;
  config: HubConfig;
  actor: Actor;
  loaders: RequestLoaders;
}

export function createContext(db: DataSource, config: HubConfig, actor: Actor): HubContext {
  return { db, config, actor, loaders: new RequestLoaders(db) };
}
