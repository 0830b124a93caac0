// `npm run seed`: writes the seed facts into the configured database, updating rows it wrote
// before instead of adding them again.
import "reflect-metadata";
import { readDatabaseConfig } from "../config";
import { openDatabase } from "../data-source";
import { seed } from "./seed";

async function main(): Promise<void> {
  const db = await openDatabase(readDatabaseConfig());
  await seed(db);
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM city)::int AS cities, (SELECT count(*) FROM partnership)::int AS partnerships,
            (SELECT count(*) FROM delegation)::int AS delegations, (SELECT count(*) FROM person)::int AS people`,
  );
  console.log(`Seeded: ${JSON.stringify(counts)}`);
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
