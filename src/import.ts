// `npm run import -- <file.xlsx|file.csv> --type <delegations|partnerships|people|investments>
// [--partial] [--dry-run] [--token <jwt>]` imports a register; `--template <type> [file]`
// writes a template (模板-<type>.xlsx in the folder it is run from when no file is given).
// Without --token it acts as an admin; an editor's token limits it to its cities.
import "reflect-metadata";
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig, readDatabaseConfig, readPageLimits } from "./config";
import { openDatabase } from "./data-source";
import { Actor, Role } from "./core/actor";
import { TokenVerifier } from "./graphql/access/tokens";
import { serviceContext } from "./db/service-context";
import { hubChangeLog } from "./modules/change-log";
import {
  fileSource,
  ImportKind,
  importKindNamed,
  importRecords,
  ImportReport,
  reasonInChinese,
  templateFileName,
  writeTemplate,
} from "./modules/imports";

const TYPES = Object.values(ImportKind)
  .map((k) => k.toLowerCase())
  .join("|");

function kindOf(name: string | undefined, option: string): ImportKind {
  const kind = name && importKindNamed(name);
  if (!kind) throw new Error(`${option} must be one of ${TYPES}`);
  return kind;
}

const CLI_ADMIN: Actor = { subject: "import-cli", role: Role.ADMIN, cities: [] };

function printReport(report: ImportReport): void {
  for (const p of report.problems) {
    const where = `${p.sheet} 第 ${p.row} 行 row${p.column ? `, ${p.column}` : ""}`;
    console.log(`${where}: ${reasonInChinese(p.reason)} · ${p.reason}`);
  }
  const verb = report.dryRun ? "checked" : "read";
  console.log(
    `${report.fileName}: ${report.rows} rows ${verb}, ${report.written} written, ` +
      `${report.unchanged} already recorded, ${report.problems.length} problems` +
      (report.problems.length > 0 && !report.partial && !report.dryRun
        ? "; nothing was written (--partial writes the good rows)"
        : ""),
  );
}

async function runImport(file: string, type: ImportKind, values: Record<string, unknown>) {
  const token = values.token as string | undefined;
  // Only a token needs the key that signs tokens: an admin run reads the database settings alone.
  const actor = token ? await new TokenVerifier(readConfig()).actor(`Bearer ${token}`) : CLI_ADMIN;
  const db = await openDatabase(readDatabaseConfig());
  try {
    const report = await importRecords(serviceContext(db, readPageLimits(), actor, hubChangeLog), {
      type,
      source: fileSource(file),
      partial: Boolean(values.partial),
      dryRun: Boolean(values["dry-run"]),
      progress: process.stderr,
    });
    printReport(report);
    if (report.problems.length > 0) process.exitCode = 2;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      type: { type: "string" },
      partial: { type: "boolean" },
      "dry-run": { type: "boolean" },
      token: { type: "string" },
      template: { type: "string" },
      out: { type: "string" },
    },
  });
  if (values.template) {
    const type = kindOf(values.template, "--template");
    // npm runs scripts in the package's folder; the file goes where `npm run` was typed.
    const here = process.env.INIT_CWD ?? process.cwd();
    const out = path.resolve(here, values.out ?? positionals[0] ?? templateFileName(type));
    await writeTemplate(type, out);
    console.log(`Wrote ${out}`);
    return;
  }
  if (positionals.length !== 1) {
    throw new Error(`usage: npm run import -- <file.xlsx|file.csv> --type <${TYPES}>`);
  }
  await runImport(positionals[0], kindOf(values.type, "--type"), values);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
