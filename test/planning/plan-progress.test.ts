// planProgress and pipeline, computed from the records and checked against the seed facts.
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const country = new Map(facts.countries.map((c) => [c.code, c]));
const partnerCountry = (p: (typeof facts.partnerships)[number]) =>
  country.get(facts.cities.find((c) => c.key === p.partnerCityKey)!.countryCode)!;

const PROGRESS = `query($city: ID!, $year: Int!) { planProgress(cityId: $city, year: $year) {
  target { metric targetValue focusRegions focusSubregions city { nameZh } }
  achieved met uncoveredRegions uncoveredSubregions amounts { currency amount }
  contributing { id __typename ... on Partnership { kind partnerCity { nameEn } } }
  undated { id ... on Partnership { partnerCity { nameEn } } } } }`;

const PIPELINE = `query($city: ID!) { pipeline(cityId: $city) {
  stage since sincePrecision daysInStage partnership { id stage partnerCity { nameEn } } } }`;

/** Nanchang's partnerships whose stage history enters one of `stages` in `year`. */
function entered(stages: string[], year: number, kind?: string) {
  return facts.partnerships.filter(
    (p) =>
      p.homeCityKey === "city-nanchang" &&
      (!kind || p.kind === kind) &&
      p.stageHistory.some((s) => stages.includes(s.to) && s.on?.startsWith(String(year))),
  );
}

async function progress(year: number): Promise<Record<string, any>> {
  const { data, errors } = await hub.gql(PROGRESS, { city: NANCHANG, year });
  expect(errors).toBeUndefined();
  return Object.fromEntries(data!.planProgress.map((p: any) => [p.target.metric, p]));
}

