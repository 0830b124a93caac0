import { DataSource } from "typeorm";
import { openDatabase } from "../../src/data-source";
import { facts } from "../../src/seed/facts";
import { datasetSize } from "../../src/seed/synthetic/dataset-size";
import { DatabaseNotEmpty, loadSyntheticDataset } from "../../src/seed/synthetic/load";
import { SYNTHETIC_TABLES } from "../../src/seed/synthetic/tables";
import {
  databaseDigest,
  freshDatabase,
  startTestHub,
  testConfig,
  TestHub,
} from "../support/test-hub";

// A thousandth of the national-scale dataset: 30 cities, 50 partnerships, 200 people, 1,000 delegations.
const SCALE = 0.001;
const size = datasetSize(SCALE);

/**
 * A digest of every row the load wrote. Seed rows carry the clock of the seeding transaction
 * (the time the countries were written), so their timestamps are left out; every other row's
 * timestamps derive from its own dates and are part of the digest.
 */
async function contentDigest(db: DataSource): Promise<string> {
  const parts: string[] = [];
  for (const table of SYNTHETIC_TABLES) {
    const [{ digest }] = await db.query(
      `SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS digest
         FROM (SELECT CASE WHEN (to_jsonb(t) ->> 'created_at')::timestamptz = s.seeded
                      THEN to_jsonb(t) - 'created_at' - 'updated_at' ELSE to_jsonb(t) END AS r
                 FROM ${table} t, (SELECT min(created_at) AS seeded FROM country) s) rows`,
    );
    parts.push(`${table}:${digest}`);
  }
  return parts.join(",");
}

/** Loads the dataset of `seed` into a database of its own and returns the digest. */
async function digestOfLoad(seed: string): Promise<string> {
  const database = await freshDatabase("migrated");
  const db = await openDatabase({
    ...testConfig({ databaseUrl: database.url }),
    embeddedImage: database.image,
  });
  try {
    await loadSyntheticDataset(db, { scale: SCALE, seed });
    return await contentDigest(db);
  } finally {
    await db.destroy();
    await database.drop();
  }
}

/** Every constraint (and whether it was validated) and every index, as the catalog states them. */
async function schemaDefinitions(db: DataSource): Promise<string[]> {
  const rows: { definition: string }[] = await db.query(
    `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
              AS definition
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
     ORDER BY 1`,
  );
  return rows.map((row) => row.definition);
}

async function count(db: DataSource, sql: string): Promise<number> {
  const [{ n }] = await db.query(`SELECT (${sql})::int AS n`);
  return n;
}

let hub: TestHub;
let sameSeed: string;
let otherSeed: string;
let schemaBefore: string[];
beforeAll(async () => {
  // One embedded database at a time: the loads to compare run before the hub's own.
  sameSeed = await digestOfLoad("1");
  otherSeed = await digestOfLoad("2");
  hub = await startTestHub();
  schemaBefore = await schemaDefinitions(hub.db);
  await loadSyntheticDataset(hub.db, { scale: SCALE, seed: "1" });
  // Three loads in one hook: minutes when the machine runs other test files beside this one.
}, 300_000);
afterAll(() => hub.close());

it("makes the same rows, ids and timestamps from the same seed, and other rows from another", async () => {
  const digest = await contentDigest(hub.db);
  expect(digest).toBe(sameSeed);
  expect(otherSeed).not.toBe(digest);
  // Every table differs, not only a few values.
  const tables = (d: string) => d.split(",");
  tables(otherSeed).forEach((part, i) => expect(part).not.toBe(tables(digest)[i]));
});

it("adds the rows of its scale to the seed facts", async () => {
  const { db } = hub;
  expect(await count(db, `SELECT count(*) FROM city`)).toBe(
    facts.cities.length + size.chineseCities + size.foreignCities,
  );
  expect(await count(db, `SELECT count(*) FROM city WHERE country_code = 'CN'`)).toBe(
    facts.cities.filter((c) => c.countryCode === "CN").length + size.chineseCities,
  );
  expect(await count(db, `SELECT count(*) FROM partnership`)).toBe(
    facts.partnerships.length + size.partnerships,
  );
  expect(await count(db, `SELECT count(*) FROM person`)).toBe(facts.people.length + size.people);
  expect(await count(db, `SELECT count(*) FROM delegation`)).toBe(
    facts.delegations.length + size.delegations,
  );
  expect(await count(db, `SELECT count(*) FROM investment_intention`)).toBe(
    facts.investments.length + size.investments,
  );
  // Rows that other rows bring with them: every Chinese city has an office, every partnership a
  // history, and about half of the people and delegations have affiliations and members.
  expect(await count(db, `SELECT count(*) FROM office`)).toBeGreaterThanOrEqual(
    facts.offices.length + size.chineseCities,
  );
  expect(await count(db, `SELECT count(DISTINCT partnership_id) FROM stage_change`)).toBe(
    facts.partnerships.length + size.partnerships,
  );
  expect(await count(db, `SELECT count(*) FROM affiliation`)).toBeGreaterThan(size.people / 2);
  expect(await count(db, `SELECT count(*) FROM delegation_member`)).toBeGreaterThan(
    size.delegations / 2,
  );
});

