// Faults the hub must ride out: PostgreSQL ending its connections mid-request, and a shutdown
// while requests are still running.
import http from "node:http";
import pg from "pg";
import { Role } from "../../src/core/actor";
import { issueToken } from "../../src/graphql/access/tokens";
import { openDatabase } from "../../src/data-source";
import { ListedRecordService } from "../../src/db/listed-record-service";
import { seed } from "../../src/seed/seed";
import { startHub } from "../../src/server";
import {
  freshDatabaseUrl,
  startTestHub,
  testConfig,
  TestHub,
  usingPostgres,
} from "../support/test-hub";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a client may be told when the database goes away: an error with a code, and no SQL. */
const LEAK = /stacktrace|SELECT |INSERT |UPDATE |_fkey|_check|_key\b|QueryFailedError|terminat/i;

const INTERNAL = "INTERNAL_SERVER_ERROR";

interface Outcome {
  ok: boolean;
  status: number;
  codes: string[];
}

/** Posts a request and classifies the answer; an answer that is not GraphQL JSON fails the test. */
async function post(url: string, token: string, query: string, variables?: object) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(text).not.toMatch(LEAK);
  const body = JSON.parse(text);
  const codes: string[] = (body.errors ?? []).map((e: any) => e.extensions?.code);
  expect(codes.every((code) => typeof code === "string")).toBe(true);
  const outcome: Outcome = { ok: codes.length === 0, status: response.status, codes };
  return { outcome, data: body.data };
}

