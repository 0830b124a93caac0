// Loads the synthetic dataset into a database that holds the seed facts alone, in one transaction:
// a failed run leaves nothing behind, and a second run is refused instead of doubling the data.
// While it runs, the loaded tables are locked: the hub waits for the load rather than see part.
import { DataSource, EntityManager } from "typeorm";
import { facts } from "../facts";
import { seed } from "../seed";
import { BulkWriter, TableLoad } from "./bulk-writer";
import { datasetSize } from "./dataset-size";
import { delegationsPass } from "./passes/delegations";
import { investmentsPass, liaisonOfficesPass, planTargetsPass } from "./passes/commitments";
import { Pass } from "./passes/pass";
import { organizationsPass, peoplePass } from "./passes/people";
import { partnershipsPass } from "./passes/partnerships";
import { placesPass } from "./passes/places";
import { Random } from "./random";
import { withChecksRebuilt } from "./rebuilt-checks";
import { SYNTHETIC_TABLES } from "./tables";
import { World } from "./world";

export const DEFAULT_SEED = "1";

export interface PassProgress {
  pass: string;
  done: number;
  total: number;
}

export interface SyntheticOptions {
  scale: number;
  seed: string;
  batchSize?: number;
  onProgress?: (progress: PassProgress) => void;
}

export interface LoadReport {
  tables: TableLoad[];
  /** Time spent rebuilding the foreign keys and indexes set aside while loading. */
  rebuildSeconds: number;
  /** Wall time of the load, generation and rebuild included. */
  seconds: number;
  vacuumSeconds: number;
}

/** Refusal to load into a database that already holds more than the seed facts. */
export class DatabaseNotEmpty extends Error {}

const PASSES: Pass[] = [
  placesPass,
  partnershipsPass,
  organizationsPass,
  peoplePass,
  delegationsPass,
  investmentsPass,
  liaisonOfficesPass,
  planTargetsPass,
];

// What the seed facts put in each table; a table holding more has records of someone else.
const SEED_ROWS: Record<string, number> = {
  city: facts.cities.length,
  partnership: facts.partnerships.length,
  organization: facts.organizations.length,
  person: facts.people.length,
  delegation: facts.delegations.length,
  investment_intention: facts.investments.length,
  liaison_office: facts.liaisonOffices.length,
};

async function refuseUnlessSeedOnly(db: DataSource): Promise<void> {
  const tables = Object.keys(SEED_ROWS);
  const [counts] = await db.query(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(", ")}`,
  );
  const beyond = tables.filter((table) => counts[table] > SEED_ROWS[table]);
  if (beyond.length > 0) {
    const held = beyond.map((table) => `${counts[table]} rows in ${table}`).join(", ");
    throw new DatabaseNotEmpty(
      `The database already holds records beyond the seed data (${held}). The synthetic dataset ` +
        `is written once, into a database holding only the seed: create a new database for it ` +
        `(createdb hub_synthetic and DATABASE_URL, or a new HUB_DATA_DIR for the embedded one).`,
    );
  }
}

async function runPass(
  tx: EntityManager,
  pass: Pass,
  world: World,
  options: SyntheticOptions,
): Promise<TableLoad[]> {
  const out = new BulkWriter(tx, pass.tables, options.batchSize ?? 10_000);
  const total = pass.units(world);
  let done = 0;
  options.onProgress?.({ pass: pass.name, done, total });
  const step = async () => {
    done += 1;
    if (out.full) await out.flush();
    if (done % 1000 === 0 || done === total) {
      options.onProgress?.({ pass: pass.name, done, total });
      // Lets finished statements report back while generation keeps the thread busy.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const random = new Random(`${options.seed}\u0000${pass.name}`);
  await pass.run({ world, random, out, step });
  return out.finish();
}

/** Seeds the database, then writes the synthetic dataset of `options.scale` on top of it. */
export async function loadSyntheticDataset(
  db: DataSource,
  options: SyntheticOptions,
): Promise<LoadReport> {
  const world = new World(options.seed, datasetSize(options.scale));
  await refuseUnlessSeedOnly(db);
  await seed(db);
  const started = performance.now();
  const { tables, rebuildSeconds } = await db.transaction(async (tx) => {
    const loads: TableLoad[] = [];
    const rebuildSeconds = await withChecksRebuilt(
      tx,
      SYNTHETIC_TABLES,
      async () => {
        for (const pass of PASSES) loads.push(...(await runPass(tx, pass, world, options)));
      },
      (done, total) => options.onProgress?.({ pass: "keys and indexes", done, total }),
    );
    return { tables: loads, rebuildSeconds };
  });
  const loaded = performance.now();
  // Statistics for the planner, and the visibility map and hint bits that a bulk load leaves
  // unset: without them the first queries would write to every page they read, and no scan
  // could be index-only until autovacuum came by.
  options.onProgress?.({ pass: "vacuum and analyze", done: 0, total: 1 });
  // The tally's triggers rewrite its rows once for every batch of delegations: rewritten whole,
  // it is a tenth of the size and statistics read it by index again.
  await db.query(`VACUUM (FULL, ANALYZE) delegation_tally`);
  await db.query(`VACUUM (ANALYZE)`);
  options.onProgress?.({ pass: "vacuum and analyze", done: 1, total: 1 });
  return {
    tables,
    rebuildSeconds,
    seconds: (loaded - started) / 1000,
    vacuumSeconds: (performance.now() - loaded) / 1000,
  };
}
