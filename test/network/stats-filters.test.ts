// delegationStats under every field of the delegations' filter, on generated visits and filters
// generated from their values: the statistics (from the running totals when they can answer,
// else from the rows) say what counting the delegations the list gives says. Both read the one
// declaration of each field (DelegationFilterFields); the totals answer whole years only, and
// know nothing of partnerships or approvals.
import { DelegationFilter, DelegationFilterFields } from "../../src/modules/delegation";
import { delegationGroups } from "../../src/modules/network/delegation-groups";
import { DelegationGroupBy } from "../../src/modules/network/stats.types";
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { Random } from "../../src/seed/synthetic/random";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
const random = new Random(process.env.STATS_FILTER_SEED ?? "stats-filters");

const HOME_CITIES = ["city-nanchang", "city-qiqihar", "city-tongchuan"];
const COUNTRIES = ["US", "DE", "JP", "FI", "KR", "FR", "AU", "BR", "EG", "HK"];
const PURPOSES = ["GOVERNMENT", "TRADE_INVESTMENT", "CULTURE", "EDUCATION", "YOUTH", "HEALTH"];
const GROUPINGS = Object.values(DelegationGroupBy);
const regionOf = new Map(facts.countries.map((c) => [c.code, c.region]));

interface Listed {
  startDate: string | null;
  endDate: string | null;
  direction: string;
  counterpartCountryCode: string | null;
  purposes: string[];
  homeCityId: string;
  partnershipId: string | null;
  approval: string | null;
  size: number | null;
}

const LISTED_FIELDS = `startDate endDate direction counterpartCountryCode purposes homeCityId
  partnershipId approval size`;
const LIST = `query($filter: DelegationFilter) {
  delegations(first: 500, filter: $filter) { totalCount nodes { ${LISTED_FIELDS} } } }`;
const STATS = `query($filter: DelegationFilter, $groupBy: [DelegationGroupBy!]!) {
  delegationStats(filter: $filter, groupBy: $groupBy) {
    key batches personTimes sizeUnknownBatches undatedBatches } }`;
