// What every resolver receives: the database, the limits and this request's loaders.
import { DataSource } from "typeorm";
import { HubConfig } from "../config";
import { RequestLoaders } from "./loaders";

export interface HubContext {
  db: DataSource;
  config: HubConfig;
  loaders: RequestLoaders;
}

export function createContext(db: DataSource, config: HubConfig): HubContext {
  return { db, config, loaders: new RequestLoaders(db) };
}
