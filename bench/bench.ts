// `npm run bench -- [--seconds S] [--rounds N] [--warmup S] [--connections 1,10,50] [--only a,e]
// [--pool N]`: the hub against PostGraphile 5 and against the floor (one hand-written SQL statement
// per shape, its JSON passed through node:http) on the synthetic dataset in PostgreSQL, over the
// query shapes of bench/bench-queries.ts. Each server runs in a process of its own with the same
// pool size. Before measuring a shape the bench checks that the three answers agree (the floor's
// equals the hub's; PostGraphile's holds the same ids, codes and counts in the same order), counts
// SQL statements per request, replays the hub's statements under EXPLAIN (ANALYZE, BUFFERS), and
// reads the plan PostgreSQL's cache keeps for each once prepared (bench/plan-cache.ts).
// autocannon then drives each server in turn, bounded in time, in alternating rounds so that a
// change in the machine's load hits all three. Prints a markdown report: the machine, the checks,
// req/s and latency per shape and connection count, the ratios, and the hub's plans.
import "reflect-metadata";
import autocannon from "autocannon";
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { Role } from "../src/core/actor";
import { issueToken } from "../src/graphql/access/tokens";
import { benchQueries, BenchQuery, canonical, fingerprint, rowsOf } from "./bench-queries";
import { findSubjects } from "./bench-subjects";
import {
  askServers,
  nodeForPostGraphile,
  Request,
  requestFor,
  send,
  Server,
  startServers,
  statementsSoFar,
} from "./bench-servers";
import { explainIn, isEventRelayPoll, isRequestStatement, Plan, Statement } from "./explain";
import { cachedPlanOf } from "./plan-cache";

const DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/hub_synthetic";

interface Options {
  /** Seconds of load per server in each cell, over all rounds. */
  seconds: number;
  rounds: number;
  warmup: number;
  connections: number[];
  /** Letters (a, e) or parts of names of the shapes to run; all when absent. */
  only?: string[];
  pool: number;
}

function parseOptions(args: string[]): Options {
  const options: Options = { seconds: 9, rounds: 3, warmup: 1, connections: [1, 10, 50], pool: 20 };
  let rounds: number | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const [name, value = ""] = [args[i], args[i + 1]];
    // --duration is the option's first name, kept for the commands quoted in bench/results.md.
    if (name === "--seconds" || name === "--duration") options.seconds = Number(value);
    else if (name === "--rounds") rounds = Number(value);
    else if (name === "--warmup") options.warmup = Number(value);
    else if (name === "--connections") options.connections = value.split(",").map(Number);
    else if (name === "--only") options.only = value.split(",").map((x) => x.trim());
    else if (name === "--pool") options.pool = Number(value);
    else throw new Error(`Unknown argument ${name}`);
  }
  // Rounds of at least a second each, unless asked otherwise.
  options.rounds = rounds ?? Math.max(1, Math.min(options.rounds, Math.floor(options.seconds)));
  if (
    !(options.seconds >= options.rounds) ||
    !(options.rounds >= 1) ||
    options.connections.some((c) => !(c >= 1))
  ) {
    throw new Error("--rounds and each of --connections must be 1 or more, --seconds ≥ --rounds");
  }
  return options;
}

const chosen = (query: BenchQuery, only?: string[]) =>
  !only || only.some((o) => (o.length === 1 ? query.letter === `(${o})` : query.name.includes(o)));

interface Cell {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** One round of load, with every 2xx answer's latency in ms as measured (autocannon's own
 * percentiles are whole milliseconds, too coarse for answers that take under one). */
function load(request: Request, connections: number, duration: number): Promise<Round> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const options = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body,
      connections,
      duration,
      timeout: 120,
    };
    autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ result, latencies });
    }).on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

interface Round {
  result: autocannon.Result;
  latencies: number[];
}

/** The value below which `share` of the sorted values lie. */
const percentile = (sorted: number[], share: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];

/** All rounds of one server in one cell: req/s and latency percentiles over all their answers. */
function cellOf(rounds: Round[]): Cell {
  const sum = (f: (r: autocannon.Result) => number) => rounds.reduce((s, r) => s + f(r.result), 0);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    rps: sum((r) => r["2xx"]) / sum((r) => r.duration),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failed: sum((r) => r.errors + r.timeouts + r.non2xx),
  };
}

