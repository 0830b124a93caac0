// `npm run bench:analytics -- [--runs N] [--explain]`: times the analytics (network, paths, statistics) on the
// synthetic dataset (npm run seed:synthetic) in PostgreSQL, through a real hub over HTTP, so that
// the figures include the GraphQL layer. Prints a markdown report: the machine, the dataset, and
// p50/p99 per query; with --explain also each statement's EXPLAIN (ANALYZE, BUFFERS) plan.
import "reflect-metadata";
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { DataSource } from "typeorm";
import { readConfig } from "../src/config";
import { openDatabase } from "../src/data-source";
import { Role } from "../src/core/actor";
import { issueToken } from "../src/graphql/access/tokens";
import { startHub } from "../src/server";
import { cases, Case } from "./cases";
import { explain, Plan, StatementCapture } from "./explain";
import { findSubjects } from "./subjects";

const GOAL_MS = 200;

interface Options {
  runs: number;
  warmup: number;
  explain: boolean;
  only?: string;
}

function parseOptions(args: string[]): Options {
  const options: Options = { runs: 50, warmup: 3, explain: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--runs") options.runs = Number(args[++i]);
    else if (args[i] === "--warmup") options.warmup = Number(args[++i]);
    else if (args[i] === "--explain") options.explain = true;
    else if (args[i] === "--only") options.only = args[++i];
    else
      throw new Error(
        `Unknown argument ${args[i]}; use --runs N, --warmup N, --explain, --only TEXT`,
      );
  }
  if (!(options.runs >= 1) || !(options.warmup >= 0)) throw new Error("--runs must be 1 or more");
  return options;
}

/** The value at or below which `share` of the sorted timings fall (nearest rank). */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

type Post = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

async function measure(post: Post, test: Case, options: Options) {
  for (let i = 0; i < options.warmup; i++) await post(test.query, test.variables);
  const timings: number[] = [];
  let result: unknown;
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    result = await post(test.query, test.variables);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return {
    p50: percentile(timings, 0.5),
    p99: percentile(timings, 0.99),
    size: test.size(result),
  };
}

async function describeMachine(db: DataSource): Promise<string[]> {
  const [{ version }] = await db.query(`SELECT version()`);
  const settings: { name: string; setting: string; unit: string | null }[] = await db.query(
    `SELECT name, setting, unit FROM pg_settings
      WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit',
                     'max_parallel_workers_per_gather', 'random_page_cost')
      ORDER BY name`,
  );
  const [counts] = await db.query(
    `SELECT ${["city", "partnership", "person", "organization", "delegation", "delegation_member"]
      .map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`)
      .join(", ")}`,
  );
  const [{ size }] = await db.query(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return [
    `- date: ${new Date().toISOString()}`,
    `- command: \`npm run bench:analytics -- ${process.argv.slice(2).join(" ")}\``,
    `- machine: ${os.cpus().length} CPUs (nproc ${execSync("nproc").toString().trim()}, ${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}`,
    `- Node ${process.version}; ${version}`,
    `- settings: ${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ""}`).join(", ")}`,
    `- dataset (${size}): ${Object.entries(counts)
      .map(([table, n]) => `${table} ${Number(n).toLocaleString("en-US")}`)
      .join(", ")}`,
  ];
}

function planSummary(plans: Plan[]): string {
  const indexes = [...new Set(plans.flatMap((p) => p.indexes))];
  const scans = [...new Set(plans.flatMap((p) => p.seqScans))];
  return [
    indexes.length ? indexes.join(", ") : "none",
    scans.length ? `seq scan: ${scans.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!process.env.DATABASE_URL) {
    throw new Error("Set DATABASE_URL to the PostgreSQL database of the synthetic dataset");
  }
  // The hub needs a token key; the benchmark signs its own analyst token with it.
  process.env.HUB_JWT_SECRET ||= randomBytes(32).toString("hex");
  const config = { ...readConfig(), port: 0 };
  const db = await openDatabase(config);
  const [{ delegations }] = await db.query(`SELECT count(*)::int AS delegations FROM delegation`);
  if (delegations < 10_000) {
    throw new Error(
      `The database holds ${delegations} delegations: load the synthetic dataset first ` +
        `(npm run seed:synthetic -- --scale 1)`,
    );
  }
  const machine = await describeMachine(db);
  console.error("Finding the busiest city and a city four partnership links from it…");
  const subjects = await findSubjects(db);
  const hub = await startHub(config, db);
  const token = await issueToken(config.jwtSecret, { role: Role.ANALYST, expiresIn: "2h" });
  const post: Post = async (query, variables) => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const capture = new StatementCapture(db);
  const rows: string[] = [];
  const plans: string[] = [];
  const missed: string[] = [];
  for (const test of cases(subjects).filter(
    (c) => !options.only || c.name.includes(options.only),
  )) {
    console.error(`${test.name}…`);
    const { p50, p99, size } = await measure(post, test, options);
    let indexes = "";
    if (options.explain) {
      const statements = await capture.during(() => post(test.query, test.variables));
      const explained = await explain(db, statements);
      indexes = ` ${planSummary(explained)} |`;
      plans.push(
        `### ${test.name}\n\n${explained.map((p) => `\`\`\`sql\n${p.sql.trim()}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\``).join("\n\n")}`,
      );
    }
    if (p50 > GOAL_MS) missed.push(test.name);
    rows.push(
      `| ${test.name} | ${size} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${p50 <= GOAL_MS ? "yes" : "**no**"} |${indexes}`,
    );
  }
  await hub.close();
  await db.destroy();
  console.log(
    [
      `## Analytics benchmark`,
      ``,
      ...machine,
      `- busiest city: ${subjects.busiest.name} (${subjects.busiest.id}, ${subjects.busiest.delegations.toLocaleString("en-US")} delegations); four partnership links away: ${subjects.fourLinksAway.name} (${subjects.fourLinksAway.id})`,
      `- ${options.runs} timed runs per query after ${options.warmup} warm-up runs, one at a time, over HTTP with an analyst token; p99 is by nearest rank`,
      ``,
      `| query | result | p50 ms | p99 ms | p50 ≤ ${GOAL_MS} ms |${options.explain ? " indexes read |" : ""}`,
      `| --- | --- | ---: | ---: | --- |${options.explain ? " --- |" : ""}`,
      ...rows,
      ``,
      missed.length
        ? `Over ${GOAL_MS} ms at p50: ${missed.join("; ")}.`
        : `Every p50 is within ${GOAL_MS} ms.`,
      ...(plans.length ? [``, `## Plans`, ``, ...plans] : []),
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