// PGlite runs inside the hub's own process, with no server connection that could be cut; these
// tests need a PostgreSQL server (DATABASE_URL).
(usingPostgres ? describe : describe.skip)("when PostgreSQL ends the hub's connections", () => {
  let hub: TestHub;
  let admin: string;
  let killer: pg.Client;

  beforeAll(async () => {
    hub = await startTestHub();
    admin = await hub.token(Role.ADMIN);
    // A separate session on the hub's own test database; other test runs are not touched.
    killer = new pg.Client({ connectionString: hub.config.databaseUrl });
    await killer.connect();
  });
  afterAll(async () => {
    await killer.end();
    await hub.close();
  });

  /** Retries `request` until it succeeds, which must happen within a few seconds. */
  async function recovers(request: () => Promise<{ outcome: Outcome }>): Promise<void> {
    const started = Date.now();
    while (!(await request()).outcome.ok) {
      expect(Date.now() - started).toBeLessThan(5000);
      await sleep(100);
    }
  }

  /** Ends every session on the hub's database but this one; returns how many it ended. */
  async function terminate(): Promise<number> {
    const [row] = (
      await killer.query(
        `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows;
    return row.ended;
  }

  const READ = `{ cities(first: 100) { totalCount nodes { nameEn country { code }
    partnerships(first: 5) { stage homeCity { nameZh } delegations(first: 5) { name } } } } }`;

  it("answers requests in flight cleanly and recovers by itself", async () => {
    const warm = await post(hub.url, admin, READ);
    expect(warm.outcome.ok).toBe(true);
    const outcomes: Outcome[] = [];
    let running = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (running) outcomes.push((await post(hub.url, admin, READ)).outcome);
    });
    let ended = 0;
    for (let round = 0; round < 10; round++) {
      await sleep(40);
      ended += await terminate();
    }
    running = false;
    await Promise.all(clients);

    const failed = outcomes.filter((o) => !o.ok);
    expect(ended).toBeGreaterThan(0);
    // A request the database failed is still a GraphQL answer, not a failed HTTP exchange.
    for (const outcome of outcomes) expect(outcome.status).toBe(200);
    for (const { codes } of failed) expect(new Set(codes)).toEqual(new Set([INTERNAL]));
    expect(outcomes.length).toBeGreaterThan(failed.length);

    await recovers(() => post(hub.url, admin, READ));
    for (let i = 0; i < 20; i++) expect((await post(hub.url, admin, READ)).outcome.ok).toBe(true);
  });

  it("keeps every acknowledged write, each with its audit entry", async () => {
    const WRITES = 60;
    const CREATE = `mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }`;
    const acknowledged: string[] = [];
    const failed: Outcome[] = [];
    let next = 0;
    let running = true;
    const writers = Array.from({ length: 6 }, async () => {
      while (next < WRITES) {
        const n = next++;
        const { outcome, data } = await post(hub.url, admin, CREATE, {
          input: { kind: "COMPANY", nameZh: `断线测试-${n}` },
        });
        if (outcome.ok) acknowledged.push(data.createOrganization.id);
        else failed.push(outcome);
      }
    });
    const terminations = (async () => {
      let ended = 0;
      while (running) {
        await sleep(700);
        ended += await terminate();
      }
      return ended;
    })();
    await Promise.all(writers);
    running = false;
    const ended = await terminations;

    for (const outcome of failed) {
      expect(outcome).toEqual({ ok: false, status: 200, codes: [INTERNAL] });
    }
    await recovers(() =>
      post(hub.url, admin, CREATE, { input: { kind: "COMPANY", nameZh: "复原" } }),
    );
    const stored = (
      await killer.query(`SELECT id FROM organization WHERE name_zh LIKE '断线测试-%'`)
    ).rows.map((row: { id: string }) => row.id);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    expect(stored.length).toBeLessThanOrEqual(WRITES);
    const audited = (
      await killer.query(
        `SELECT entity_id FROM audit_entry WHERE action = 'create' AND entity_id = ANY($1::uuid[])`,
        [stored],
      )
    ).rows.map((row: { entity_id: string }) => row.entity_id);
    // The row and its audit entry commit together or not at all.
    expect(audited.sort()).toEqual([...stored].sort());
    expect(ended).toBeGreaterThan(0);
  });
});

describe("a shutdown while requests run", () => {
  it("finishes the requests in flight, then refuses new connections", async () => {
    const database = await freshDatabaseUrl();
    const config = testConfig({ databaseUrl: database.url });
    const db = await openDatabase(config);
    await seed(db);
    const hub = await startHub(config, db);
    const token = await issueToken(config.jwtSecret, { role: Role.ADMIN });
    // Each request a page size of its own, so that each reads its own page (no statement or
    // plan is shared) and the test can count them arriving.
    const body = (first = 500) =>
      JSON.stringify({
        query: `query Cities($first: Int) { cities(first: $first) { totalCount nodes { nameEn
          country { code nameZh } offices(first: 5) { kind nameZh }
          partnerships(first: 10) { stage partnerCity { nameEn } } } } }`,
        variables: { first },
      });
    // A transaction that holds the city table keeps every request waiting inside its resolver
    // (on PGlite, the one session is held), so that all of them are in flight at close().
    const holder = db.createQueryRunner();
    await holder.startTransaction();
    await holder.query(`LOCK TABLE city IN ACCESS EXCLUSIVE MODE`);
    // A page is read as entities by the resolvers, or as one statement's answer (answer-sql).
    const listing = jest.spyOn(ListedRecordService.prototype, "list");
    const paging = jest.spyOn(ListedRecordService.prototype, "pageStatements");
    const arrived = () => listing.mock.calls.length + paging.mock.calls.length;
    let closed: Promise<void> | undefined;
    try {
      let finished = 0;
      const answers = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postAlone(hub.port, token, body(500 - i)).finally(() => (finished += 1)),
        ),
      );
      while (arrived() < 20) await sleep(5);
      closed = hub.close();
      await sleep(100);
      expect(await refused(hub.port, token, body())).toBe(true);
      expect(finished).toBe(0);

      await holder.commitTransaction();
      for (const answer of await answers) {
        expect(answer.status).toBe(200);
        const { data, errors } = JSON.parse(answer.text);
        expect(errors).toBeUndefined();
        expect(data.cities.nodes).toHaveLength(data.cities.totalCount);
        expect(data.cities.totalCount).toBeGreaterThan(30);
      }
      await closed;
      expect(await refused(hub.port, token, body())).toBe(true);
    } finally {
      listing.mockRestore();
      paging.mockRestore();
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await (closed ?? hub.close());
      await db.destroy();
      await database.drop();
    }
  }, 120_000);
});

/** Whether a new request fails to connect (rather than being answered or left waiting). */
function refused(port: number, token: string, body: string): Promise<boolean> {
  return Promise.race([
    postAlone(port, token, body).then(
      () => false,
      () => true,
    ),
    sleep(2000).then(() => false),
  ]);
}

/** One POST on a connection of its own, so that no socket is reused across the shutdown. */
function postAlone(port: number, token: string, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        port,
        path: "/graphql",
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