const CREATE = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`;

const dayOf = (year: number, day: number) =>
  new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);

function generatedVisit(i: number) {
  const homeCityKey = random.pick(HOME_CITIES);
  const direction = random.pick(["INBOUND", "OUTBOUND"]);
  const year = random.int(2009, 2013);
  const first = random.int(0, 364);
  const partnerships = facts.partnerships.filter((p) => p.homeCityKey === homeCityKey);
  const dated = random.chance(0.85);
  return {
    direction,
    name: `生成访问团 ${i}`,
    size: random.chance(0.8) ? random.int(1, 30) : null,
    // Some visits run over New Year, so that a year's totals and its dates differ.
    startDate: dated ? dayOf(year, first) : null,
    endDate: dated ? dayOf(year, first + random.geometric(8, 0, 60)) : null,
    purposes: PURPOSES.filter(() => random.chance(0.25)),
    homeCityId: factId(homeCityKey),
    counterpartCountryCode: random.chance(0.9) ? random.pick(COUNTRIES) : null,
    partnershipId:
      partnerships.length && random.chance(0.3) ? factId(random.pick(partnerships).key) : null,
    approval:
      direction === "OUTBOUND" && random.chance(0.5) ? random.pick(["APPROVED", "REJECTED"]) : null,
  };
}

async function listed(filter: object): Promise<Listed[]> {
  const { data, errors } = await hub.gql(LIST, { filter });
  expect(errors).toBeUndefined();
  return data!.delegations.nodes;
}

let all: Listed[];
beforeAll(async () => {
  hub = await startTestHub();
  for (let i = 0; i < 60; i++) {
    const { errors } = await hub.gql(CREATE, { input: generatedVisit(i) });
    expect(errors).toBeUndefined();
  }
  all = await listed({});
}, 60_000);
afterAll(() => hub.close());

const someOf = <T>(values: (T | null)[]) => random.pick(values.filter((v): v is T => v !== null));
const aYear = () => random.int(2008, 2014);

/** A value of each filter field, drawn from the delegations; a period whole years or not. */
const VALUES: { [K in keyof DelegationFilter]-?: () => unknown } = {
  homeCityId: () => someOf(all.map((d) => d.homeCityId)),
  direction: () => random.pick(["INBOUND", "OUTBOUND"]),
  counterpartCountryCode: () => {
    const code = someOf(all.map((d) => d.counterpartCountryCode));
    return random.chance(0.3) ? code.toLowerCase() : code;
  },
  region: () => regionOf.get(someOf(all.map((d) => d.counterpartCountryCode))),
  from: () => (random.chance(0.5) ? `${aYear()}-01-01` : someOf(all.map((d) => d.startDate))),
  to: () => (random.chance(0.5) ? `${aYear()}-12-31` : someOf(all.map((d) => d.endDate))),
  dated: () => random.chance(0.5),
  purpose: () => random.pick(PURPOSES),
  partnershipId: () => someOf(all.map((d) => d.partnershipId)),
  approval: () => random.pick(["PENDING", "APPROVED", "REJECTED"]),
};
const FIELDS = Object.keys(VALUES) as (keyof DelegationFilter)[];

/** Each listed delegation's values for every groupBy; PURPOSE has one a purpose. */
const KEYS: Record<DelegationGroupBy, (d: Listed) => string[]> = {
  YEAR: (d) => [d.startDate?.slice(0, 4) ?? "UNKNOWN"],
  DIRECTION: (d) => [d.direction],
  COUNTRY: (d) => [d.counterpartCountryCode ?? "UNKNOWN"],
  REGION: (d) => [regionOf.get(d.counterpartCountryCode ?? "") ?? "UNKNOWN"],
  PURPOSE: (d) => (d.purposes.length ? [...new Set(d.purposes)] : ["UNKNOWN"]),
  HOME_CITY: (d) => [d.homeCityId],
};

interface Stat {
  key: string[];
  batches: number;
  personTimes: number;
  sizeUnknownBatches: number;
  undatedBatches: number;
}

/** The statistics counted here from the delegations the list gives. */
function counted(rows: Listed[], groupBy: DelegationGroupBy[]) {
  const groups = new Map<string, Stat>();
  const zero = (key: string[]): Stat => ({
    key,
    batches: 0,
    personTimes: 0,
    sizeUnknownBatches: 0,
    undatedBatches: 0,
  });
  // With no grouping, one row of totals even of nothing.
  if (groupBy.length === 0) groups.set("[]", zero([]));
  for (const d of rows) {
    const keys = groupBy.reduce<string[][]>(
      (partial, by) => partial.flatMap((key) => KEYS[by](d).map((value) => [...key, value])),
      [[]],
    );
    for (const key of keys) {
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? zero(key);
      group.batches += 1;
      group.personTimes += d.size ?? 0;
      group.sizeUnknownBatches += d.size === null ? 1 : 0;
      group.undatedBatches += d.startDate === null ? 1 : 0;
      groups.set(id, group);
    }
  }
  return [...groups.values()];
}

function generatedQuestion(): { filter: Record<string, unknown>; groupBy: DelegationGroupBy[] } {
  const asked = FIELDS.filter(() => random.chance(0.22));
  const filter = Object.fromEntries(asked.map((field) => [field, VALUES[field]()]));
  const groupBy = GROUPINGS.filter(() => random.chance(0.2));
  return { filter, groupBy };
}

const fromTally = (filter: DelegationFilter, groupBy: DelegationGroupBy[]) =>
  delegationGroups(filter, groupBy, { sql: "", params: [] }, (target) =>
    hub.db.getMetadata(target),
  ).sql.includes("delegation_tally");

it("declares every field it generates values of", () => {
  expect(FIELDS.sort()).toEqual(Object.keys(DelegationFilterFields).sort());
});

it("counts, for generated filters of every field, what the listed delegations say", async () => {
  const answered = { tally: new Set<string>(), rows: new Set<string>() };
  let refused = 0;
  for (let i = 0; i < 200; i++) {
    const { filter, groupBy } = generatedQuestion();
    const question = { filter, groupBy };
    const stats = await hub.gql(STATS, question);
    if (filter.from && filter.to && filter.to < filter.from) {
      // A reversed period is refused alike by the list and its statistics.
      const list = await hub.gql(LIST, { filter });
      for (const errors of [stats.errors, list.errors]) {
        expect(errors?.[0]?.extensions).toMatchObject({
          code: "BAD_USER_INPUT",
          field: "filter.to",
        });
      }
      refused += 1;
      continue;
    }
    expect({ question, errors: stats.errors }).toEqual({ question, errors: undefined });
    const expected = counted(await listed(filter), groupBy);
    const byKey = (rows: { key: string[] }[]) =>
      rows.sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
    expect({ question, stats: byKey(stats.data!.delegationStats) }).toEqual({
      question,
      stats: byKey(expected),
    });
    const source = fromTally(filter, groupBy) ? answered.tally : answered.rows;
    Object.keys(filter).forEach((field) => source.add(field));
  }
  expect(refused).toBeGreaterThan(0);
  expect([...answered.rows].sort()).toEqual([...FIELDS].sort());
  // What the totals can read; a partnership or an approval only the rows know.
  expect([...answered.tally].sort()).toEqual(
    FIELDS.filter((field) => field !== "partnershipId" && field !== "approval").sort(),
  );
}, 120_000);