describe("planProgress", () => {
  it("measures Nanchang's 2012 targets against the partnerships of its stage history", async () => {
    const targets = await progress(2012);
    expect(Object.keys(targets).sort()).toEqual(
      facts.planTargets
        .filter((t) => t.year === 2012)
        .map((t) => t.metric)
        .sort(),
    );

    const established = entered(["ESTABLISHED"], 2012, "SISTER_CITY");
    const sister = targets.NEW_SISTER_CITIES;
    // The 2011 report, dated 2012-02-27, says these ties already existed, not since when: they
    // are listed apart, and none counts as new in 2012.
    expect(sister).toMatchObject({ achieved: 0, met: false, contributing: [] });
    expect(sister.undated.map((p: any) => p.partnerCity.nameEn).sort()).toEqual([
      "Naju",
      "Peine District",
      "Takamatsu",
      "Varkaus",
    ]);
    expect(sister.achieved).toBe(established.length);
    expect(sister.met).toBe(established.length >= 1);
    expect(sister.contributing.map((c: any) => c.id).sort()).toEqual(
      established.map((p) => factId(p.key)).sort(),
    );
    expect(sister.contributing.every((c: any) => c.__typename === "Partnership")).toBe(true);
    // Its focus: Oceania and Eastern Europe, where none of the 2012 sister cities lies.
    const regions = new Set(established.map((p) => partnerCountry(p).region));
    const subregions = new Set(established.map((p) => partnerCountry(p).subregion));
    expect(sister.uncoveredRegions).toEqual(
      sister.target.focusRegions.filter((r: string) => !regions.has(r)),
    );
    expect(sister.uncoveredRegions).toEqual(["OCEANIA"]);
    expect(sister.uncoveredSubregions).toEqual(["Eastern Europe"]);
    expect([...subregions]).not.toContain("Eastern Europe");

    const prospects = targets.NEW_PROSPECTS;
    expect(prospects.achieved).toBe(entered(["PROSPECT", "CONTACT"], 2012).length);
    expect(prospects).toMatchObject({
      achieved: 0,
      met: false,
      contributing: [],
      uncoveredRegions: ["OCEANIA"],
      uncoveredSubregions: ["Eastern Europe"],
    });
  });

  it("follows new records: a prospect in Oceania, a sister city in Eastern Europe", async () => {
    const dunedin = await hub.gql(
      `mutation { createCity(input: { countryCode: "NZ", nameZh: "但尼丁", nameEn: "Dunedin" }) { id } }`,
    );
    const prospect = await hub.gql(
      `mutation($home: ID!, $partner: ID!) { createPartnership(input: { homeCityId: $home,
        partnerCityId: $partner, kind: SISTER_CITY, stage: CONTACT, establishedOn: "2012-06-01" }) { id } }`,
      { home: NANCHANG, partner: dunedin.data!.createCity.id },
    );
    const miskolc = factId("partnership-nanchang-miskolc-sister");
    const advanced = await hub.gql(
      `mutation($id: ID!) { advancePartnership(id: $id, stage: ESTABLISHED, on: "2012-10-01") { stage } }`,
      { id: miskolc },
    );
    expect(advanced.errors).toBeUndefined();

    const targets = await progress(2012);
    expect(targets.NEW_PROSPECTS).toMatchObject({
      achieved: 1,
      contributing: [
        { id: prospect.data!.createPartnership.id, partnerCity: { nameEn: "Dunedin" } },
      ],
      uncoveredRegions: [],
      uncoveredSubregions: ["Eastern Europe"],
    });
    const sister = targets.NEW_SISTER_CITIES;
    expect(sister.achieved).toBe(entered(["ESTABLISHED"], 2012, "SISTER_CITY").length + 1);
    expect(sister).toMatchObject({ achieved: 1, met: true, contributing: [{ id: miskolc }] });
    expect(sister).toMatchObject({ uncoveredRegions: ["OCEANIA"], uncoveredSubregions: [] });
  });

  it("counts delegation batches by their start year and the amounts signed in the year, per currency", async () => {
    const create = (metric: string, targetValue: number) =>
      hub.gql(`mutation($input: PlanTargetInput!) { createPlanTarget(input: $input) { id } }`, {
        input: { cityId: NANCHANG, year: 2011, metric, targetValue, focusRegions: ["EUROPE"] },
      });
    await create("INBOUND_DELEGATIONS", 10);
    await create("OUTBOUND_DELEGATIONS", 10);
    await create("INVESTMENT_SIGNED_AMOUNT", 500000);
    const investment = factId("investment-nanchang-pu-jian-sanghai-biomedicine");
    const signed = await hub.gql(
      `mutation($id: ID!) { updateInvestmentIntention(id: $id, version: 1, input: { signedOn: "2011-05-01" }) { amount } }`,
      { id: investment },
    );
    expect(signed.errors).toBeUndefined();

    const targets = await progress(2011);
    const visits = (direction: string) =>
      facts.delegations.filter(
        (d) =>
          d.homeCityKey === "city-nanchang" &&
          d.direction === direction &&
          d.startDate?.startsWith("2011"),
      );
    for (const direction of ["INBOUND", "OUTBOUND"]) {
      const target = targets[`${direction}_DELEGATIONS`];
      expect(target.achieved).toBe(visits(direction).length);
      expect(target.met).toBe(visits(direction).length >= 10);
      expect(target.contributing.map((c: any) => c.id).sort()).toEqual(
        visits(direction)
          .map((d) => factId(d.key))
          .sort(),
      );
      const europe = visits(direction).some(
        (d) => country.get(d.counterpartCountryCode!)?.region === "EUROPE",
      );
      expect(target.uncoveredRegions).toEqual(europe ? [] : ["EUROPE"]);
    }
    // Signed in 2011: 濮键's investment (dated above) and 乐善行's two agreements, known by year.
    const signedIn2011 = facts.investments.filter(
      (i) => i.targetCityKey === "city-nanchang" && i.signedOn?.startsWith("2011"),
    );
    const expected = [investment, ...signedIn2011.map((i) => factId(i.key))];
    const total = [
      signed.data!.updateInvestmentIntention.amount,
      ...signedIn2011.map((i) => i.amount),
    ]
      .map(Number)
      .reduce((a, b) => a + b, 0);
    const invested = targets.INVESTMENT_SIGNED_AMOUNT;
    expect(invested).toMatchObject({
      achieved: total,
      met: total >= 500000,
      amounts: [{ currency: "CNY", amount: total.toFixed(2) }],
      // 濮键's residence is not recorded; 乐善行 is in Hong Kong (Asia): no record in Europe.
      uncoveredRegions: ["EUROPE"],
    });
    expect(invested.contributing.map((c: any) => c.id).sort()).toEqual(expected.sort());

    // An amount in another currency is listed apart, not added to the yuan.
    const euros = await hub.gql(
      `mutation($city: ID!) { createInvestmentIntention(input: { kind: INVESTMENT, amount: "2000.50",
        currency: "EUR", stage: SIGNED, signedOn: "2011-03-01", targetCityId: $city }) { id } }`,
      { city: NANCHANG },
    );
    expect(euros.errors).toBeUndefined();
    const withEuros = (await progress(2011)).INVESTMENT_SIGNED_AMOUNT;
    expect(withEuros.achieved).toBe(total);
    expect(withEuros.amounts).toEqual([
      { currency: "CNY", amount: total.toFixed(2) },
      { currency: "EUR", amount: "2000.50" },
    ]);
  });

  it("lists Qiqihar's undated visits apart in any year, counting none of them", async () => {
    const QIQIHAR = factId("city-qiqihar");
    const undated = facts.delegations
      .filter((d) => d.homeCityKey === "city-qiqihar" && d.startDate === null)
      .map((d) => factId(d.key))
      .sort();
    expect(undated).toHaveLength(4);
    for (const year of [2018, 2019]) {
      const created = await hub.gql(
        `mutation($input: PlanTargetInput!) { createPlanTarget(input: $input) { id } }`,
        { input: { cityId: QIQIHAR, year, metric: "INBOUND_DELEGATIONS", targetValue: 1 } },
      );
      expect(created.errors).toBeUndefined();
      const { data, errors } = await hub.gql(PROGRESS, { city: QIQIHAR, year });
      expect(errors).toBeUndefined();
      const [target] = data!.planProgress;
      expect(target).toMatchObject({ achieved: 0, met: false, contributing: [] });
      expect(target.undated.map((d: any) => d.id).sort()).toEqual(undated);
    }
  });

  it("is empty for a year without targets, and costs a fixed few statements", async () => {
    expect(await progress(2030)).toEqual({});
    const statements = await hub.countStatements(() =>
      hub.gql(PROGRESS, { city: NANCHANG, year: 2011 }),
    );
    // Targets, contributions, and each contributing type's records (delegations, investments),
    // then the cities and partner cities of what they show.
    expect(statements).toBeLessThanOrEqual(6);
  });
});

