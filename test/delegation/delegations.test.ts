// Reading the seeded delegations: every expectation is computed from src/seed/facts/delegations.json.
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

type Fact = (typeof facts.delegations)[number];
const seeded = facts.delegations;
const regionOf = new Map(facts.countries.map((c) => [c.code, c.region]));
const cityOf = new Map(facts.cities.map((c) => [c.key, c]));
const sortedNames = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

async function namesMatching(filter: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await hub.gql(
    `query($filter: DelegationFilter) { delegations(first: 500, filter: $filter) { totalCount nodes { name } } }`,
    { filter },
  );
  expect(errors).toBeUndefined();
  expect(data!.delegations.totalCount).toBe(data!.delegations.nodes.length);
  return sortedNames(data!.delegations.nodes);
}

const expectedNames = (keep: (d: Fact) => boolean) => sortedNames(seeded.filter(keep));

describe("delegations", () => {
  it("reads Qiqihar's inbound delegations of no printed year from the US, Germany (Magdeburg) and Czechia", async () => {
    const { data } = await hub.gql(
      `query($city: ID!) { delegations(filter: { homeCityId: $city, direction: INBOUND }) { totalCount nodes {
        id name direction size startDate endDate datePrecision purposes approval occasion
        homeCity { nameZh } counterpartCountry { code } counterpartCity { nameZh } } } }`,
      { city: factId("city-qiqihar") },
    );
    const expected = seeded
      .filter((d) => d.homeCityKey === "city-qiqihar" && d.direction === "INBOUND")
      .map((d) => ({
        id: factId(d.key),
        name: d.name,
        direction: d.direction,
        size: d.size,
        startDate: d.startDate,
        endDate: d.endDate,
        datePrecision: d.datePrecision,
        purposes: d.purposes,
        approval: d.approval,
        occasion: d.occasion,
        homeCity: { nameZh: "齐齐哈尔" },
        counterpartCountry: d.counterpartCountryCode ? { code: d.counterpartCountryCode } : null,
        counterpartCity: d.counterpartCityKey
          ? { nameZh: cityOf.get(d.counterpartCityKey)!.nameZh }
          : null,
      }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(data!.delegations.totalCount).toBe(expected.length);
    expect([...data!.delegations.nodes].sort(byId)).toEqual(expected.sort(byId));
    const fromAbroad = data!.delegations.nodes.filter((d: any) => d.counterpartCountry);
    expect(fromAbroad.map((d: any) => d.counterpartCountry.code).sort()).toEqual([
      "CZ",
      "DE",
      "US",
    ]);
    expect(fromAbroad.find((d: any) => d.counterpartCountry.code === "DE")).toMatchObject({
      name: "德国马格德堡市政府代表团",
      counterpartCity: { nameZh: "马格德堡" },
      // The report prints no year: the visit has no dates rather than a guessed one.
      startDate: null,
      endDate: null,
      datePrecision: null,
    });
  });

  it("reads the Nanchang delegations of 江西省第二届国际友好城市大会 with their sister-city channels", async () => {
    const occasion = "江西省第二届国际友好城市大会";
    const { data } = await hub.gql(
      `query($city: ID!) { delegations(first: 100, filter: { homeCityId: $city }) { nodes {
        name occasion counterpartCity { nameEn } partnership { id kind } } } }`,
      { city: factId("city-nanchang") },
    );
    const atConference = data!.delegations.nodes.filter((d: any) => d.occasion === occasion);
    const expected = seeded.filter((d) => d.occasion === occasion);
    expect(expected.length).toBe(4);
    expect(sortedNames(atConference)).toEqual(sortedNames(expected));
    for (const fact of expected) {
      const partnership = facts.partnerships.find((p) => p.key === fact.partnershipKey)!;
      expect(atConference.find((d: any) => d.name === fact.name)).toEqual({
        name: fact.name,
        occasion,
        counterpartCity: { nameEn: cityOf.get(fact.counterpartCityKey!)!.nameEn },
        partnership: { id: factId(partnership.key), kind: partnership.kind },
      });
    }
  });

  it("reads one delegation with its organization, members and the partnership's other visits", async () => {
    const { data } = await hub.gql(
      `query($tour: ID!, $hk: ID!, $varkaus: ID!) {
        tour: delegation(id: $tour) { name leader members { nameZh delegations { name } } organization { nameZh } }
        hk: delegation(id: $hk) { approval organization { nameZh } counterpartCountry { nameZh } counterpartCity { nameZh } }
        varkaus: delegation(id: $varkaus) { partnership { delegations { name } } }
      }`,
      {
        tour: factId("delegation-nanchang-2011-overseas-chinese-jiangxi-tour"),
        hk: factId("delegation-nanchang-2011-hk-investment-promotion"),
        varkaus: factId("delegation-nanchang-2011-varkaus-gov-conference"),
      },
    );
    expect(data!.tour).toEqual({
      name: "海外侨胞江西行考察团",
      leader: "楼大明",
      members: [{ nameZh: "楼大明", delegations: [{ name: "海外侨胞江西行考察团" }] }],
      organization: null,
    });
    expect(data!.hk).toEqual({
      approval: "APPROVED",
      organization: { nameZh: "南昌市对外经济贸易委员会" },
      counterpartCountry: { nameZh: "中国香港" },
      counterpartCity: { nameZh: "香港" },
    });
    expect(sortedNames(data!.varkaus.partnership.delegations)).toEqual(
      expectedNames((d) => d.partnershipKey === "partnership-nanchang-varkaus-sister"),
    );
  });

  it("filters by direction, country, region, purpose and partnership exactly as the facts say", async () => {
    expect(await namesMatching({ direction: "OUTBOUND" })).toEqual(
      expectedNames((d) => d.direction === "OUTBOUND"),
    );
    expect(await namesMatching({ counterpartCountryCode: "de" })).toEqual(
      expectedNames((d) => d.counterpartCountryCode === "DE"),
    );
    for (const region of ["EUROPE", "ASIA", "AMERICAS", "OCEANIA"]) {
      const expected = expectedNames(
        (d) => regionOf.get(d.counterpartCountryCode ?? "") === region,
      );
      expect(await namesMatching({ region })).toEqual(expected);
    }
    expect(await namesMatching({ purpose: "EDUCATION" })).toEqual(
      expectedNames((d) => d.purposes.includes("EDUCATION")),
    );
    expect(
      await namesMatching({ purpose: "TRADE_INVESTMENT", region: "EUROPE", direction: "INBOUND" }),
    ).toEqual(
      expectedNames(
        (d) =>
          d.purposes.includes("TRADE_INVESTMENT") &&
          regionOf.get(d.counterpartCountryCode ?? "") === "EUROPE" &&
          d.direction === "INBOUND",
      ),
    );
    const peine = "partnership-nanchang-peine-sister";
    expect(await namesMatching({ partnershipId: factId(peine) })).toEqual(
      expectedNames((d) => d.partnershipKey === peine),
    );
    expect(await namesMatching({ approval: "APPROVED" })).toEqual(
      expectedNames((d) => d.approval === "APPROVED"),
    );
  });

  it("asks nothing of a field left out, null or an empty text, and refuses an empty id", async () => {
    const every = expectedNames(() => true);
    expect(await namesMatching({ counterpartCountryCode: "" })).toEqual(every);
    expect(await namesMatching({ homeCityId: null, partnershipId: null })).toEqual(every);
    await hub.expectRefused(
      `{ delegations(filter: { homeCityId: "" }) { totalCount } }`,
      {},
      { code: "BAD_USER_INPUT", field: "filter.homeCityId" },
    );
  });

  it("filters by period: a visit matches when its dates overlap [from, to]", async () => {
    const overlapping = (from: string, to: string) =>
      expectedNames((d) => d.endDate !== null && d.endDate >= from && d.startDate! <= to);
    for (const [from, to] of [
      ["2018-06-01", "2018-06-30"],
      ["2011-12-31", "2018-01-01"],
      ["2012-01-01", "2017-12-31"],
      ["2010-01-01", "2011-01-01"],
    ]) {
      expect(await namesMatching({ from, to })).toEqual(overlapping(from, to));
    }
    expect(await namesMatching({ from: "2012-01-01" })).toEqual(
      expectedNames((d) => d.endDate !== null && d.endDate >= "2012-01-01"),
    );
    expect(await namesMatching({ to: "2017-12-31" })).toEqual(
      expectedNames((d) => d.startDate !== null && d.startDate <= "2017-12-31"),
    );
    expect(await namesMatching({ from: "2012-01-01", to: "2017-12-31" })).toEqual([]);
  });

  it("lists the latest visits first, undated ones last, and pages through all without repeats", async () => {
    const seen: { name: string; startDate: string | null }[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await hub.gql(
        `query($after: String) { delegations(first: 5, after: $after) {
          nodes { name startDate } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.delegations.nodes);
      after = data.delegations.pageInfo.hasNextPage ? data.delegations.pageInfo.endCursor : null;
    } while (after);
    expect(sortedNames(seen)).toEqual(sortedNames(seeded));
    const starts = seen.map((d) => d.startDate);
    const dated = starts.filter((start) => start !== null);
    expect(starts).toEqual([...dated.sort().reverse(), null, null, null, null]);
  });

  it("orders by name and by creation when asked, as the database collates", async () => {
    const { data } = await hub.gql(`{
      byName: delegations(first: 500, orderBy: { field: NAME, direction: DESC }) { nodes { id } }
      byCreation: delegations(first: 500, orderBy: { field: CREATED_AT }) { nodes { id } }
    }`);
    const ids = async (order: string) =>
      ((await hub.db.query(`SELECT id FROM delegation ORDER BY ${order}`)) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(data!.byName.nodes.map((n: any) => n.id)).toEqual(await ids("name DESC, id DESC"));
    expect(data!.byCreation.nodes.map((n: any) => n.id)).toEqual(await ids("created_at, id"));
    expect(data!.byName.nodes.length).toBe(seeded.length);
  });

  it("refuses a reversed period, a malformed id and a malformed country code", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ from: "2018-12-31", to: "2018-01-01" }, "filter.to"],
      [{ homeCityId: "qiqihar" }, "filter.homeCityId"],
      [{ partnershipId: "42" }, "filter.partnershipId"],
      [{ counterpartCountryCode: "DEU" }, "filter.counterpartCountryCode"],
    ];
    for (const [filter, field] of cases) {
      const { errors } = await hub.gql(
        `query($filter: DelegationFilter) { delegations(filter: $filter) { nodes { id } } }`,
        { filter },
      );
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("answers null for an unknown delegation", async () => {
    const { data } = await hub.gql(
      `{ delegation(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(data!.delegation).toBeNull();
  });
});
