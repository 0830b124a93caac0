// `npm start`: open the database (migrating it), seed it when empty, and serve the hub.
import "reflect-metadata";
import { readConfig } from "./config";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { rememberHubDataDir, SEEDED_IMAGE } from "./core/data-folder";
import { DatabaseConfig, openDatabase } from "./data-source";
import { seedIfEmpty } from "./seed/seed";
import { startHub } from "./server";

/** A new embedded database starts from the build's seeded image, when the build left one. */
function builtImageFor(config: DatabaseConfig): Blob | undefined {
  if (config.databaseUrl || existsSync(path.join(config.dataDir, "PG_VERSION"))) return undefined;
  if (!existsSync(SEEDED_IMAGE)) return undefined;
  console.log("Unpacking the migrated and seeded database the build made…");
  return new Blob([readFileSync(SEEDED_IMAGE)]);
}

async function main(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase({ ...config, embeddedImage: builtImageFor(config) }, (step) =>
    console.log(step),
  );
  const where = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : `the embedded database in ${config.dataDir}`;
  const seeded = await seedIfEmpty(db, () =>
    console.log("Seeding the records of the five source documents…"),
  );
  if (seeded) console.log(`Seeded ${where}.`);
  const hub = await startHub(config, db);
  if (!config.databaseUrl) rememberHubDataDir(config.dataDir);
  console.log(`Foreign Affairs Exchange Hub on ${where}`);
  console.log(`GraphQL API: ${hub.url}`);
  console.log(`Dashboard: ${new URL("/", hub.url)}`);
  if (config.allowAnonymousRead) {
    console.log("Anonymous reads are on (HUB_ALLOW_ANONYMOUS_READ); writes need `npm run token`.");
  }
  const stop = async () => {
    await hub.close();
    await db.destroy();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