/** Waits until the database runs nothing for the benchmark's servers, so cells do not overlap. */
async function untilIdle(db: pg.Client): Promise<void> {
  for (let waited = 0; waited < 120; waited++) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function describeMachine(db: pg.Client, node22: string): Promise<string[]> {
  const { rows: version } = await db.query(`SELECT version()`);
  const { rows: counts } = await db.query(
    `SELECT ${["city", "partnership", "delegation", "delegation_member", "person", "affiliation"]
      .map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`)
      .join(", ")}`,
  );
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return [
    `- date: ${new Date().toISOString()}`,
    `- command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\``,
    `- machine: nproc ${execSync("nproc").toString().trim()} (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}; the load generator, the servers and PostgreSQL share it`,
    `- hub and floor on Node ${process.version}; PostGraphile on Node ${execSync(`${node22} --version`).toString().trim()}; ${version[0].version}`,
    `- dataset: ${Object.entries(counts[0])
      .map(([table, n]) => `${table} ${Number(n).toLocaleString("en-US")}`)
      .join(", ")}`,
  ];
}

const GOAL =
  "Goal (hub ≥ PostGraphile and ≥ 50% of the floor in req/s at 10 and more connections; hub p99 at most twice the floor's at 1)";

const latency = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

const fixed = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}` : "–");

/** Sends `runs` requests one at a time and counts the statements they cost. */
async function statementsPerRequest(server: Server, request: Request, runs = 5): Promise<number> {
  const before = await statementsSoFar(server);
  for (let i = 0; i < runs; i++) await send(request);
  const after = await statementsSoFar(server);
  const polls = after.recent.filter(isEventRelayPoll).length;
  return (after.count - before.count - polls) / runs;
}

/** The statements one request sends, as the server sent them. */
async function statementsOf(server: Server, request: Request): Promise<Statement[]> {
  await statementsSoFar(server);
  await send(request);
  return (await statementsSoFar(server)).recent.filter(isRequestStatement);
}

interface Checked {
  rows: number;
  statements: number[];
  /** Why the answers disagree, or null when they agree. */
  disagreement: string | null;
  hubStatements: Statement[];
}

/**
 * Asks each server once and compares: the floor's answer must equal the hub's, and all three
 * must hold the same identifying values in the same order (bench-queries.ts, fingerprint).
 */
async function check(query: BenchQuery, servers: Server[], requests: Request[]): Promise<Checked> {
  const answers: unknown[] = [];
  const statements: number[] = [];
  for (const [i, server] of servers.entries()) {
    try {
      answers.push(await send(requests[i]));
      statements.push(await statementsPerRequest(server, requests[i]));
    } catch (error) {
      const disagreement = `${server.name} answered with errors: ${(error as Error).message}`;
      return { rows: 0, statements: [], disagreement, hubStatements: [] };
    }
  }
  const [hub, , floor] = answers;
  const rows = servers.map((s, i) => rowsOf(query, answers[i], s.name));
  const prints = answers.map((answer) => fingerprint(answer).join(" "));
  let disagreement: string | null = null;
  if (new Set(rows).size !== 1) disagreement = `rows ${rows.join(" / ")}`;
  else if (canonical(hub) !== canonical(floor)) {
    disagreement = `the floor's answer is not the hub's:\nhub   ${canonical(hub).slice(0, 2000)}\nfloor ${canonical(floor).slice(0, 2000)}`;
  } else if (prints[0] !== prints[1]) {
    const at = [...prints[0]].findIndex((c, i) => c !== prints[1][i]);
    disagreement = `PostGraphile's ids differ from the hub's from: hub …${prints[0].slice(at - 80, at + 200)} / PostGraphile …${prints[1].slice(at - 80, at + 200)}`;
  }
  const hubStatements = await statementsOf(servers[0], requests[0]);
  return { rows: rows[0], statements, disagreement, hubStatements };
}

/** EXPLAIN (ANALYZE, BUFFERS) of statements, in a transaction rolled back after. */
async function plansOf(db: pg.Client, statements: Statement[]): Promise<Plan[]> {
  await db.query("BEGIN");
  try {
    return await explainIn(
      async (sql, parameters) => (await db.query(sql, parameters)).rows,
      statements,
    );
  } finally {
    await db.query("ROLLBACK");
  }
}

/** The hub's sessions run with JIT compilation off (src/db/server-driver.ts). */
const HUB_SESSION: Statement = { sql: "SET LOCAL jit = off", parameters: [] };

/** The floor's statement as the floor runs it, JIT off where the shape says so. */
const floorStatements = (query: BenchQuery): Statement[] => [
  ...(query.floor.jit === false ? [{ sql: "SET LOCAL jit = off", parameters: [] }] : []),
  { sql: query.floor.sql, parameters: query.floor.parameters },
];

/** One row per statement the hub prepares: the plan PostgreSQL's cache keeps, and the costs. */
async function cachedPlanRows(db: pg.Client, query: BenchQuery, statements: Statement[]) {
  const rows: string[] = [];
  for (const [i, statement] of statements.entries()) {
    if (!/^\s*(SELECT|WITH)\b/i.test(statement.sql)) continue;
    const plan = await cachedPlanOf(db, statement);
    const slower = plan.genericMs / plan.customMs;
    rows.push(
      `| ${query.letter} | ${i + 1} | ${plan.kept} | ${plan.customPlanningMs.toFixed(2)} | ${plan.customMs.toFixed(2)} | ${plan.genericMs.toFixed(2)} | ${slower.toFixed(2)} |`,
    );
  }
  return rows;
}

const ms = (plans: Plan[]) => plans.reduce((sum, p) => sum + p.executionMs, 0).toFixed(1);

/** One cell: each server under `connections` for the given time, in alternating rounds. */
async function measure(
  db: pg.Client,
  requests: Request[],
  connections: number,
  options: Options,
): Promise<Cell[]> {
  const rounds: Round[][] = requests.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, request] of requests.entries()) {
      await untilIdle(db);
      if (round === 0 && options.warmup > 0) {
        await load(request, connections, options.warmup);
        await untilIdle(db);
      }
      rounds[i].push(await load(request, connections, options.seconds / options.rounds));
    }
  }
  return rounds.map(cellOf);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE;
  const secret = process.env.HUB_JWT_SECRET || randomBytes(32).toString("hex");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const node22 = nodeForPostGraphile();
  const machine = await describeMachine(db, node22);
  const subjects = await findSubjects(db);
  // PostGraphile says the hub's delegation order as `start_date DESC NULLS LAST, id DESC`, which the
  // hub's own index (over coalesce(start_date, '-infinity')) cannot serve: give it the index it
  // needs, so that it does not sort every delegation for a page.
  await db.query(
    `CREATE INDEX IF NOT EXISTS bench_postgraphile_delegation_order
       ON delegation (start_date DESC NULLS LAST, id DESC)`,
  );
  const env = { ...process.env, DATABASE_URL: databaseUrl, HUB_JWT_SECRET: secret };
  console.error("Starting the hub, PostGraphile and the floor…");
  const servers = await startServers(env, node22, options.pool, subjects);
  const token = await issueToken(secret, { role: Role.ANALYST, expiresIn: "2h" });
  subjects.asked = await askServers(servers[0], servers[1], token, subjects);
  const queries = benchQueries(subjects);
  const statementRows: string[] = [];
  const rows: string[] = [];
  const plans: string[] = [];
  const cachedPlans: string[] = [];
  const misses: string[] = [];
  const disagreements: string[] = [];
  for (const [index, query] of queries.entries()) {
    if (!chosen(query, options.only)) continue;
    console.error(`${query.letter} checking…`);
    const requests = servers.map((s) => requestFor(s, query, index, token));
    const checked = await check(query, servers, requests);
    const hubPlans = await plansOf(db, [HUB_SESSION, ...checked.hubStatements]);
    const floorPlans = await plansOf(db, floorStatements(query));
    cachedPlans.push(...(await cachedPlanRows(db, query, checked.hubStatements)));
    statementRows.push(
      `| ${query.letter} ${query.name} | ${checked.rows} | ${checked.statements.join(" | ")} | ${ms(hubPlans)} | ${ms(floorPlans)} | ${checked.disagreement ? "**no**" : "yes"} |`,
    );
    plans.push(
      `#### ${query.letter} ${query.name}`,
      ``,
      "```text",
      ...hubPlans.map((p) => p.plan),
      "```",
      ``,
    );
    if (checked.disagreement) {
      disagreements.push(`${query.letter}: ${checked.disagreement}`);
      continue;
    }
    for (const connections of options.connections) {
      console.error(`${query.letter}, ${connections} connections…`);
      const cells = await measure(db, requests, connections, options);
      const [hub, postgraphile, floor] = cells;
      const failed = cells.some((c) => c.failed > 0)
        ? ` (failed: ${cells.map((c) => c.failed).join("/")})`
        : "";
      rows.push(
        `| ${query.letter} | ${connections} | ${cells.map((c) => fixed(c.rps)).join(" | ")} | ${cells
          .map((c) => `${latency(c.p50)}/${latency(c.p99)}`)
          .join(
            " | ",
          )} | **${ratio(hub.rps, postgraphile.rps)}** | **${ratio(hub.rps, floor.rps)}**${failed} |`,
      );
      if (connections >= 10 && (hub.rps < postgraphile.rps || hub.rps < floor.rps / 2)) {
        misses.push(`${query.letter} at ${connections} connections`);
      }
      if (connections === 1 && hub.p99 > 2 * floor.p99) {
        misses.push(`${query.letter}'s p99 at 1 connection`);
      }
    }
  }
  await Promise.all(servers.map((s) => new Promise((done) => s.child.once("exit", done).kill())));
  await db.end();
  console.log(
    [
      `## Hub vs PostGraphile 5 vs the floor`,
      ``,
      ...machine,
      `- subjects: ${subjects.city.name} (${subjects.city.id}), the Chinese city with partnerships closest to 50 (${subjects.city.partnerships}); counterpart country ${subjects.country}; partner country ${subjects.partnerCountry}; investment target city ${subjects.investmentCity}; person ${subjects.person}; the deep page starts after row ${subjects.deep.offset}`,
      `- each cell: ${options.warmup} s of warm-up per server, then ${options.seconds} s of autocannon per server at the given connections, in ${options.rounds} rounds that alternate hub, PostGraphile, floor; req/s counts 2xx answers over all rounds; latency in ms from each answer's own time, p50 and p99 over all rounds' answers; pool of ${options.pool} connections per server; the hub with an analyst token and NODE_ENV=production`,
      ``,
      `### Answers and SQL statements per request`,
      ``,
      `Statements per request as each server sends them; the hub's and the floor's statement time is EXPLAIN ANALYZE's execution time, once, warm. "agree": the floor's answer equals the hub's, and PostGraphile's holds the same ids, codes, keys and counts in the same order.`,
      ``,
      `| shape | rows | hub | PostGraphile | floor | hub SQL ms | floor SQL ms | agree |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
      ...statementRows,
      ``,
      `### Throughput and latency`,
      ``,
      `| shape | conns | hub req/s | PostGraphile req/s | floor req/s | hub p50/p99 | PostGraphile p50/p99 | floor p50/p99 | hub/PostGraphile | hub/floor |`,
      `| --- | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: |`,
      ...rows,
      ``,
      misses.length
        ? `${GOAL} missed: ${misses.join("; ")}.`
        : `${GOAL} met on every shape and connection count measured.`,
      ...(disagreements.length
        ? [``, `### Answers that disagree (not measured)`, ``, ...disagreements]
        : []),
      ``,
      `### The plans PostgreSQL keeps for the hub's prepared statements`,
      ``,
      `The hub prepares each read once per connection. After five custom plans PostgreSQL keeps a generic plan if it looks no dearer; else it plans every execution anew, and the request pays the planning time. Each statement was prepared, run six times with the bench's parameters, then run under EXPLAIN ANALYZE with each kind of plan forced (ms).`,
      ``,
      `| shape | statement | plan kept | custom: planning | custom: execution | generic: execution | generic / custom |`,
      `| --- | ---: | --- | ---: | ---: | ---: | ---: |`,
      ...cachedPlans,
      ``,
      `### The hub's statements under EXPLAIN (ANALYZE, BUFFERS)`,
      ``,
      ...plans,
    ].join("\n"),
  );
  if (disagreements.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
