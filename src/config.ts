// Everything the hub reads from its environment, read once at start.
import path from "node:path";

export interface HubConfig {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  maxPageSize: number;
  defaultPageSize: number;
  development: boolean;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function readConfig(): HubConfig {
  return {
    port: positiveInt("PORT", 4000),
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.HUB_DATA_DIR || "./data"),
    maxPageSize: positiveInt("HUB_MAX_PAGE_SIZE", 500),
    defaultPageSize: positiveInt("HUB_DEFAULT_PAGE_SIZE", 50),
    development: process.env.NODE_ENV === "development",
  };
}