describe("pipeline", () => {
  it("lists Nanchang's partnerships by stage, with the days since each entered it", async () => {
    const [{ today }] = await hub.db.query(`SELECT CURRENT_DATE::text AS today`);
    const { data, errors } = await hub.gql(PIPELINE, { city: factId("city-nanchang-county") });
    expect(errors).toBeUndefined();
    expect(data!.pipeline).toEqual([]);

    const pipeline = (await hub.gql(PIPELINE, { city: NANCHANG })).data!.pipeline;
    const order = ["PROSPECT", "CONTACT", "NEGOTIATING", "ESTABLISHED", "SUSPENDED", "ENDED"];
    const ranks = pipeline.map((e: any) => order.indexOf(e.stage));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const entry of pipeline) {
      expect(entry.stage).toBe(entry.partnership.stage);
      const days =
        entry.since && Math.round((Date.parse(today) - Date.parse(entry.since)) / 86_400_000);
      expect(entry.daysInStage).toBe(days);
    }
    // Ties whose start no source dates have no "since", rather than the report's date.
    const varkaus = pipeline.find((e: any) => e.partnership.partnerCity.nameEn === "Varkaus");
    expect(varkaus).toMatchObject({
      stage: "ESTABLISHED",
      since: null,
      sincePrecision: null,
      daysInStage: null,
    });
    // Within a stage, the longest waiting first, those of unknown date last.
    for (let i = 1; i < pipeline.length; i++) {
      const [before, entry] = [pipeline[i - 1], pipeline[i]];
      if (entry.stage === before.stage && entry.daysInStage !== null) {
        expect(before.daysInStage).not.toBeNull();
        expect(entry.daysInStage).toBeLessThanOrEqual(before.daysInStage);
      }
    }
    // The seed's partnerships, and those the tests above added or advanced.
    const seeded = facts.partnerships.filter((p) => p.homeCityKey === "city-nanchang");
    const st = pipeline.find((e: any) => e.partnership.partnerCity.nameEn === "St. Charles");
    const stCharles = seeded.find((p) => p.key === "partnership-nanchang-st-charles-sister")!;
    const contacted = stCharles.stageHistory.at(-1)!;
    expect(contacted.precision).toBe("YEAR");
    expect(st).toMatchObject({ stage: "CONTACT", since: contacted.on, sincePrecision: "YEAR" });
    const miskolc = pipeline.find((e: any) => e.partnership.partnerCity.nameEn === "Miskolc");
    expect(miskolc).toMatchObject({
      stage: "ESTABLISHED",
      since: "2012-10-01",
      sincePrecision: "DAY",
    });
    expect(pipeline.map((e: any) => e.partnership.partnerCity.nameEn)).toContain("Dunedin");
    expect(pipeline).toHaveLength(seeded.length + 1);
  });

  it("refuses a city id that is no uuid", async () => {
    for (const query of [PIPELINE, PROGRESS]) {
      const { errors } = await hub.gql(query, { city: "nanchang", year: 2012 });
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cityId" });
    }
  });
});
