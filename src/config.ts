// Everything the hub reads from its environment, read once at start.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { secretFile } from "./core/data-folder";

/** Limits checked before a query runs (docs/api.md, Access); over one, the query is refused unexecuted. */
export interface QueryLimits {
  depth: number;
  cost: number;
  aliases: number;
  bodyBytes: number;
  batch: number;
  /** Lexical tokens of a document, bounding the work of parsing and validating it. */
  tokens: number;
  /** Operations one WebSocket connection may have open at once. */
  subscriptionsPerConnection: number;
}

/** The limits when the environment sets none. */
export const DEFAULT_LIMITS: QueryLimits = {
  depth: 12,
  cost: 50000,
  aliases: 30,
  bodyBytes: 100_000,
  batch: 10,
  tokens: 10_000,
  subscriptionsPerConnection: 100,
};

export interface HubConfig {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  maxPageSize: number;
  defaultPageSize: number;
  development: boolean;
  production: boolean;
  introspection: boolean;
  /** HS256 key for bearer tokens. */
  jwtSecret: string;
  /** With a JWKS address, RS256 tokens signed by its keys are accepted too. */
  jwksUrl?: string;
  allowAnonymousRead: boolean;
  limits: QueryLimits;
  /** Messages a subscriber may have unsent before it is switched to paged replay. */
  subscriberBuffer: number;
  /**
   * How long live events gather before they are sent, in ms; 0 sends each relay batch at once.
   * With thousands of subscribers each event costs a write per socket, and the writes, not the
   * queries, bound the rate: gathered events leave a socket in one write.
   */
  fanoutIntervalMs: number;
  /** Browser origins allowed to call the API from other sites; empty: same origin only. */
  corsOrigins: string[];
}

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  }
  return value;
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

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw !== "true" && raw !== "false")
    throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === "true";
}

/** A comma-separated list of origins such as `https://a.example`, or `*` for any. */
function origins(name: string): string[] {
  const list = (process.env[name] ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/$/, ""))
    .filter(Boolean);
  const malformed = list.find((origin) => origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin));
  if (malformed) {
    throw new Error(`${name} must list origins such as https://office.example, got "${malformed}"`);
  }
  return list;
}

/**
 * The token key: HUB_JWT_SECRET, or on the embedded database a key kept in its data folder, so
 * that `npm start` and `npm run token` agree on a fresh machine. A server database needs one set.
 */
function jwtSecret(databaseUrl: string | undefined, dataDir: string): string {
  if (process.env.HUB_JWT_SECRET) return process.env.HUB_JWT_SECRET;
  if (databaseUrl) throw new Error("HUB_JWT_SECRET must be set when DATABASE_URL is");
  const file = secretFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Where the data lives: all that seeding and the TypeORM CLI need. */
export function readDatabaseConfig(): { databaseUrl?: string; dataDir: string } {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.HUB_DATA_DIR || "./data"),
  };
}

/** Page sizes: all that a service reads of the configuration. */
export function readPageLimits(): { maxPageSize: number; defaultPageSize: number } {
  return {
    maxPageSize: positiveInt("HUB_MAX_PAGE_SIZE", 500),
    defaultPageSize: positiveInt("HUB_DEFAULT_PAGE_SIZE", 50),
  };
}

export function readConfig(): HubConfig {
  const { databaseUrl, dataDir } = readDatabaseConfig();
  const production = process.env.NODE_ENV === "production";
  return {
    port: positiveInt("PORT", 4000),
    databaseUrl,
    dataDir,
    ...readPageLimits(),
    development: process.env.NODE_ENV === "development",
    production,
    introspection: flag("HUB_INTROSPECTION", !production),
    jwtSecret: jwtSecret(databaseUrl, dataDir),
    jwksUrl: process.env.HUB_JWKS_URL || undefined,
    // The embedded database is for trying the hub out, so it may be read without a token.
    allowAnonymousRead: flag("HUB_ALLOW_ANONYMOUS_READ", !databaseUrl),
    subscriberBuffer: positiveInt("HUB_SUBSCRIBER_BUFFER", 1000),
    fanoutIntervalMs: wholeNumber("HUB_FANOUT_INTERVAL_MS", 0),
    corsOrigins: origins("HUB_CORS_ORIGINS"),
    limits: {
      depth: positiveInt("HUB_MAX_DEPTH", DEFAULT_LIMITS.depth),
      cost: positiveInt("HUB_MAX_COST", DEFAULT_LIMITS.cost),
      aliases: positiveInt("HUB_MAX_ALIASES", DEFAULT_LIMITS.aliases),
      bodyBytes: positiveInt("HUB_MAX_BODY_BYTES", DEFAULT_LIMITS.bodyBytes),
      batch: positiveInt("HUB_MAX_BATCH", DEFAULT_LIMITS.batch),
      tokens: positiveInt("HUB_MAX_TOKENS", DEFAULT_LIMITS.tokens),
      subscriptionsPerConnection: positiveInt(
        "HUB_MAX_SUBSCRIPTIONS_PER_CONNECTION",
        DEFAULT_LIMITS.subscriptionsPerConnection,
      ),
    },
  };
}
