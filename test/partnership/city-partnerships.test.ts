import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  // 60 Chinese cities, 30 foreign ones, and two partnerships from each Chinese city to foreign
  // cities n and n + 1: each foreign city is the partner in four of them.
  await hub.db.query(`
    WITH home AS (
      INSERT INTO city (country_code, name_zh, name_en, level)
      SELECT 'CN', '试点市' || i, 'Home Test ' || lpad(i::text, 2, '0'), 'PREFECTURE' FROM generate_series(1, 60) AS i
      RETURNING id, name_en
    ), abroad AS (
      INSERT INTO city (country_code, name_zh, name_en)
      SELECT (ARRAY['FI', 'HU', 'NZ', 'BR', 'KE'])[1 + i % 5], '试点外' || i, 'Abroad Test ' || lpad(i::text, 2, '0')
      FROM generate_series(0, 29) AS i
      RETURNING id, country_code, name_en
    ), home_n AS (
      SELECT id, row_number() OVER (ORDER BY name_en) - 1 AS n FROM home
    ), abroad_n AS (
      SELECT id, country_code, row_number() OVER (ORDER BY name_en) - 1 AS n FROM abroad
    )
    INSERT INTO partnership (home_city_id, partner_city_id, partner_country_code, kind, stage)
    SELECT h.id, a.id, a.country_code, k.kind, 'PROSPECT'
    FROM home_n h
    CROSS JOIN (VALUES ('SISTER_CITY', 0), ('FRIENDLY_EXCHANGE', 1)) AS k(kind, shift)
    JOIN abroad_n a ON a.n = (h.n + k.shift) % 30`);
});
afterAll(() => hub.close());

interface CityRow {
  nameEn: string;
  partnerships: { kind: string; partnerCity: { nameEn: string; country: { code: string } } }[];
}

it("reads every city's partnerships, both sides, with one statement per level", async () => {
  let cities: CityRow[] = [];
  const statements = await hub.countStatements(async () => {
    const { data } = await hub.gql(`{ cities(first: 500) { nodes {
      nameEn partnerships(first: 10) { kind partnerCity { nameEn country { code } } } } } }`);
    cities = data!.cities.nodes;
  });
  // The cities page, the partnerships of all of them, their partner cities, those cities' countries.
  expect(statements).toBeLessThanOrEqual(4);

  const [{ cityCount, partnershipCount }] = await hub.db.query(
    `SELECT (SELECT count(*)::int FROM city) AS "cityCount", (SELECT count(*)::int FROM partnership) AS "partnershipCount"`,
  );
  expect(cityCount).toBe(34 + 90);
  expect(partnershipCount).toBe(12 + 120);
  expect(cities).toHaveLength(cityCount);
  // Every partnership shows under its home city and under its partner city.
  const shown = cities.reduce((sum, city) => sum + city.partnerships.length, 0);
  expect(shown).toBe(2 * partnershipCount);

  const byName = new Map(cities.map((city) => [city.nameEn, city]));
  const home01 = byName.get("Home Test 01")!.partnerships;
  expect(home01.sort((x, y) => x.partnerCity.nameEn.localeCompare(y.partnerCity.nameEn))).toEqual([
    { kind: "SISTER_CITY", partnerCity: { nameEn: "Abroad Test 00", country: { code: "FI" } } },
    {
      kind: "FRIENDLY_EXCHANGE",
      partnerCity: { nameEn: "Abroad Test 01", country: { code: "HU" } },
    },
  ]);
  expect(byName.get("Abroad Test 07")!.partnerships).toHaveLength(4);
  expect(byName.get("Nanchang")!.partnerships).toHaveLength(9);
});
