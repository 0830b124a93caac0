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

const names = (nodes: { nameZh: string }[]) => nodes.map((n) => n.nameZh).sort();

const CREATE = `mutation($input: OrganizationInput!) {
  createOrganization(input: $input) { id version nameZh kind country { code } city { nameZh } members { nameZh } }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: OrganizationPatch!) {
  updateOrganization(id: $id, version: $version, input: $input) { version nameEn kind }
}`;
const DELETE = `mutation($id: ID!) { deleteOrganization(id: $id) }`;

describe("organizations on the seed", () => {
  it("filters by kind, country, city and name, exactly as the seed has them", async () => {
    const { data } = await hub.gql(
      `query($nanchang: ID!) {
        zones: organizations(first: 100, filter: { kind: DEVELOPMENT_ZONE }) { totalCount nodes { nameZh } }
        japanese: organizations(first: 100, filter: { countryCode: "jp" }) { nodes { nameZh } }
        nanchangSchools: organizations(first: 100, filter: { cityId: $nanchang, kind: SCHOOL }) { nodes { nameZh } }
        named: organizations(first: 100, filter: { nameContains: "Foundation" }) { nodes { nameZh } }
      }`,
      { nanchang: factId("city-nanchang") },
    );
    const seed = facts.organizations;
    expect(data!.zones.totalCount).toBe(seed.filter((o) => o.kind === "DEVELOPMENT_ZONE").length);
    expect(names(data!.zones.nodes)).toEqual(
      names(seed.filter((o) => o.kind === "DEVELOPMENT_ZONE")),
    );
    expect(names(data!.zones.nodes)).toContain("桑海开发区");
    expect(names(data!.japanese.nodes)).toEqual(names(seed.filter((o) => o.countryCode === "JP")));
    expect(names(data!.nanchangSchools.nodes)).toEqual(
      names(seed.filter((o) => o.cityKey === "city-nanchang" && o.kind === "SCHOOL")),
    );
    expect(names(data!.named.nodes)).toEqual(
      names(seed.filter((o) => o.nameEn.includes("Foundation"))),
    );
  });

  it("reads an organization's country, city, members and affiliations", async () => {
    const { data } = await hub.gql(
      `query($id: ID!) { organization(id: $id) { nameZh kind country { code } city { nameZh }
        members { nameZh } affiliations { role person { nameZh } } } }`,
      { id: factId("org-shanghai-overseas-chinese-chamber") },
    );
    expect(data!.organization).toEqual({
      nameZh: "上海侨商会",
      kind: "ASSOCIATION",
      country: { code: "CN" },
      city: { nameZh: "上海" },
      members: [{ nameZh: "濮键" }],
      affiliations: [{ role: "常务理事", person: { nameZh: "濮键" } }],
    });
  });

  it("refuses an invalid city id in the filter", async () => {
    const { errors } = await hub.gql(
      `{ organizations(filter: { cityId: "nanchang" }) { totalCount } }`,
    );
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.cityId" });
  });
});

describe("writing organizations", () => {
  it("creates, updates with the current version, refuses a stale one, and deletes", async () => {
    const created = await hub.gql(CREATE, {
      input: {
        nameZh: "福清侨商会",
        kind: "ASSOCIATION",
        countryCode: "cn",
        cityId: factId("city-fuqing"),
      },
    });
    expect(created.data!.createOrganization).toMatchObject({
      version: 1,
      kind: "ASSOCIATION",
      country: { code: "CN" },
      city: { nameZh: "福清" },
      members: [],
    });
    const { id, version } = created.data!.createOrganization;
    const updated = await hub.gql(UPDATE, {
      id,
      version,
      input: { nameEn: "Fuqing Overseas Chinese Chamber" },
    });
    expect(updated.data!.updateOrganization).toEqual({
      version: version + 1,
      nameEn: "Fuqing Overseas Chinese Chamber",
      kind: "ASSOCIATION",
    });
    await expectRefused(UPDATE, { id, version, input: { nameEn: "Stale" } }, "CONFLICT", "version");
    expect((await hub.gql(DELETE, { id })).data!.deleteOrganization).toBe(id);
    expect(
      (await hub.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id })).data!
        .organization,
    ).toBeNull();
  });

  it("refuses an unknown country or city and writes nothing", async () => {
    await expectRefused(
      CREATE,
      { input: { nameZh: "某公司", kind: "COMPANY", countryCode: "QQ" } },
      "BAD_USER_INPUT",
      "input.countryCode",
    );
    await expectRefused(
      CREATE,
      {
        input: {
          nameZh: "某公司",
          kind: "COMPANY",
          cityId: "00000000-0000-4000-8000-000000000000",
        },
      },
      "BAD_USER_INPUT",
      "input.cityId",
    );
  });

  it("refuses to delete an organization that people, investments or offices still name", async () => {
    for (const key of [
      "org-jiangxi-xiejinhui",
      "org-sanghai-zone",
      "org-hk-le-shan-xing-foundation",
    ]) {
      await expectRefused(DELETE, { id: factId(key) }, "CONFLICT");
    }
  });

  it("keeps a development zone that investments target, and lets an untargeted one change kind", async () => {
    const id = factId("org-sanghai-zone");
    const { data } = await hub.gql(`query($id: ID!) { organization(id: $id) { version } }`, { id });
    await expectRefused(
      UPDATE,
      { id, version: data!.organization.version, input: { kind: "COMPANY" } },
      "CONFLICT",
      "input.kind",
    );

    const zone = await hub.gql(CREATE, { input: { nameZh: "新开发区", kind: "DEVELOPMENT_ZONE" } });
    const changed = await hub.gql(UPDATE, {
      id: zone.data!.createOrganization.id,
      version: 1,
      input: { kind: "OTHER" },
    });
    expect(changed.data!.updateOrganization).toMatchObject({ version: 2, kind: "OTHER" });
  });
});
