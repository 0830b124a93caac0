// `npm run bench:import -- [--rows N] [--baseline N]`: imports a generated CSV of N (100,000)
// delegation rows into a fresh local PostgreSQL database (DATABASE_URL names the server) through
// the import's bulk path, and prints rows per second against a baseline in the same run: the
// same rows written one by one through the service's single-row create, as mutations write them.
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import pg from "pg";
import { DataSource } from "typeorm";
import { openDatabase } from "../src/data-source";
import { Actor, Role } from "../src/core/actor";
import { createContext } from "../src/graphql/context";
import { DelegationService } from "../src/modules/delegation/delegation.service";
import { fileSource, ImportKind, importRecords } from "../src/modules/imports";
import { seed } from "../src/seed/seed";

const GOAL_ROWS_PER_SECOND = 10_000;
const ADMIN: Actor = { subject: "bench-import", role: Role.ADMIN, cities: [] };
const HOME_CITIES = ["南昌", "齐齐哈尔", "福清", "义乌", "铜川"];
const COUNTERPARTS = [
  ["芬兰", "瓦尔考斯"],
  ["DE", "Magdeburg"],
  ["挪威", "Kragerø"],
  ["立陶宛", "维萨基纳斯"],
  ["JP", ""],
  ["美国", ""],
];
const PURPOSES = ["政务", "经贸、文化", "教育", "科技、农业", "侨务", ""];

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the DATABASE_URL server, migrated and seeded. */
async function freshDatabase(): Promise<{ db: DataSource; drop: () => Promise<void> }> {
  const name = `hub_bench_import_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
  await seed(db);
  return {
    db,
    drop: async () => {
      await db.destroy();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function row(i: number, tag: string): string[] {
  const day = new Date(Date.UTC(2000, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10);
  const [country, city] = COUNTERPARTS[i % COUNTERPARTS.length];
  const direction = i % 3 === 0 ? "出访" : "来访";
  const name = `${tag}第${i + 1}批交流团`;
  return [
    day,
    "",
    name,
    direction,
    String(1 + (i % 40)),
    HOME_CITIES[i % 5],
    country,
    city,
    PURPOSES[i % PURPOSES.length],
  ];
}

async function writeCsv(file: string, rows: number, tag: string): Promise<void> {
  const out = createWriteStream(file);
  out.write("日期,结束日期,团组名称,方向,人数,本地城市,国家,城市,事由\n");
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${row(i, tag).join(",")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function counts(db: DataSource) {
  const [c] = await db.query(`SELECT (SELECT count(*) FROM delegation)::int AS delegations,
    (SELECT count(*) FROM audit_entry)::int AS audit, (SELECT count(*) FROM hub_event)::int AS events`);
  return c as { delegations: number; audit: number; events: number };
}

/** The baseline: rows created one by one, a transaction each, as createDelegation does. */
async function singleRowRate(db: DataSource, rows: number): Promise<number> {
  const service = new DelegationService(createContext(db, {} as never, ADMIN));
  const [{ id: homeCityId }] = await db.query(`SELECT id FROM city WHERE name_zh = '南昌'`);
  const started = performance.now();
  for (let i = 0; i < rows; i++) {
    await service.create({
      direction: "INBOUND",
      name: `单条第${i + 1}批交流团`,
      size: 1 + (i % 40),
      startDate: "2020-01-01",
      datePrecision: "DAY",
      purposes: [],
      homeCityId,
      counterpartCountryCode: "FI",
      memberIds: [],
    } as never);
  }
  return rows / ((performance.now() - started) / 1000);
}

const number = (value: number) => Math.round(value).toLocaleString("en-US");

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to a PostgreSQL server");
  const { values } = parseArgs({
    options: { rows: { type: "string" }, baseline: { type: "string" } },
  });
  const rows = Number(values.rows ?? 100_000);
  const baselineRows = Number(values.baseline ?? 2_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), "hub-bench-import-"));
  const file = path.join(dir, "delegations.csv");
  const { db, drop } = await freshDatabase();
  try {
    await writeCsv(file, rows, "批量");
    const ctx = createContext(db, {} as never, ADMIN);
    const before = await counts(db);
    const started = performance.now();
    const report = await importRecords(ctx, {
      type: ImportKind.DELEGATIONS,
      source: fileSource(file),
      progress: process.stderr,
    });
    const seconds = (performance.now() - started) / 1000;
    const after = await counts(db);
    if (report.problems.length > 0 || report.written !== rows) {
      throw new Error(`the import refused rows: ${JSON.stringify(report.problems.slice(0, 5))}`);
    }
    const again = performance.now();
    const second = await importRecords(ctx, {
      type: ImportKind.DELEGATIONS,
      source: fileSource(file),
    });
    const againSeconds = (performance.now() - again) / 1000;
    const baseline = await singleRowRate(db, baselineRows);
    const rate = rows / seconds;
    const [{ server_version: version }] = await db.query(`SHOW server_version`);
    console.log(`## Import of ${number(rows)} delegation rows (CSV, Chinese headings)\n`);
    console.log(
      `- ${new Date().toISOString().slice(0, 10)}, nproc ${os.cpus().length}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, PostgreSQL ${version}, Node ${process.version}`,
    );
    console.log(
      `- written: ${number(after.delegations - before.delegations)} delegations, ${number(after.audit - before.audit)} audit entries, ${number(after.events - before.events)} hub events`,
    );
    console.log(
      `- import (read, check, write, commit): ${seconds.toFixed(1)} s, **${number(rate)} rows/s** (goal ${number(GOAL_ROWS_PER_SECOND)}: ${rate >= GOAL_ROWS_PER_SECOND ? "met" : "not met"})`,
    );
    console.log(
      `- baseline, ${number(baselineRows)} rows through the single-row create: ${number(baseline)} rows/s; the import is ${(rate / baseline).toFixed(1)}× that`,
    );
    console.log(
      `- importing the same file again: ${second.written} written, ${number(second.unchanged)} already recorded, in ${againSeconds.toFixed(1)} s`,
    );
  } finally {
    await drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
