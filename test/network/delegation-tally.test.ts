// delegationStats read from the running totals (delegation_tally) must say what the delegations
// themselves say, before and after every kind of write. A filter starting on 1000-01-02 picks
// every dated delegation but is not a whole year, so it makes the hub count the rows instead;
// the totals are asked for the dated ones alike, and the undated ones are checked apart.
import { Role } from "../../src/core/actor";
import { factId } from "../../src/seed/seed";
import { Random } from "../support/document-generator";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const nanchang = factId("city-nanchang");
const qiqihar = factId("city-qiqihar");

const STATS = `query($filter: DelegationFilter, $groupBy: [DelegationGroupBy!]!) {
  delegationStats(filter: $filter, groupBy: $groupBy) { key batches personTimes sizeUnknownBatches } }`;
const CREATE = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: DelegationPatch!) {
  updateDelegation(id: $id, version: $version, input: $input) { id version } }`;
const DELETE = `mutation($id: ID!) { deleteDelegation(id: $id) }`;

const COUNTED_FROM_ROWS = { from: "1000-01-02" };

type Stat = { key: string[]; batches: number; personTimes: number; sizeUnknownBatches: number };

async function stats(groupBy: string[], filter: Record<string, unknown> = {}): Promise<Stat[]> {
  const { data, errors } = await hub.gql(STATS, { groupBy, filter });
  expect(errors).toBeUndefined();
  return data!.delegationStats;
}

/** The questions the tally answers, each with a filter of one dimension at most. */
const QUESTIONS: [string[], Record<string, unknown>][] = [
  [[], {}],
  [["YEAR"], {}],
  [["DIRECTION", "YEAR"], { direction: "INBOUND" }],
  [["COUNTRY"], {}],
  [["REGION", "YEAR"], {}],
  [["PURPOSE"], { direction: "OUTBOUND" }],
  [["HOME_CITY"], {}],
  [["YEAR"], { homeCityId: qiqihar }],
  [["DIRECTION"], { counterpartCountryCode: "us" }],
  [["YEAR"], { region: "EUROPE" }],
  [["YEAR", "DIRECTION"], { purpose: "TRADE_INVESTMENT" }],
  [["COUNTRY"], { region: "ASIA" }],
];

const LIST = `query($filter: DelegationFilter) {
  delegations(filter: $filter, first: 500) { totalCount nodes { id } } }`;

/** A list's totalCount (from the totals where they answer) and the rows of its one page. */
async function listed(filter: Record<string, unknown>) {
  const { data, errors } = await hub.gql(LIST, { filter });
  expect(errors).toBeUndefined();
  return { total: data!.delegations.totalCount, rows: data!.delegations.nodes.length };
}

async function expectTallyToMatchRows(): Promise<void> {
  for (const [groupBy, filter] of QUESTIONS) {
    const fromTally = await stats(groupBy, { ...filter, dated: true });
    expect({ groupBy, filter, stats: fromTally }).toEqual({
      groupBy,
      filter,
      stats: await stats(groupBy, { ...filter, ...COUNTED_FROM_ROWS }),
    });
    for (const asked of [filter, { ...filter, dated: true }, { ...filter, dated: false }]) {
      const { total, rows } = await listed(asked);
      expect({ asked, total }).toEqual({ asked, total: rows });
    }
  }
}

it("answers every question as counting the seed's delegations does", async () => {
  const [total] = await stats([]);
  expect(total).toMatchObject({ batches: 21, personTimes: 47, sizeUnknownBatches: 20 });
  await expectTallyToMatchRows();
});

it("is what answers whole-year questions", async () => {
  const before = await stats(["YEAR"], { dated: true });
  await hub.db.query(`UPDATE delegation_tally SET batches = batches + 1000
    WHERE dimension = 'NONE' AND start_year = 2011 AND direction = 'INBOUND'`);
  try {
    const skewed = await stats(["YEAR"], { dated: true });
    const year2011 = (rows: Stat[]) => rows.find((row) => row.key[0] === "2011")!.batches;
    expect(year2011(skewed)).toBe(year2011(before) + 1000);
    expect(await stats(["YEAR"], COUNTED_FROM_ROWS)).toEqual(before);
  } finally {
    await hub.db.query(`UPDATE delegation_tally SET batches = batches - 1000
      WHERE dimension = 'NONE' AND start_year = 2011 AND direction = 'INBOUND'`);
  }
});

it("is what answers a list's totalCount when it can", async () => {
  const inbound = await listed({ direction: "INBOUND" });
  await hub.db.query(`UPDATE delegation_tally SET batches = batches + 1000
    WHERE dimension = 'NONE' AND start_year = 2011 AND direction = 'INBOUND'`);
  try {
    expect(await listed({ direction: "INBOUND" })).toEqual({
      ...inbound,
      total: inbound.total + 1000,
    });
    // A day that is not a whole year's first is counted from the rows.
    const fromRows = await listed({ direction: "INBOUND", ...COUNTED_FROM_ROWS });
    expect(fromRows.total).toBe(fromRows.rows);
  } finally {
    await hub.db.query(`UPDATE delegation_tally SET batches = batches - 1000
      WHERE dimension = 'NONE' AND start_year = 2011 AND direction = 'INBOUND'`);
  }
});

it("gives every generated filter the totalCount its rows give", async () => {
  const values: { cities: string[]; countries: string[]; purposes: string[]; years: number[] }[] =
    await hub.db.query(`SELECT array_agg(DISTINCT home_city_id::text) AS cities,
      array_agg(DISTINCT counterpart_country_code) FILTER (WHERE counterpart_country_code IS NOT NULL) AS countries,
      (SELECT array_agg(DISTINCT p) FROM delegation, unnest(purposes) p) AS purposes,
      array_agg(DISTINCT extract(year FROM start_date)::int) FILTER (WHERE start_date IS NOT NULL) AS years
      FROM delegation`);
  const [{ cities, countries, purposes, years }] = values;
  const random = new Random(16);
  const fields: [string, () => unknown][] = [
    ["direction", () => random.pick(["INBOUND", "OUTBOUND"])],
    ["homeCityId", () => random.pick(cities)],
    ["counterpartCountryCode", () => random.pick(countries)],
    ["purpose", () => random.pick(purposes)],
    ["from", () => `${random.pick(years)}-01-01`],
    ["to", () => `${random.pick(years)}-12-31`],
    ["dated", () => random.chance(0.5)],
  ];
  for (let i = 0; i < 80; i++) {
    const filter = Object.fromEntries(
      random.some(fields, 3).map(([field, value]) => [field, value()]),
    );
    const { total, rows } = await listed(filter);
    expect({ filter, total }).toEqual({ filter, total: rows });
  }
});

it("follows creates, updates and deletes, including visits over New Year", async () => {
  const { data } = await hub.gql(CREATE, {
    input: {
      direction: "INBOUND",
      name: "跨年访问团",
      size: 7,
      startDate: "2030-12-30",
      endDate: "2031-01-02",
      purposes: ["CULTURE", "EDUCATION"],
      homeCityId: nanchang,
      counterpartCountryCode: "FI",
    },
  });
  const visit = data!.createDelegation;
  expect(await stats(["YEAR"], { from: "2031-01-01", to: "2031-12-31" })).toEqual([
    { key: ["2030"], batches: 1, personTimes: 7, sizeUnknownBatches: 0 },
  ]);
  await expectTallyToMatchRows();

  const moved = await hub.gql(UPDATE, {
    id: visit.id,
    version: visit.version,
    input: {
      size: 9,
      startDate: "2031-03-01",
      endDate: "2031-03-04",
      purposes: ["TRADE_INVESTMENT"],
    },
  });
  expect(moved.errors).toBeUndefined();
  expect(await stats(["PURPOSE"], { from: "2031-01-01" })).toEqual([
    { key: ["TRADE_INVESTMENT"], batches: 1, personTimes: 9, sizeUnknownBatches: 0 },
  ]);
  await expectTallyToMatchRows();

  expect((await hub.gql(DELETE, { id: visit.id })).errors).toBeUndefined();
  expect(await stats(["YEAR"], { from: "2030-01-01" })).toEqual([]);
  await expectTallyToMatchRows();
});

it("keeps undated visits in no year but in every total, through creates, updates and deletes", async () => {
  const UNDATED = `query($filter: DelegationFilter, $groupBy: [DelegationGroupBy!]!) {
    delegationStats(filter: $filter, groupBy: $groupBy) { key batches personTimes undatedBatches } }`;
  const ask = async (groupBy: string[], filter: object = {}) =>
    (await hub.gql(UNDATED, { groupBy, filter })).data!.delegationStats;
  const unknownYear = async (filter: object = {}) =>
    (await ask(["YEAR"], filter)).find((s: any) => s.key[0] === "UNKNOWN");
  const [before] = await ask([]);
  expect(await unknownYear()).toEqual({
    key: ["UNKNOWN"],
    batches: 4,
    personTimes: 47,
    undatedBatches: 4,
  });

  const { data } = await hub.gql(CREATE, {
    input: { direction: "OUTBOUND", name: "日期不详出访团", size: 2, homeCityId: nanchang },
  });
  const visit = data!.createDelegation;
  expect(await ask([])).toEqual([
    {
      key: [],
      batches: before.batches + 1,
      personTimes: before.personTimes + 2,
      undatedBatches: before.undatedBatches + 1,
    },
  ]);
  expect(await unknownYear({ homeCityId: nanchang })).toEqual({
    key: ["UNKNOWN"],
    batches: 1,
    personTimes: 2,
    undatedBatches: 1,
  });
  expect(await ask(["DIRECTION"], { dated: false, homeCityId: nanchang })).toEqual([
    { key: ["OUTBOUND"], batches: 1, personTimes: 2, undatedBatches: 1 },
  ]);
  await expectTallyToMatchRows();

  const dated = await hub.gql(UPDATE, {
    id: visit.id,
    version: visit.version,
    input: { startDate: "2034-04-01" },
  });
  expect(dated.errors).toBeUndefined();
  expect(await unknownYear({ homeCityId: nanchang })).toBeUndefined();
  expect(await ask(["YEAR"], { from: "2034-01-01" })).toEqual([
    { key: ["2034"], batches: 1, personTimes: 2, undatedBatches: 0 },
  ]);
  await expectTallyToMatchRows();

  const undated = await hub.gql(UPDATE, {
    id: visit.id,
    version: dated.data!.updateDelegation.version,
    input: { startDate: null },
  });
  expect(undated.errors).toBeUndefined();
  expect(await ask(["YEAR"], { from: "2034-01-01" })).toEqual([]);
  expect((await unknownYear({ homeCityId: nanchang })).batches).toBe(1);

  expect((await hub.gql(DELETE, { id: visit.id })).errors).toBeUndefined();
  expect(await ask([])).toEqual([before]);
  await expectTallyToMatchRows();
});

it("counts a visit's purpose once however often the record repeats it", async () => {
  const { data, errors } = await hub.gql(CREATE, {
    input: {
      direction: "OUTBOUND",
      name: "重复目的访问团",
      size: 3,
      startDate: "2032-05-01",
      purposes: ["CULTURE", "CULTURE"],
      homeCityId: qiqihar,
    },
  });
  expect(errors).toBeUndefined();
  const filter = { from: "2032-01-01", to: "2032-12-31" };
  const expected = [{ key: ["CULTURE"], batches: 1, personTimes: 3, sizeUnknownBatches: 0 }];
  expect(await stats(["PURPOSE"], filter)).toEqual(expected);
  expect(await stats(["PURPOSE"], { ...filter, from: "2032-01-02" })).toEqual(expected);
  await hub.gql(DELETE, { id: data!.createDelegation.id });
});

it("leaves the totals untouched when a write is refused after it ran", async () => {
  const { data } = await hub.gql(CREATE, {
    input: {
      direction: "INBOUND",
      name: "南昌访问团",
      size: 4,
      startDate: "2033-05-02",
      homeCityId: nanchang,
    },
  });
  const visit = data!.createDelegation;
  const before = await databaseDigest(hub.db);
  // Nanchang's editor may not hand the visit to Qiqihar: checked after the update has run.
  const moved = await hub.gql(
    UPDATE,
    { id: visit.id, version: visit.version, input: { homeCityId: qiqihar } },
    await hub.token(Role.EDITOR, [nanchang]),
  );
  expect(moved.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  expect(await databaseDigest(hub.db)).toBe(before);
  await hub.gql(DELETE, { id: visit.id });
});
