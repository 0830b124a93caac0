// A real hub for a test file: a fresh database (a new PostgreSQL database when DATABASE_URL is
// set, else an in-memory PGlite), migrated and seeded, served over real HTTP on a free port.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { DataSource } from "typeorm";
import { DEFAULT_LIMITS, HubConfig } from "../../src/config";
import { Role } from "../../src/core/actor";
import { issueToken } from "../../src/graphql/access/tokens";
import { openDatabase } from "../../src/data-source";
import { statementsIssued } from "../../src/db/statement-count";
import { seed } from "../../src/seed/seed";
import { startHub } from "../../src/server";
import { Template } from "./global-setup";
import { onServer } from "./on-server";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string } }[];
}

export interface TestHub {
  db: DataSource;
  url: string;
  config: HubConfig;
  /** Runs a GraphQL request over HTTP; as an admin unless `token` says otherwise (null: none). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** A token for `role`, limited to `cities` for an editor. */
  token(role: Role, cities?: string[]): Promise<string>;
  /** Runs a write that must be refused as `expected`, and proves it changed no row. */
  expectRefused(
    query: string,
    variables: Record<string, unknown>,
    expected: { code: string; field?: string },
  ): Promise<NonNullable<GraphQLResponse["errors"]>[number]>;
  /** Runs a request and returns how many SQL statements it issued. */
  countStatements(run: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A new database of this run's: empty, or a copy of one that global-setup.ts migrated (and
 * seeded). On PGlite, where a database lives in the test's process, the copy is an image of a
 * data folder to start from.
 */
export async function freshDatabase(
  template?: Template,
): Promise<{ url?: string; image?: Blob; drop: () => Promise<void> }> {
  const made = template && process.env[`HUB_TEST_TEMPLATE_${template.toUpperCase()}`];
  if (!process.env.DATABASE_URL) {
    const image = made ? new Blob([readFileSync(made)]) : undefined;
    return { image, drop: async () => {} };
  }
  return freshDatabaseUrl(made);
}

export async function freshDatabaseUrl(
  template?: string,
): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { drop: async () => {} };
  const admin = new URL(process.env.DATABASE_URL);
  const name = `hub_test_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function testConfig(overrides: Partial<HubConfig> = {}): HubConfig {
  return {
    port: 0,
    dataDir: "memory://",
    maxPageSize: 500,
    defaultPageSize: 50,
    development: false,
    production: false,
    introspection: true,
    jwtSecret: "test-secret-of-at-least-thirty-two-bytes",
    allowAnonymousRead: false,
    subscriberBuffer: 1000,
    fanoutIntervalMs: 0,
    corsOrigins: [],
    limits: { ...DEFAULT_LIMITS },
    ...overrides,
  };
}

export async function startTestHub(
  options: { seeded?: boolean; config?: Partial<HubConfig> } = {},
): Promise<TestHub> {
  const seeded = options.seeded !== false;
  const database = await freshDatabase(seeded ? "seeded" : "migrated");
  const config = testConfig({ databaseUrl: database.url, ...options.config });
  const db = await openDatabase({ ...config, embeddedImage: database.image });
  // Without global-setup.ts's templates (a script outside jest), the database is seeded here.
  if (seeded && !process.env.HUB_TEST_TEMPLATE_SEEDED) await seed(db);
  const hub = await startHub(config, db);
  const token: TestHub["token"] = (role, cities) => issueToken(config.jwtSecret, { role, cities });
  const adminToken = await token(Role.ADMIN);
  const gql: TestHub["gql"] = async (query, variables, bearer = adminToken) => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(bearer && { authorization: `Bearer ${bearer}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    db,
    url: hub.url,
    config,
    gql,
    token,
    async expectRefused(query, variables, expected) {
      const before = await databaseDigest(db);
      const { data, errors } = await gql(query, variables);
      expect(errors?.[0]?.extensions).toMatchObject(expected);
      expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
      expect(await databaseDigest(db)).toBe(before);
      return errors![0];
    },
    async countStatements(run) {
      const before = statementsIssued();
      await run();
      return statementsIssued() - before;
    },
    async close() {
      await hub.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Every table of the hub's schema, entities or not (running totals, join tables), by name. */
async function tablesOf(db: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** Row counts of every table, to prove that a refused write changed nothing. */
export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = await tablesOf(db);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = count;
  }
  return counts;
}

/** A digest of every row of every table: equal digests mean nothing was written. */
export async function databaseDigest(db: DataSource): Promise<string> {
  const tables = await tablesOf(db);
  const parts: string[] = [];
  for (const table of tables) {
    const [{ digest }] = await db.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    parts.push(`${table}:${digest}`);
  }
  return parts.join(",");
}
