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

const CREATE = `mutation($input: LiaisonOfficeInput!) {
  createLiaisonOffice(input: $input) { id version name openedOn closedOn status contact
    ownerCity { nameZh } hostCountry { code } hostCity { nameZh } partnerOrganization { nameZh } }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: LiaisonOfficePatch!) {
  updateLiaisonOffice(id: $id, version: $version, input: $input) { version status closedOn }
}`;
const qiqihar = factId("city-qiqihar");
const nanchang = factId("city-nanchang");

describe("liaison offices on the seed", () => {
  it("lists Qiqihar's two offices, in the US and in Germany", async () => {
    const { data } = await hub.gql(
      `query($city: ID!) { liaisonOffices(filter: { ownerCityId: $city }) { totalCount nodes {
        name status openedOn closedOn ownerCity { nameZh } hostCountry { code nameZh } hostCity { nameZh } partnerOrganization { nameZh } } } }`,
      { city: qiqihar },
    );
    expect(data!.liaisonOffices.totalCount).toBe(2);
    const seed = facts.liaisonOffices.filter((l) => l.ownerCityKey === "city-qiqihar");
    expect(seed.map((l) => l.hostCountryCode).sort()).toEqual(["DE", "US"]);
    const nodes = data!.liaisonOffices.nodes;
    expect(nodes.map((n: any) => n.name).sort()).toEqual(seed.map((l) => l.name).sort());
    expect(nodes.map((n: any) => n.hostCountry.code).sort()).toEqual(["DE", "US"]);
    for (const node of nodes) {
      expect(node).toMatchObject({
        status: "ACTIVE",
        openedOn: null,
        closedOn: null,
        ownerCity: { nameZh: "齐齐哈尔" },
      });
      expect(node).toMatchObject({ hostCity: null, partnerOrganization: null });
    }
  });

  it("filters by host country and status", async () => {
    const { data } = await hub.gql(`{
      de: liaisonOffices(filter: { hostCountryCode: "de" }) { nodes { name hostCountry { nameEn } } }
      closed: liaisonOffices(filter: { status: CLOSED }) { totalCount }
    }`);
    expect(data!.de.nodes).toEqual([
      { name: "齐齐哈尔驻德国联络处", hostCountry: { nameEn: "Germany" } },
    ]);
    expect(data!.closed.totalCount).toBe(
      facts.liaisonOffices.filter((l) => l.status === "CLOSED").length,
    );
  });

  it("refuses a malformed host country or owner city in the filter", async () => {
    const bad = await hub.gql(
      `{ liaisonOffices(filter: { hostCountryCode: "DEU" }) { totalCount } }`,
    );
    expect(bad.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.hostCountryCode",
    });
    const badId = await hub.gql(
      `{ liaisonOffices(filter: { ownerCityId: "qiqihar" }) { totalCount } }`,
    );
    expect(badId.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.ownerCityId",
    });
  });
});

describe("writing liaison offices", () => {
  it("creates an office with its host city and partner; contact comes back as stored", async () => {
    const { data, errors } = await hub.gql(CREATE, {
      input: {
        name: "南昌驻派尼联络处",
        openedOn: "2011-09-01",
        contact: "peine@example.org",
        ownerCityId: nanchang,
        hostCountryCode: "de",
        hostCityId: factId("city-peine"),
        partnerOrganizationId: factId("org-peine-music-school"),
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createLiaisonOffice).toMatchObject({
      version: 1,
      openedOn: "2011-09-01",
      closedOn: null,
      status: "ACTIVE",
      contact: "peine@example.org",
      ownerCity: { nameZh: "南昌" },
      hostCountry: { code: "DE" },
      hostCity: { nameZh: "派尼地区" },
      partnerOrganization: { nameZh: "派尼地区音乐学校" },
    });
  });

  it("refuses reversed dates", async () => {
    const input = {
      name: "倒序联络处",
      openedOn: "2020-06-01",
      closedOn: "2019-06-01",
      status: "CLOSED",
      ownerCityId: qiqihar,
      hostCountryCode: "US",
    };
    await expectRefused(CREATE, { input }, "BAD_USER_INPUT", "input.closedOn");
  });

  it("refuses a closing date on an office that is not CLOSED", async () => {
    const input = {
      name: "未关闭",
      closedOn: "2019-06-01",
      ownerCityId: qiqihar,
      hostCountryCode: "US",
    };
    await expectRefused(CREATE, { input }, "BAD_USER_INPUT", "input.status");
  });

  it("refuses a foreign owner city, a host city outside the host country and unknown codes", async () => {
    const base = { name: "联络处", ownerCityId: qiqihar, hostCountryCode: "US" };
    await expectRefused(
      CREATE,
      { input: { ...base, ownerCityId: factId("city-peine") } },
      "BAD_USER_INPUT",
      "input.ownerCityId",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, hostCityId: factId("city-peine") } },
      "BAD_USER_INPUT",
      "input.hostCityId",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, hostCountryCode: "QQ" } },
      "BAD_USER_INPUT",
      "input.hostCountryCode",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, hostCountryCode: "USA" } },
      "BAD_USER_INPUT",
      "input.hostCountryCode",
    );
    await expectRefused(
      CREATE,
      { input: { ...base, partnerOrganizationId: "00000000-0000-4000-8000-000000000000" } },
      "BAD_USER_INPUT",
      "input.partnerOrganizationId",
    );
  });

  it("closes an office with the current version, refuses a stale one, and deletes it", async () => {
    const created = await hub.gql(CREATE, {
      input: {
        name: "齐齐哈尔驻捷克联络处",
        openedOn: "2018-04-01",
        ownerCityId: qiqihar,
        hostCountryCode: "CZ",
      },
    });
    const { id, version } = created.data!.createLiaisonOffice;
    const closed = await hub.gql(UPDATE, {
      id,
      version,
      input: { status: "CLOSED", closedOn: "2023-12-31" },
    });
    expect(closed.data!.updateLiaisonOffice).toEqual({
      version: version + 1,
      status: "CLOSED",
      closedOn: "2023-12-31",
    });
    const { data } = await hub.gql(
      `{ liaisonOffices(filter: { status: CLOSED }) { nodes { name } } }`,
    );
    expect(data!.liaisonOffices.nodes).toEqual([{ name: "齐齐哈尔驻捷克联络处" }]);

    await expectRefused(
      UPDATE,
      { id, version, input: { status: "ACTIVE" } },
      "CONFLICT",
      "version",
    );
    await expectRefused(
      UPDATE,
      { id, version: version + 1, input: { closedOn: "2017-01-01" } },
      "BAD_USER_INPUT",
      "input.closedOn",
    );

    const deleted = await hub.gql(`mutation($id: ID!) { deleteLiaisonOffice(id: $id) }`, { id });
    expect(deleted.data!.deleteLiaisonOffice).toBe(id);
    const read = await hub.gql(`query($id: ID!) { liaisonOffice(id: $id) { id } }`, { id });
    expect(read.data!.liaisonOffice).toBeNull();
  });

  it("reads offices' links in one statement per level", async () => {
    let result: any;
    const statements = await hub.countStatements(async () => {
      result = await hub.gql(`{ liaisonOffices(first: 100) { nodes {
        ownerCity { nameZh } hostCountry { code } hostCity { nameZh country { code } } partnerOrganization { nameZh }
      } } }`);
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.liaisonOffices.nodes.length).toBeGreaterThanOrEqual(
      facts.liaisonOffices.length,
    );
    // the list; cities (owner and host together), countries, organizations; host cities' countries
    expect(statements).toBeLessThanOrEqual(5);
  });
});
