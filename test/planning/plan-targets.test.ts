import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const NOTE_2012 =
  "2012年力争缔结友好城市1个,拓展新友城发展对象3个,力争在大洋洲和东欧地区寻求突破。";

const CREATE = `mutation($input: PlanTargetInput!) {
  createPlanTarget(input: $input) { id version year metric targetValue focusRegions focusSubregions note city { nameEn } } }`;

describe("plan targets", () => {
  it("reads Nanchang's 2012 targets from its 2011 work report, by year then metric", async () => {
    const { data } = await hub.gql(
      `query($city: ID!) { planTargets(cityId: $city, year: 2012) {
        year metric targetValue focusRegions focusSubregions note city { nameZh } } }`,
      { city: NANCHANG },
    );
    const shared = {
      year: 2012,
      focusRegions: ["OCEANIA"],
      focusSubregions: ["Eastern Europe"],
      note: NOTE_2012,
      city: { nameZh: "南昌" },
    };
    expect(data!.planTargets).toEqual([
      { ...shared, metric: "NEW_PROSPECTS", targetValue: 3 },
      { ...shared, metric: "NEW_SISTER_CITIES", targetValue: 1 },
    ]);
  });

  it("narrows by city and year, each optional", async () => {
    const count = async (args: string) => {
      const { data } = await hub.gql(`{ planTargets${args} { id } }`);
      return data!.planTargets.length;
    };
    expect(await count("")).toBe(2);
    expect(await count("(year: 2012)")).toBe(2);
    expect(await count("(year: 2013)")).toBe(0);
    expect(await count(`(cityId: "${factId("city-qiqihar")}")`)).toBe(0);
  });

  it("creates, updates with the current version, refuses a stale one, and deletes", async () => {
    const created = await hub.gql(CREATE, {
      input: { cityId: NANCHANG, year: 2013, metric: "OUTBOUND_DELEGATIONS", targetValue: 12.5 },
    });
    const target = created.data!.createPlanTarget;
    expect(target).toMatchObject({
      version: 1,
      year: 2013,
      metric: "OUTBOUND_DELEGATIONS",
      targetValue: 12.5,
      focusRegions: [],
      focusSubregions: [],
      note: null,
      city: { nameEn: "Nanchang" },
    });

    const updated = await hub.gql(
      `mutation($id: ID!) { updatePlanTarget(id: $id, version: 1, input: {
        targetValue: 15, focusRegions: [EUROPE, OCEANIA], focusSubregions: ["Polynesia"] }) {
        version targetValue focusRegions focusSubregions } }`,
      { id: target.id },
    );
    expect(updated.data!.updatePlanTarget).toEqual({
      version: 2,
      targetValue: 15,
      focusRegions: ["EUROPE", "OCEANIA"],
      focusSubregions: ["Polynesia"],
    });

    await hub.expectRefused(
      `mutation($id: ID!) { updatePlanTarget(id: $id, version: 1, input: { targetValue: 20 }) { id } }`,
      { id: target.id },
      { code: "CONFLICT", field: "version" },
    );

    const deleted = await hub.gql(`mutation($id: ID!) { deletePlanTarget(id: $id) }`, {
      id: target.id,
    });
    expect(deleted.data!.deletePlanTarget).toBe(target.id);
    const { data } = await hub.gql(`{ planTargets(year: 2013) { id } }`);
    expect(data!.planTargets).toEqual([]);
  });

  it("refuses a second target for the same city, year and metric", async () => {
    await hub.expectRefused(
      CREATE,
      { input: { cityId: NANCHANG, year: 2012, metric: "NEW_SISTER_CITIES", targetValue: 2 } },
      { code: "CONFLICT", field: "input.metric" },
    );
  });

  it("refuses bad input and writes nothing", async () => {
    const valid = { cityId: NANCHANG, year: 2014, metric: "NEW_PROSPECTS", targetValue: 2 };
    const cases: [Record<string, unknown>, string][] = [
      [{ cityId: factId("city-varkaus") }, "input.cityId"],
      [{ cityId: factId("city-nowhere") }, "input.cityId"],
      [{ cityId: "nanchang" }, "input.cityId"],
      [{ targetValue: -1 }, "input.targetValue"],
      [{ targetValue: 1e19 }, "input.targetValue"],
      [{ year: 1900 }, "input.year"],
      [{ focusSubregions: ["Eastern Europe", "Eastern Oceania"] }, "input.focusSubregions"],
      [{ focusRegions: ["ARCTIC"] }, "input.focusRegions[0]"],
    ];
    for (const [change, field] of cases) {
      await hub.expectRefused(
        CREATE,
        { input: { ...valid, ...change } },
        { code: "BAD_USER_INPUT", field },
      );
    }
  });

  it("refuses a malformed city id in the query", async () => {
    const { errors } = await hub.gql(`{ planTargets(cityId: "nanchang") { id } }`);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cityId" });
  });
});
