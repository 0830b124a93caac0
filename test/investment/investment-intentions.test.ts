import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const expectRefused = (
  query: string,
  variables: Record<string, unknown>,
  code: string,
  field?: string,
) => hub.expectRefused(query, variables, { code, ...(field && { field }) });

const projects = (nodes: { project: string }[]) => nodes.map((n) => n.project).sort();
const seedProjects = (keep: (i: (typeof facts.investments)[number]) => boolean) =>
  facts.investments
    .filter(keep)
    .map((i) => i.project)
    .sort();

const CREATE = `mutation($input: InvestmentIntentionInput!) {
  createInvestmentIntention(input: $input) { id version kind amount currency stage signedOn project
    investorPerson { nameZh } investorOrganization { nameZh } targetCity { nameZh } targetZone { nameZh kind } }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: InvestmentIntentionPatch!) {
  updateInvestmentIntention(id: $id, version: $version, input: $input) { version amount currency stage targetZone { nameZh } }
}`;
const nanchang = factId("city-nanchang");

describe("investment intentions on the seed", () => {
  it("reads 濮键's 1000000.00 CNY into 桑海开发区 exactly", async () => {
    const { data } = await hub.gql(
      `query($id: ID!) { investmentIntention(id: $id) { kind sector amount currency stage project
        investorPerson { nameZh } investorOrganization { nameZh } targetCity { nameZh } targetZone { nameZh kind } delegation { id } } }`,
      { id: factId("investment-nanchang-pu-jian-sanghai-biomedicine") },
    );
    expect(data!.investmentIntention).toEqual({
      kind: "INVESTMENT",
      sector: "生物医药",
      amount: "1000000.00",
      currency: "CNY",
      stage: "REALIZED",
      project: "在桑海开发区建立生物医药生产基地",
      investorPerson: { nameZh: "濮键" },
      investorOrganization: null,
      targetCity: { nameZh: "南昌" },
      targetZone: { nameZh: "桑海开发区", kind: "DEVELOPMENT_ZONE" },
      delegation: null,
    });
  });

  it("reads the delegation an intention was signed during", async () => {
    const { data } = await hub.gql(
      `query($id: ID!) { investmentIntention(id: $id) { amount delegation { name direction } } }`,
      { id: factId("investment-qiqihar-overseas-chinese-intention-1") },
    );
    expect(data!.investmentIntention).toEqual({
      amount: null,
      delegation: { name: "海外侨商来齐参观考察（47名）", direction: "INBOUND" },
    });
  });

  it("filters by investor, person or organization", async () => {
    const { data } = await hub.gql(
      `query($person: ID!, $foundation: ID!) {
        person: investmentIntentions(filter: { investorId: $person }) { nodes { project amount } }
        foundation: investmentIntentions(filter: { investorId: $foundation }) { totalCount nodes { project investorOrganization { nameZh } } }
      }`,
      { person: factId("person-pu-jian"), foundation: factId("org-hk-le-shan-xing-foundation") },
    );
    expect(data!.person.nodes).toEqual([
      { project: "在桑海开发区建立生物医药生产基地", amount: "1000000.00" },
    ]);
    const foundation = seedProjects(
      (i) => i.investorOrganizationKey === "org-hk-le-shan-xing-foundation",
    );
    expect(data!.foundation.totalCount).toBe(2);
    expect(projects(data!.foundation.nodes)).toEqual(foundation);
    expect(data!.foundation.nodes[0].investorOrganization).toEqual({ nameZh: "香港乐善行基金会" });
  });

  it("filters by target city, kind and stage as the seed has them", async () => {
    const { data } = await hub.gql(
      `query($city: ID!) {
        city: investmentIntentions(first: 100, filter: { targetCityId: $city }) { totalCount nodes { project } }
        donations: investmentIntentions(first: 100, filter: { kind: DONATION }) { totalCount nodes { project } }
        realizedHere: investmentIntentions(first: 100, filter: { targetCityId: $city, stage: REALIZED }) { nodes { project } }
      }`,
      { city: nanchang },
    );
    expect(data!.city.totalCount).toBe(4);
    expect(projects(data!.city.nodes)).toEqual(
      seedProjects((i) => i.targetCityKey === "city-nanchang"),
    );
    expect(projects(data!.donations.nodes)).toEqual(seedProjects((i) => i.kind === "DONATION"));
    expect(projects(data!.realizedHere.nodes)).toEqual(
      seedProjects((i) => i.targetCityKey === "city-nanchang" && i.stage === "REALIZED"),
    );
  });

  it("refuses a malformed investor id in the filter", async () => {
    const { errors } = await hub.gql(
      `{ investmentIntentions(filter: { investorId: "濮键" }) { totalCount } }`,
    );
    expect(errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.investorId",
    });
  });

  it("reads every intention's links in one statement per level", async () => {
    let result: any;
    const statements = await hub.countStatements(async () => {
      result = await hub.gql(`{ investmentIntentions(first: 100) { nodes {
        investorPerson { nameZh } investorOrganization { nameZh country { code } }
        targetCity { nameZh } targetZone { nameZh } delegation { name }
      } } }`);
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.investmentIntentions.nodes).toHaveLength(facts.investments.length);
    // the list; persons, organizations (investors and zones together), cities, delegations; countries
    expect(statements).toBeLessThanOrEqual(6);
  });
});

