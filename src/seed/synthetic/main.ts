// `npm run seed:synthetic -- --scale N --seed S`: migrates and seeds the configured database, then
// loads the national-scale synthetic benchmark dataset (scaled) on top and reports how fast it went.
import "reflect-metadata";
import path from "node:path";
import { DatabaseConfig, openDatabase } from "../../data-source";
import { parseArguments, USAGE } from "./arguments";
import { datasetSize } from "./dataset-size";
import { DatabaseNotEmpty, loadSyntheticDataset } from "./load";
import { ProgressBar } from "../../core/progress-bar";
import { loadSummary } from "./progress";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  // The database settings alone, as the hub reads them: loading data needs none of the rest.
  const config: DatabaseConfig = {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.HUB_DATA_DIR || "./data"),
  };
  const where = config.databaseUrl
    ? `PostgreSQL (${new URL(config.databaseUrl).pathname.slice(1)})`
    : `the embedded database in ${config.dataDir}`;
  const size = datasetSize(args.scale);
  console.log(
    `Synthetic dataset, scale ${args.scale}, seed "${args.seed}", into ${where}: ` +
      `${size.chineseCities + size.foreignCities} cities, ${size.partnerships} partnerships, ` +
      `${size.people} people, ${size.delegations} delegations`,
  );
  const db = await openDatabase(config);
  try {
    const progress = new ProgressBar();
    const report = await loadSyntheticDataset(db, {
      scale: args.scale,
      seed: args.seed,
      onProgress: (p) => progress.update(p),
    });
    console.log(loadSummary(report));
    return 0;
  } catch (error) {
    if (!(error instanceof DatabaseNotEmpty)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
