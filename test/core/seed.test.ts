import { seed } from "../../src/seed/seed";
import { startTestHub, tableCounts, TestHub } from "../support/test-hub";
import cities from "../../src/seed/facts/cities.json";
import countries from "../../src/seed/facts/countries.json";
import partnerships from "../../src/seed/facts/partnerships.json";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

it("holds every fact file's records, and seeding again duplicates nothing", async () => {
  const counts = await tableCounts(hub.db);
  expect(counts.country).toBe(countries.length);
  expect(counts.city).toBe(cities.length);
  expect(counts.partnership).toBe(partnerships.length);
  await seed(hub.db);
  expect(await tableCounts(hub.db)).toEqual(counts);
});

it("holds all of ISO 3166-1 with Chinese names and UN M49 regions", async () => {
  const { data } = await hub.gql(
    `{ countries(first: 300) { totalCount nodes { code nameZh region subregion } } }`,
  );
  expect(data!.countries.totalCount).toBe(249);
  expect(data!.countries.nodes).toContainEqual({
    code: "LT",
    nameZh: "立陶宛",
    region: "EUROPE",
    subregion: "Northern Europe",
  });
  expect(data!.countries.nodes).toContainEqual({
    code: "HU",
    nameZh: "匈牙利",
    region: "EUROPE",
    subregion: "Eastern Europe",
  });
});
