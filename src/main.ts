// `npm start`: open the database (migrating it), seed it when empty, and serve the hub.
import "reflect-metadata";
import { readConfig } from "./config";
import { rememberHubDataDir } from "./core/data-folder";
import { openDatabase } from "./data-source";
import { seedIfEmpty } from "./seed/seed";
import { startHub } from "./server";

async function main(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase(config, (step) => console.log(step));
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