it("leaves every foreign key validated and every index rebuilt as the migrations made them", async () => {
  const after = await schemaDefinitions(hub.db);
  expect(after).toEqual(schemaBefore);
  expect(after.some((d) => / delegation_home_city_fkey FOREIGN KEY .* true$/.test(d))).toBe(true);
  expect(after.some((d) => d.startsWith("CREATE INDEX delegation_purposes_idx"))).toBe(true);
});

it("keeps the rules that the services check beyond the constraints", async () => {
  const { db } = hub;
  // A visit through a partnership travels from its home city to its partner city.
  expect(
    await count(
      db,
      `SELECT count(*) FROM delegation d JOIN partnership p ON p.id = d.partnership_id
        WHERE p.home_city_id <> d.home_city_id OR p.partner_city_id <> d.counterpart_city_id`,
    ),
  ).toBe(0);
  expect(
    await count(db, `SELECT count(*) FROM delegation WHERE partnership_id IS NOT NULL`),
  ).toBeGreaterThan(0);
  // Each history starts from nothing, steps from the stage it reached, in date order, and ends
  // at the partnership's stage; an established partnership has its date.
  expect(
    await count(
      db,
      `SELECT count(*) FROM partnership p
        WHERE (SELECT array_agg(to_stage ORDER BY changed_on DESC, created_at DESC) FROM stage_change
                WHERE partnership_id = p.id)[1] IS DISTINCT FROM p.stage
           OR (p.stage IN ('ESTABLISHED', 'SUSPENDED', 'ENDED') AND p.established_on IS NULL
               AND p.created_at <> (SELECT min(created_at) FROM country))`,
    ),
  ).toBe(0);
  expect(
    await count(
      db,
      `SELECT count(*) FROM stage_change s JOIN stage_change prior
          ON prior.partnership_id = s.partnership_id AND prior.to_stage = s.from_stage
       WHERE prior.changed_on > s.changed_on AND s.created_at <> (SELECT min(created_at) FROM country)`,
    ),
  ).toBe(0);
  expect(
    await count(db, `SELECT count(*) FROM delegation WHERE approval IS NOT NULL`),
  ).toBeGreaterThan(0);
  expect(
    await count(
      db,
      `SELECT count(*) FROM delegation d
        WHERE d.size < (SELECT count(*) FROM delegation_member m WHERE m.delegation_id = d.id)`,
    ),
  ).toBe(0);
});

it("makes a few Chinese cities very busy (a power law)", async () => {
  const rows: { delegations: number }[] = await hub.db.query(
    `SELECT count(*)::int AS delegations FROM delegation d JOIN city c ON c.id = d.home_city_id
      GROUP BY c.id ORDER BY 1 DESC`,
  );
  const total = rows.reduce((sum, r) => sum + r.delegations, 0);
  expect(rows[0].delegations / total).toBeGreaterThan(0.3);
  expect(rows[0].delegations).toBeGreaterThan(rows[rows.length - 1].delegations * 5);
});

it("refuses a second load, saying why, and changes nothing", async () => {
  const before = await databaseDigest(hub.db);
  const load = loadSyntheticDataset(hub.db, { scale: SCALE, seed: "3" });
  await expect(load).rejects.toThrow(DatabaseNotEmpty);
  await expect(load).rejects.toThrow(
    /already holds records beyond the seed data \(\d+ rows in city, .*create a new database/,
  );
  expect(await databaseDigest(hub.db)).toBe(before);
});

it("serves the synthetic records through the API, every value valid for its type", async () => {
  const [{ id }] = await hub.db.query(
    `SELECT home_city_id AS id FROM delegation GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const { data, errors } = await hub.gql(
    `query ($id: ID!) {
      city(id: $id) {
        nameZh nameEn aliases level adminArea latitude longitude
        country { code }
        offices { nameZh kind }
        partnerships { kind stage establishedOn partnerCity { nameZh country { code region } }
                       stageHistory { from to on note } }
      }
      delegations(filter: { homeCityId: $id }, first: 100) {
        totalCount
        nodes { direction name leader size startDate endDate datePrecision purposes approval occasion
                counterpartCountry { code } counterpartCity { nameZh } organization { nameZh kind }
                partnership { kind } members { nameZh nameEn categories residenceCountry { code } } }
      }
      investmentIntentions(filter: { targetCityId: $id }, first: 100) {
        nodes { kind sector amount currency stage signedOn targetZone { kind } delegation { name } }
      }
    }`,
    { id },
  );
  expect(errors).toBeUndefined();
  expect(data!.city.country.code).toBe("CN");
  expect(data!.city.offices.length).toBeGreaterThan(0);
  expect(data!.city.partnerships.length).toBeGreaterThan(0);
  for (const partnership of data!.city.partnerships) {
    expect(partnership.partnerCity.country.code).not.toBe("CN");
    expect(partnership.stageHistory.at(-1).to).toBe(partnership.stage);
  }
  const { nodes } = data!.delegations;
  expect(nodes.length).toBeGreaterThan(0);
  expect(nodes.some((d: any) => d.members.length > 0)).toBe(true);
  for (const delegation of nodes) {
    expect(delegation.size).toBeGreaterThan(0);
    expect(delegation.endDate >= delegation.startDate).toBe(true);
    expect(delegation.approval === null).toBe(delegation.direction === "INBOUND");
  }
});
