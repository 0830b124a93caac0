// delegationStats and partnershipStats against counts made here from the seed facts.
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

type Delegation = (typeof facts.delegations)[number];
type Partnership = (typeof facts.partnerships)[number];

const country = new Map(facts.countries.map((c) => [c.code, c]));
const countryOfCity = new Map(facts.cities.map((c) => [c.key, c.countryCode]));

/** Each delegation's values for every groupBy; PURPOSE has one value per purpose. */
const DELEGATION_KEYS: Record<string, (d: Delegation) => string[]> = {
  YEAR: (d) => [d.startDate?.slice(0, 4) ?? "UNKNOWN"],
  DIRECTION: (d) => [d.direction],
  COUNTRY: (d) => [d.counterpartCountryCode ?? "UNKNOWN"],
  REGION: (d) => [country.get(d.counterpartCountryCode!)?.region ?? "UNKNOWN"],
  PURPOSE: (d) => (d.purposes.length ? d.purposes : ["UNKNOWN"]),
  HOME_CITY: (d) => [factId(d.homeCityKey)],
};

const PARTNERSHIP_KEYS: Record<string, (p: Partnership) => string> = {
  KIND: (p) => p.kind,
  STAGE: (p) => p.stage,
  COUNTRY: (p) => countryOfCity.get(p.partnerCityKey)!,
  REGION: (p) => country.get(countryOfCity.get(p.partnerCityKey)!)!.region,
  SUBREGION: (p) => country.get(countryOfCity.get(p.partnerCityKey)!)!.subregion,
  HOME_CITY: (p) => factId(p.homeCityKey),
};

/** Every combination of one value per groupBy, e.g. [["2011", "GOVERNMENT"], ...]. */
function keysOf<T>(
  row: T,
  groupBy: string[],
  values: (by: string, row: T) => string[],
): string[][] {
  return groupBy.reduce<string[][]>(
    (keys, by) => keys.flatMap((key) => values(by, row).map((value) => [...key, value])),
    [[]],
  );
}

const byKey = (a: { key: string[] }, b: { key: string[] }) =>
  a.key.join("\u0000") < b.key.join("\u0000") ? -1 : 1;

function expectedDelegationStats(groupBy: string[], rows = facts.delegations) {
  const groups = new Map<string, { key: string[]; batches: number; personTimes: number }>();
  for (const d of rows) {
    for (const key of keysOf(d, groupBy, (by, row) => DELEGATION_KEYS[by](row))) {
      const group = groups.get(JSON.stringify(key)) ?? { key, batches: 0, personTimes: 0 };
      group.batches += 1;
      group.personTimes += d.size ?? 0;
      groups.set(JSON.stringify(key), group);
    }
  }
  return [...groups.values()].sort(byKey);
}

function expectedPartnershipStats(groupBy: string[], rows = facts.partnerships) {
  const groups = new Map<string, { key: string[]; count: number }>();
  for (const p of rows) {
    const key = groupBy.map((by) => PARTNERSHIP_KEYS[by](p));
    const group = groups.get(JSON.stringify(key)) ?? { key, count: 0 };
    group.count += 1;
    groups.set(JSON.stringify(key), group);
  }
  return [...groups.values()].sort(byKey);
}

const DELEGATION_STATS = `query($filter: DelegationFilter, $groupBy: [DelegationGroupBy!]!) {
  delegationStats(filter: $filter, groupBy: $groupBy) { key batches personTimes } }`;
const PARTNERSHIP_STATS = `query($filter: PartnershipFilter, $groupBy: [PartnershipGroupBy!]!) {
  partnershipStats(filter: $filter, groupBy: $groupBy) { key count } }`;

async function delegationStats(groupBy: string[], filter?: object): Promise<any[]> {
  const { data, errors } = await hub.gql(DELEGATION_STATS, { groupBy, filter });
  expect(errors).toBeUndefined();
  return data!.delegationStats;
}

async function partnershipStats(groupBy: string[], filter?: object): Promise<any[]> {
  const { data, errors } = await hub.gql(PARTNERSHIP_STATS, { groupBy, filter });
  expect(errors).toBeUndefined();
  return data!.partnershipStats;
}

