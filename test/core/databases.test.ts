import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrations } from "../../migrations";
import { DatabaseConfig, openDatabase } from "../../src/data-source";
import { freshDatabaseUrl } from "../support/test-hub";

// With DATABASE_URL set this runs on a new PostgreSQL database, else on PGlite files in a folder
// (migrated from nothing, twice: slow beside other test files, hence the longer timeout).
it("keeps its records across a restart and applies each migration once", async () => {
  const database = await freshDatabaseUrl();
  const dataDir = mkdtempSync(path.join(tmpdir(), "hub-data-"));
  const config: DatabaseConfig = { databaseUrl: database.url, dataDir };
  try {
    const first = await openDatabase(config);
    await first.query(
      `INSERT INTO country (code, name_en, name_zh, region, subregion) VALUES ('ZZ', 'Test', '测试', 'ASIA', 'Eastern Asia')`,
    );
    await first.destroy();

    const second = await openDatabase(config);
    const rows = await second.query(`SELECT name_zh FROM country WHERE code = 'ZZ'`);
    const applied = await second.query(`SELECT name FROM migrations`);
    await second.destroy();

    expect(rows).toEqual([{ name_zh: "测试" }]);
    expect(applied.map((m: { name: string }) => m.name)).toEqual(migrations.map((m) => m.name));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}, 180_000);
