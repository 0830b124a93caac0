// The two database modes: PostgreSQL when DATABASE_URL is set, else the embedded
// PGlite in HUB_DATA_DIR. Both run the same migrations at start and the same SQL afterwards.
import { existsSync } from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { migrations } from "../migrations";
import { hubEntities } from "./modules/entities";
import { embeddedDriver } from "./db/embedded-driver";
import { serverPoolOptions } from "./db/server-driver";
import { underStartupLock } from "./db/startup-lock";

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** The embedded database's starting content: a dump of a data folder (tests start from one). */
  embeddedImage?: Blob;
}

export function createDataSource(config: DatabaseConfig): DataSource {
  const common = {
    type: "postgres" as const,
    entities: hubEntities,
    migrations,
    synchronize: false,
    installExtensions: false,
    logging: false,
  };
  if (config.databaseUrl) {
    return new DataSource({
      ...common,
      url: config.databaseUrl,
      extra: { ...serverPoolOptions, max: config.poolSize ?? 20 },
    });
  }
  return new DataSource({
    ...common,
    driver: embeddedDriver(config.dataDir, config.embeddedImage),
  });
}

/**
 * Connects and brings the schema up to date; running it again changes nothing, and instances
 * opening one database at once migrate it in turn. `progress` hears each step that takes a while
 * (`npm start` prints them on a first run).
 */
export async function openDatabase(
  config: DatabaseConfig,
  progress: (step: string) => void = () => undefined,
): Promise<DataSource> {
  const db = createDataSource(config);
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, "PG_VERSION"))) {
    progress(`Creating the embedded database in ${config.dataDir}…`);
  }
  await db.initialize();
  await underStartupLock(db, async () => {
    if (await db.showMigrations()) progress("Migrating the database…");
    await db.runMigrations({ transaction: "each" });
  });
  return db;
}
