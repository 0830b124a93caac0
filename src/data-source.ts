// The two database modes of SPEC §1: PostgreSQL when DATABASE_URL is set, else the embedded
// PGlite in HUB_DATA_DIR. Both run the same migrations at start and the same SQL afterwards.
import { DataSource } from "typeorm";
import { migrations } from "../migrations";
import { hubEntities } from "./modules/entities";
import { embeddedDriver } from "./db/embedded-driver";
import { serverPoolOptions } from "./db/server-driver";

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
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
  return new DataSource({ ...common, driver: embeddedDriver(config.dataDir) });
}

/** Connects and brings the schema up to date; running it again changes nothing. */
export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  const db = createDataSource(config);
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  return db;
}
