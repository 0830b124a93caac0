// The hub as `npm run bench` runs it: over DATABASE_URL, on the port given as the first argument,
// in a process of its own; it tells the benchmark over IPC when it listens.
import "reflect-metadata";
import { readConfig } from "../src/config";
import { openDatabase } from "../src/data-source";
import { startHub } from "../src/server";

async function main(): Promise<void> {
  const config = { ...readConfig(), port: Number(process.argv[2]) };
  const db = await openDatabase(config);
  const hub = await startHub(config, db);
  process.send?.({ ready: hub.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
