import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const QIQIHAR = factId("city-qiqihar");
const VARKAUS = factId("city-varkaus");
const MISKOLC = factId("city-miskolc");

const partnerNames = (nodes: { partnerCity: { nameEn: string } }[]) =>
  nodes.map((node) => node.partnerCity.nameEn).sort();

describe("partnerships on seed data", () => {
  it("lists Nanchang's nine partnerships with the kinds and stages of the 2011 work report", async () => {
    const { data } = await hub.gql(
      `query($id: ID!) { partnerships(filter: { homeCityId: $id }) {
        totalCount nodes { kind stage establishedOn homeCity { nameEn } partnerCity { nameEn } } } }`,
      { id: NANCHANG },
    );
    const rows = data!.partnerships.nodes
      .map((p: any) => `${p.partnerCity.nameEn} ${p.kind} ${p.stage}`)
      .sort();
    expect(data!.partnerships.totalCount).toBe(9);
    expect(rows).toEqual([
      "Albacete FRIENDLY_EXCHANGE ESTABLISHED",
      "Gwangju FRIENDLY_EXCHANGE ESTABLISHED",
      "Kragerø FRIENDLY_EXCHANGE ESTABLISHED",
      "Miskolc SISTER_CITY CONTACT",
      "Naju SISTER_CITY ESTABLISHED",
      "Peine District SISTER_CITY ESTABLISHED",
      "St. Charles SISTER_CITY CONTACT",
      "Takamatsu SISTER_CITY ESTABLISHED",
      "Varkaus SISTER_CITY ESTABLISHED",
    ]);
    expect(data!.partnerships.nodes.every((p: any) => p.homeCity.nameEn === "Nanchang")).toBe(true);
    expect(data!.partnerships.nodes.every((p: any) => p.establishedOn === null)).toBe(true);
  });

  it("filters by the partner country's region, sub-region, code, kind and stage", async () => {
    const query = `query($filter: PartnershipFilter) {
      partnerships(filter: $filter) { totalCount nodes { partnerCity { nameEn } } } }`;
    const cases: [object, string[]][] = [
      [
        { region: "EUROPE" },
        ["Albacete", "Kragerø", "Miskolc", "Peine District", "Varkaus", "Visaginas"],
      ],
      [{ subregion: "Eastern Europe" }, ["Miskolc"]],
      [{ subregion: "Northern Europe" }, ["Kragerø", "Varkaus", "Visaginas"]],
      [{ region: "EUROPE", kind: "SISTER_CITY", stage: "CONTACT" }, ["Miskolc"]],
      [{ partnerCountryCode: "kr" }, ["Bonghwa County", "Gwangju", "Naju"]],
      [{ region: "OCEANIA" }, []],
      [{ homeCityId: QIQIHAR, stage: "NEGOTIATING" }, ["Visaginas"]],
      [{ partnerCityId: MISKOLC }, ["Miskolc"]],
    ];
    for (const [filter, expected] of cases) {
      const { data } = await hub.gql(query, { filter });
      expect({ filter, names: partnerNames(data!.partnerships.nodes) }).toEqual({
        filter,
        names: expected,
      });
      expect(data!.partnerships.totalCount).toBe(expected.length);
    }
  });

  it("orders by stage in pipeline order and pages with keyset cursors", async () => {
    const stages: string[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await hub.gql(
        `query($after: String) { partnerships(first: 5, after: $after, orderBy: { field: STAGE }) {
          nodes { stage } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      stages.push(...data.partnerships.nodes.map((p: any) => p.stage));
      after = data.partnerships.pageInfo.hasNextPage ? data.partnerships.pageInfo.endCursor : null;
    } while (after);
    expect(stages).toEqual([
      ...Array(2).fill("CONTACT"),
      "NEGOTIATING",
      ...Array(9).fill("ESTABLISHED"),
    ]);
  });

  it("reads a partnership with its stage history", async () => {
    const { data } = await hub.gql(
      `query($id: ID!) { partnership(id: $id) {
        kind stage homeCity { nameZh } partnerCity { nameEn country { code } } stageHistory { from to on onPrecision note } } }`,
      { id: factId("partnership-qiqihar-visaginas-sister") },
    );
    expect(data!.partnership).toMatchObject({
      kind: "SISTER_CITY",
      stage: "NEGOTIATING",
      homeCity: { nameZh: "齐齐哈尔" },
      partnerCity: { nameEn: "Visaginas", country: { code: "LT" } },
      // The article gives no year: the step has no date rather than a guessed one.
      stageHistory: [{ from: null, to: "NEGOTIATING", on: null, onPrecision: null }],
    });
    expect(data!.partnership.stageHistory[0].note).toContain("维萨基纳斯");
  });

  it("shows a city's partnerships on both sides", async () => {
    const { data } = await hub.gql(
      `query($a: ID!, $b: ID!) {
        a: city(id: $a) { partnerships { homeCity { nameEn } partnerCity { nameEn } } }
        b: city(id: $b) { partnerships { homeCity { nameEn } partnerCity { nameEn } } } }`,
      { a: MISKOLC, b: NANCHANG },
    );
    expect(data!.a.partnerships).toEqual([
      { homeCity: { nameEn: "Nanchang" }, partnerCity: { nameEn: "Miskolc" } },
    ]);
    expect(data!.b.partnerships).toHaveLength(9);
  });

  it("refuses malformed filters", async () => {
    const query = `query($filter: PartnershipFilter) { partnerships(filter: $filter) { totalCount } }`;
    for (const [filter, field] of [
      [{ homeCityId: "nanchang" }, "filter.homeCityId"],
      [{ partnerCountryCode: "HUN" }, "filter.partnerCountryCode"],
    ] as const) {
      const { errors } = await hub.gql(query, { filter });
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});

const CREATE = `mutation($input: PartnershipInput!) {
  createPartnership(input: $input) { id version kind stage establishedOn notes
    partnerCity { nameEn } stageHistory { from to on note } } }`;

describe("writing partnerships", () => {
  it("creates a partnership with its first stage change, updates it, and deletes it", async () => {
    const [{ today }] = await hub.db.query(`SELECT CURRENT_DATE::text AS today`);
    const created = await hub.gql(CREATE, {
      input: {
        homeCityId: QIQIHAR,
        partnerCityId: VARKAUS,
        kind: "FRIENDLY_EXCHANGE",
        stageNote: "首次接触",
      },
    });
    const partnership = created.data!.createPartnership;
    expect(partnership).toMatchObject({
      version: 1,
      kind: "FRIENDLY_EXCHANGE",
      stage: "PROSPECT",
      establishedOn: null,
      partnerCity: { nameEn: "Varkaus" },
      stageHistory: [{ from: null, to: "PROSPECT", on: today, note: "首次接触" }],
    });

    const varkaus = await hub.gql(
      `query($id: ID!) { city(id: $id) { partnerships { homeCity { nameEn } } } }`,
      {
        id: VARKAUS,
      },
    );
    expect(varkaus.data!.city.partnerships.map((p: any) => p.homeCity.nameEn).sort()).toEqual([
      "Nanchang",
      "Qiqihar",
    ]);

    const updated = await hub.gql(
      `mutation($id: ID!, $v: Int!) { updatePartnership(id: $id, version: $v, input: { kind: SISTER_CITY, notes: "商榷中" }) {
        version kind stage notes } }`,
      { id: partnership.id, v: 1 },
    );
    expect(updated.data!.updatePartnership).toEqual({
      version: 2,
      kind: "SISTER_CITY",
      stage: "PROSPECT",
      notes: "商榷中",
    });

    await hub.expectRefused(
      `mutation($id: ID!) { updatePartnership(id: $id, version: 1, input: { notes: "stale" }) { id } }`,
      { id: partnership.id },
      { code: "CONFLICT", field: "version" },
    );

    const deleted = await hub.gql(`mutation($id: ID!) { deletePartnership(id: $id) }`, {
      id: partnership.id,
    });
    expect(deleted.data!.deletePartnership).toBe(partnership.id);
    const [{ left }] = await hub.db.query(
      `SELECT count(*)::int AS left FROM stage_change WHERE partnership_id = $1`,
      [partnership.id],
    );
    expect(left).toBe(0);
  });

  it("starts the history on establishedOn when one is given", async () => {
    const { data } = await hub.gql(CREATE, {
      input: {
        homeCityId: QIQIHAR,
        partnerCityId: MISKOLC,
        kind: "SISTER_CITY",
        stage: "ESTABLISHED",
        establishedOn: "2019-06-01",
      },
    });
    expect(data!.createPartnership).toMatchObject({
      stage: "ESTABLISHED",
      establishedOn: "2019-06-01",
      stageHistory: [{ from: null, to: "ESTABLISHED", on: "2019-06-01", note: null }],
    });
  });

  it("refuses a Chinese partner city and writes nothing", async () => {
    await hub.expectRefused(
      CREATE,
      { input: { homeCityId: NANCHANG, partnerCityId: QIQIHAR, kind: "SISTER_CITY" } },
      { code: "BAD_USER_INPUT", field: "input.partnerCityId" },
    );
  });

  it("refuses a foreign home city and an unknown partner city", async () => {
    await hub.expectRefused(
      CREATE,
      { input: { homeCityId: VARKAUS, partnerCityId: MISKOLC, kind: "SISTER_CITY" } },
      { code: "BAD_USER_INPUT", field: "input.homeCityId" },
    );
    await hub.expectRefused(
      CREATE,
      {
        input: {
          homeCityId: NANCHANG,
          partnerCityId: factId("city-atlantis"),
          kind: "SISTER_CITY",
        },
      },
      { code: "BAD_USER_INPUT", field: "input.partnerCityId" },
    );
  });

  it("refuses a second partnership of the same kind between the same cities", async () => {
    await hub.expectRefused(
      CREATE,
      { input: { homeCityId: NANCHANG, partnerCityId: MISKOLC, kind: "SISTER_CITY" } },
      { code: "CONFLICT", field: "input.partnerCityId" },
    );
  });
});

describe("advancePartnership", () => {
  const ADVANCE = `mutation($id: ID!, $stage: PartnershipStage!, $on: Date!, $note: String, $version: Int) {
    advancePartnership(id: $id, stage: $stage, on: $on, note: $note, version: $version) {
      version stage establishedOn stageHistory { from to on note } } }`;
  const miskolc = factId("partnership-nanchang-miskolc-sister");

  it("moves Miskolc from CONTACT through NEGOTIATING to ESTABLISHED, keeping the whole history", async () => {
    const negotiating = await hub.gql(ADVANCE, {
      id: miskolc,
      stage: "NEGOTIATING",
      on: "2012-05-10",
      note: "意向书",
    });
    expect(negotiating.data!.advancePartnership).toMatchObject({
      version: 2,
      stage: "NEGOTIATING",
      establishedOn: null,
    });
    const established = await hub.gql(ADVANCE, {
      id: miskolc,
      stage: "ESTABLISHED",
      on: "2012-11-20",
      version: 2,
    });
    expect(established.data!.advancePartnership).toEqual({
      version: 3,
      stage: "ESTABLISHED",
      establishedOn: "2012-11-20",
      stageHistory: [
        {
          from: null,
          to: "CONTACT",
          on: "2011-01-01",
          note: "2011年为拓展新的友城关系开展了联系（仅知年份）",
        },
        { from: "CONTACT", to: "NEGOTIATING", on: "2012-05-10", note: "意向书" },
        { from: "NEGOTIATING", to: "ESTABLISHED", on: "2012-11-20", note: null },
      ],
    });
    const suspended = await hub.gql(ADVANCE, { id: miskolc, stage: "SUSPENDED", on: "2015-01-01" });
    expect(suspended.data!.advancePartnership).toMatchObject({
      stage: "SUSPENDED",
      establishedOn: "2012-11-20",
    });
  });

  it("refuses a stale version, the current stage, a date before the last change and an unknown id", async () => {
    const stCharles = factId("partnership-nanchang-st-charles-sister");
    const refusals: [Record<string, unknown>, { code: string; field?: string }][] = [
      [
        { id: stCharles, stage: "NEGOTIATING", on: "2012-01-01", version: 7 },
        { code: "CONFLICT", field: "version" },
      ],
      [
        { id: stCharles, stage: "CONTACT", on: "2012-01-01" },
        { code: "BAD_USER_INPUT", field: "stage" },
      ],
      [
        { id: stCharles, stage: "NEGOTIATING", on: "2010-12-31" },
        { code: "BAD_USER_INPUT", field: "on" },
      ],
      [
        { id: factId("partnership-none"), stage: "NEGOTIATING", on: "2012-01-01" },
        { code: "NOT_FOUND", field: "id" },
      ],
      [
        { id: stCharles, stage: "NEGOTIATING", on: "2012-02-30" },
        { code: "BAD_USER_INPUT", field: "on" },
      ],
    ];
    for (const [variables, expected] of refusals)
      await hub.expectRefused(ADVANCE, variables, expected);
  });
});
