// `npm run migration:show|run|revert`: the database's migrations, on the same database as the hub
// (DATABASE_URL, else the embedded one in HUB_DATA_DIR). Stop a hub on the embedded database first:
// its files belong to one process.
import "reflect-metadata";
import { DataSource } from "typeorm";
import { readDatabaseConfig } from "./config";
import { createDataSource } from "./data-source";

type Command = "show" | "run" | "revert";

async function main(command: string | undefined): Promise<void> {
  if (command !== "show" && command !== "run" && command !== "revert") {
    throw new Error("usage: npm run migration:show | migration:run | migration:revert");
  }
  const config = readDatabaseConfig();
  const db = createDataSource(config);
  await db.initialize();
  try {
    console.log(`Database: ${config.databaseUrl ? "DATABASE_URL" : config.dataDir}`);
    await migrate(db, command);
  } finally {
    await db.destroy();
  }
}

async function migrate(db: DataSource, command: Command): Promise<void> {
  if (command === "run") {
    const applied = await db.runMigrations({ transaction: "each" });
    console.log(
      applied.length ? `Applied ${applied.map((m) => m.name).join(", ")}` : "Nothing to apply.",
    );
    return;
  }
  if (command === "revert") {
    const [last] = await db.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await db.undoLastMigration({ transaction: "each" });
    console.log(last ? `Reverted ${last.name}` : "Nothing to revert.");
    return;
  }
  const applied = new Set<string>(
    (await db.query(`SELECT name FROM migrations`).catch(() => [])).map(
      (r: { name: string }) => r.name,
    ),
  );
  for (const migration of db.migrations) {
    // Migrations without a `name` property are known by their class name, as TypeORM records them.
    const name = migration.name ?? migration.constructor.name;
    console.log(`${applied.has(name) ? "[X]" : "[ ]"} ${name}`);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
