// Migrating and seeding a database takes longer than most test files: it is done once per run,
// and each test file starts from a copy. On PostgreSQL the copies come from template databases;
// on PGlite from a dump of a migrated (and of a seeded) data folder. Where they are is handed to
// the test processes through the environment (see test-hub.ts).
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGliteInstance } from "typeorm-pglite/dist/pglite-instance";
import { openDatabase } from "../../src/data-source";
import { seed } from "../../src/seed/seed";
import { onServer } from "./on-server";

export const TEMPLATES = ["migrated", "seeded"] as const;
export type Template = (typeof TEMPLATES)[number];

async function prepareOnPostgres(run: string): Promise<void> {
  for (const template of TEMPLATES) {
    const name = `hub_template_${template}_${run}`;
    await onServer(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "", poolSize: 2 });
    if (template === "seeded") await seed(db);
    await db.destroy();
    process.env[`HUB_TEST_TEMPLATE_${template.toUpperCase()}`] = name;
  }
}

async function prepareOnPGlite(run: string): Promise<void> {
  for (const template of TEMPLATES) {
    const db = await openDatabase({ dataDir: "memory://" });
    if (template === "seeded") await seed(db);
    const image = await (await PGliteInstance.getInstance()).dumpDataDir("none");
    await db.destroy();
    await PGliteInstance.close();
    const file = path.join(tmpdir(), `hub-test-${template}-${run}.tar`);
    writeFileSync(file, Buffer.from(await image.arrayBuffer()));
    process.env[`HUB_TEST_TEMPLATE_${template.toUpperCase()}`] = file;
  }
}

export default async function globalSetup(): Promise<void> {
  const run = `${process.pid}_${randomBytes(3).toString("hex")}`;
  process.env.HUB_TEST_RUN = run;
  if (process.env.DATABASE_URL) await prepareOnPostgres(run);
  else await prepareOnPGlite(run);
  // The seed loaded the hub's classes here, and type-graphql kept their metadata on the global
  // object, which a run of one file (in this process) shares: its own classes, loaded again by
  // jest, would be found after these.
  delete (global as { TypeGraphQLMetadataStorage?: unknown }).TypeGraphQLMetadataStorage;
}
