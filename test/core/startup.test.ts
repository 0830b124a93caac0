// Two hub instances started at the same moment on one empty PostgreSQL database: both migrate,
// one seeds, and both serve the same records. Without the startup lock the second crashed on
// `relation "migrations" already exists`. PGlite databases belong to one process, so there is
// nothing to race there.
import { openDatabase } from "../../src/data-source";
import { seedIfEmpty } from "../../src/seed/seed";
import { startHub } from "../../src/server";
import { freshDatabaseUrl, testConfig, usingPostgres } from "../support/test-hub";

const onPostgres = usingPostgres ? it : it.skip;

onPostgres("lets two instances start together on an empty database, and both serve", async () => {
  const database = await freshDatabaseUrl();
  const config = testConfig({ databaseUrl: database.url, allowAnonymousRead: true });
  const start = async () => {
    const db = await openDatabase(config);
    const seeded = await seedIfEmpty(db);
    return { db, seeded, hub: await startHub(config, db) };
  };
  const instances = await Promise.all([start(), start()]);
  try {
    expect(instances.map((i) => i.seeded).sort()).toEqual([false, true]);
    for (const { hub } of instances) {
      const response = await fetch(hub.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ countries { totalCount } cities { totalCount } }" }),
      });
      const { data } = (await response.json()) as any;
      expect(data.countries.totalCount).toBeGreaterThan(200);
      expect(data.cities.totalCount).toBeGreaterThan(30);
    }
    const [{ migrations }] = await instances[0].db.query(
      `SELECT count(*)::int AS migrations FROM migrations`,
    );
    const [{ distinct }] = await instances[0].db.query(
      `SELECT count(DISTINCT name)::int AS distinct FROM migrations`,
    );
    expect(migrations).toBe(distinct);
  } finally {
    for (const { hub, db } of instances) {
      await hub.close();
      await db.destroy();
    }
    await database.drop();
  }
});