describe("writing investment intentions", () => {
  it("round-trips exact amounts, however large, and upper-cases the currency", async () => {
    for (const amount of ["1000000.00", "123456789012345678.99", "0.10"]) {
      const { data, errors } = await hub.gql(CREATE, {
        input: { kind: "INVESTMENT", amount, currency: "usd", targetCityId: nanchang },
      });
      expect(errors).toBeUndefined();
      expect(data!.createInvestmentIntention).toMatchObject({
        amount,
        currency: "USD",
        stage: "INTENTION",
      });
      const read = await hub.gql(`query($id: ID!) { investmentIntention(id: $id) { amount } }`, {
        id: data!.createInvestmentIntention.id,
      });
      expect(read.data!.investmentIntention.amount).toBe(amount);
    }
  });

  it("creates an intention by a person and an organization into a development zone", async () => {
    const { data, errors } = await hub.gql(CREATE, {
      input: {
        kind: "INVESTMENT",
        sector: "电子信息",
        amount: "5000000",
        currency: "EUR",
        stage: "SIGNED",
        signedOn: "2024-05-20",
        project: "高新区研发中心",
        investorPersonId: factId("person-lou-daming"),
        investorOrganizationId: factId("org-jiangxi-lude-industrial"),
        targetCityId: nanchang,
        targetZoneId: factId("org-nanchang-hightech-zone"),
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createInvestmentIntention).toMatchObject({
      version: 1,
      amount: "5000000.00",
      currency: "EUR",
      stage: "SIGNED",
      signedOn: "2024-05-20",
      investorPerson: { nameZh: "楼大明" },
      investorOrganization: { nameZh: "江西露德实业有限公司" },
      targetCity: { nameZh: "南昌" },
      targetZone: { nameZh: "南昌高新技术产业开发区", kind: "DEVELOPMENT_ZONE" },
    });
  });

  it("refuses a negative amount", async () => {
    const input = { kind: "INVESTMENT", amount: "-5.00", currency: "CNY", targetCityId: nanchang };
    await expectRefused(CREATE, { input }, "BAD_USER_INPUT", "input.amount");
  });

  it("refuses an amount without a currency, or a currency that is not ISO 4217", async () => {
    await expectRefused(
      CREATE,
      { input: { kind: "TRADE", amount: "10.00", targetCityId: nanchang } },
      "BAD_USER_INPUT",
      "input.currency",
    );
    for (const currency of ["US", "US$", "EURO"]) {
      const input = { kind: "TRADE", amount: "10.00", currency, targetCityId: nanchang };
      await expectRefused(CREATE, { input }, "BAD_USER_INPUT", "input.currency");
    }
  });

  it("refuses a target zone that is not a development zone, or not an organization", async () => {
    for (const zone of [
      factId("org-jiangxi-xiejinhui"),
      factId("person-pu-jian"),
      "00000000-0000-4000-8000-000000000000",
    ]) {
      const input = { kind: "INVESTMENT", targetCityId: nanchang, targetZoneId: zone };
      await expectRefused(CREATE, { input }, "BAD_USER_INPUT", "input.targetZoneId");
    }
  });

  it("refuses unknown investors, target cities and delegations", async () => {
    const nowhere = "00000000-0000-4000-8000-000000000000";
    const base = { kind: "INVESTMENT", targetCityId: nanchang };
    await expectRefused(
      CREATE,
      { input: { ...base, investorPersonId: nowhere } },
      "BAD_USER_INPUT",
      "input.investorPersonId",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, investorOrganizationId: nowhere } },
      "BAD_USER_INPUT",
      "input.investorOrganizationId",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, targetCityId: nowhere } },
      "BAD_USER_INPUT",
      "input.targetCityId",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, delegationId: nowhere } },
      "BAD_USER_INPUT",
      "input.delegationId",
    );
  });

  it("updates with the current version, moves and clears the zone, and refuses a stale version", async () => {
    const created = await hub.gql(CREATE, {
      input: {
        kind: "INVESTMENT",
        amount: "100.00",
        currency: "CNY",
        targetCityId: nanchang,
        targetZoneId: factId("org-nanchang-etdz"),
      },
    });
    const { id, version } = created.data!.createInvestmentIntention;
    const moved = await hub.gql(UPDATE, {
      id,
      version,
      input: { amount: "250.50", stage: "REALIZED", targetZoneId: factId("org-sanghai-zone") },
    });
    expect(moved.data!.updateInvestmentIntention).toEqual({
      version: version + 1,
      amount: "250.50",
      currency: "CNY",
      stage: "REALIZED",
      targetZone: { nameZh: "桑海开发区" },
    });
    await expectRefused(
      UPDATE,
      { id, version: version + 1, input: { targetZoneId: factId("org-mfa") } },
      "BAD_USER_INPUT",
      "input.targetZoneId",
    );
    await expectRefused(
      UPDATE,
      { id, version: version + 1, input: { currency: null } },
      "BAD_USER_INPUT",
      "input.currency",
    );
    const cleared = await hub.gql(UPDATE, {
      id,
      version: version + 1,
      input: { targetZoneId: null },
    });
    expect(cleared.data!.updateInvestmentIntention).toMatchObject({
      version: version + 2,
      targetZone: null,
    });
    await expectRefused(
      UPDATE,
      { id, version, input: { stage: "WITHDRAWN" } },
      "CONFLICT",
      "version",
    );
  });

  it("deletes an intention", async () => {
    const created = await hub.gql(CREATE, { input: { kind: "DONATION", targetCityId: nanchang } });
    const { id } = created.data!.createInvestmentIntention;
    const deleted = await hub.gql(`mutation($id: ID!) { deleteInvestmentIntention(id: $id) }`, {
      id,
    });
    expect(deleted.data!.deleteInvestmentIntention).toBe(id);
    const read = await hub.gql(`query($id: ID!) { investmentIntention(id: $id) { id } }`, { id });
    expect(read.data!.investmentIntention).toBeNull();
  });
});