describe("delegationStats", () => {
  it.each(Object.keys(DELEGATION_KEYS).map((by) => [by]))(
    "counts batches and person-times by %s as the seed facts do",
    async (by) => {
      expect((await delegationStats([by])).sort(byKey)).toEqual(expectedDelegationStats([by]));
    },
  );

  it("counts Qiqihar's undated visits in no year but apart, the 47 businesspeople as person-times", async () => {
    const stats = await delegationStats(["YEAR"]);
    expect(stats).toEqual(expectedDelegationStats(["YEAR"]));
    const undated = facts.delegations.filter((d) => d.startDate === null);
    expect(undated.map((d) => d.homeCityKey)).toEqual(Array(4).fill("city-qiqihar"));
    expect(stats.find((s) => s.key[0] === "UNKNOWN")).toEqual({
      key: ["UNKNOWN"],
      batches: 4,
      personTimes: 47,
    });
    expect(stats.filter((s) => s.key[0] === "2018")).toEqual([]);
  });

  it("says how many of the batches are undated, and leaves them out of any period", async () => {
    const UNDATED = `query($filter: DelegationFilter, $groupBy: [DelegationGroupBy!]!) {
      delegationStats(filter: $filter, groupBy: $groupBy) { key batches undatedBatches } }`;
    const ask = async (groupBy: string[], filter?: object) =>
      (await hub.gql(UNDATED, { groupBy, filter })).data!.delegationStats;
    const undated = facts.delegations.filter((d) => d.startDate === null).length;
    expect(await ask([])).toEqual([
      { key: [], batches: facts.delegations.length, undatedBatches: undated },
    ]);
    expect(await ask([], { dated: false })).toEqual([
      { key: [], batches: undated, undatedBatches: undated },
    ]);
    expect(await ask([], { dated: true })).toEqual([
      { key: [], batches: facts.delegations.length - undated, undatedBatches: 0 },
    ]);
    const years = await ask(["YEAR"], { from: "1900-01-01", to: "2100-12-31" });
    expect(years.map((s: any) => s.key[0])).not.toContain("UNKNOWN");
    expect(years.reduce((sum: number, s: any) => sum + s.undatedBatches, 0)).toBe(0);
    // Read from the rows rather than the totals (a period that is not whole years): the same.
    const rows = await ask([], { from: "1900-01-02", to: "2100-12-30" });
    expect(rows).toEqual([
      { key: [], batches: facts.delegations.length - undated, undatedBatches: 0 },
    ]);
  });

  it("groups by several values at once, key in groupBy order", async () => {
    const groupBy = ["HOME_CITY", "DIRECTION", "PURPOSE"];
    expect((await delegationStats(groupBy)).sort(byKey)).toEqual(expectedDelegationStats(groupBy));
  });

  it("totals everything in one row when groupBy is empty", async () => {
    const total = facts.delegations.reduce((sum, d) => sum + (d.size ?? 0), 0);
    expect(await delegationStats([])).toEqual([
      { key: [], batches: facts.delegations.length, personTimes: total },
    ]);
  });

  it("takes the delegations list's filter: dates, city, region", async () => {
    const in2011 = facts.delegations.filter(
      (d) => d.endDate !== null && d.endDate >= "2011-01-01" && d.startDate! <= "2011-12-31",
    );
    const dated = await delegationStats(["DIRECTION"], { from: "2011-01-01", to: "2011-12-31" });
    expect(dated.sort(byKey)).toEqual(expectedDelegationStats(["DIRECTION"], in2011));

    const qiqihar = facts.delegations.filter((d) => d.homeCityKey === "city-qiqihar");
    const cityStats = await delegationStats(["COUNTRY"], { homeCityId: factId("city-qiqihar") });
    expect(cityStats.sort(byKey)).toEqual(expectedDelegationStats(["COUNTRY"], qiqihar));

    const european = facts.delegations.filter(
      (d) => country.get(d.counterpartCountryCode!)?.region === "EUROPE",
    );
    const regional = await delegationStats(["REGION", "YEAR"], { region: "EUROPE" });
    expect(regional.sort(byKey)).toEqual(expectedDelegationStats(["REGION", "YEAR"], european));
  });

  it("is one statement whatever the grouping", async () => {
    for (const groupBy of [[], ["PURPOSE", "REGION"], Object.keys(DELEGATION_KEYS)]) {
      const statements = await hub.countStatements(() =>
        hub.gql(DELEGATION_STATS, { groupBy, filter: { region: "ASIA" } }),
      );
      expect(statements).toBeLessThanOrEqual(2);
    }
  });
});

describe("partnershipStats", () => {
  it.each(Object.keys(PARTNERSHIP_KEYS).map((by) => [by]))(
    "counts partnerships by %s as the seed facts do",
    async (by) => {
      expect((await partnershipStats([by])).sort(byKey)).toEqual(expectedPartnershipStats([by]));
    },
  );

  it("groups by several values and takes the partnerships list's filter", async () => {
    const sister = facts.partnerships.filter((p) => p.kind === "SISTER_CITY");
    const stats = await partnershipStats(["REGION", "SUBREGION", "STAGE"], {
      kind: "SISTER_CITY",
    });
    expect(stats.sort(byKey)).toEqual(
      expectedPartnershipStats(["REGION", "SUBREGION", "STAGE"], sister),
    );
    expect(await partnershipStats([])).toEqual([{ key: [], count: facts.partnerships.length }]);
  });

  it("is one statement", async () => {
    const statements = await hub.countStatements(() =>
      hub.gql(PARTNERSHIP_STATS, { groupBy: Object.keys(PARTNERSHIP_KEYS) }),
    );
    expect(statements).toBeLessThanOrEqual(2);
  });
});

describe("bad input", () => {
  it("refuses an unknown groupBy, one given twice, and a filter's bad id", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [DELEGATION_STATS, { groupBy: ["DECADE"] }, "groupBy[0]"],
      [PARTNERSHIP_STATS, { groupBy: ["KIND", "CONTINENT"] }, "groupBy[1]"],
      [DELEGATION_STATS, { groupBy: ["YEAR", "YEAR"] }, "groupBy[1]"],
      [
        DELEGATION_STATS,
        { groupBy: ["YEAR"], filter: { homeCityId: "nanchang" } },
        "filter.homeCityId",
      ],
      [
        DELEGATION_STATS,
        { groupBy: ["YEAR"], filter: { from: "2012-01-01", to: "2011-01-01" } },
        "filter.to",
      ],
    ];
    for (const [query, variables, field] of cases) {
      const { data, errors } = await hub.gql(query, variables);
      expect(data ?? null).toBeNull();
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
