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

const CREATE = `mutation($input: PersonInput!) {
  createPerson(input: $input) { id version nameZh categories contact residenceCountry { code } ancestralHome { nameZh }
    affiliations { role since organization { nameZh } person { nameZh } } }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: PersonPatch!) {
  updatePerson(id: $id, version: $version, input: $input) { version title affiliations { role organization { nameZh } } }
}`;
const AFFILIATIONS = `query($id: ID!) { person(id: $id) { version affiliations { role organization { nameZh } } } }`;

describe("people on the seed", () => {
  it("filters by category: exactly the seed's overseas Chinese businesspeople", async () => {
    const expected = facts.people.filter((p) =>
      p.categories.includes("OVERSEAS_CHINESE_BUSINESSPERSON"),
    );
    const { data } = await hub.gql(`{
      people(first: 100, filter: { category: OVERSEAS_CHINESE_BUSINESSPERSON }) { totalCount nodes { nameZh categories } }
    }`);
    expect(data!.people.totalCount).toBe(expected.length);
    expect(names(data!.people.nodes)).toEqual(names(expected));
    expect(expected.map((p) => p.nameZh)).toEqual(
      expect.arrayContaining(["濮键", "楼大明", "罗泰来"]),
    );
  });

  it("finds 楼大明 by part of his Chinese or English name, in any case", async () => {
    for (const q of ["大明", "DAMING", "lou da"]) {
      const { data } = await hub.gql(
        `query($q: String!) { people(filter: { nameContains: $q }) { nodes { nameZh nameEn title } } }`,
        { q },
      );
      expect(data!.people.nodes).toEqual([
        {
          nameZh: "楼大明",
          nameEn: "Lou Daming",
          title: "法国法中商贸会会长、江西露德实业有限公司董事长",
        },
      ]);
    }
    const { data } = await hub.gql(
      `{ people(filter: { nameContains: "楼" }) { nodes { nameZh } } }`,
    );
    expect(names(data!.people.nodes)).toEqual(
      names(facts.people.filter((p) => p.nameZh.includes("楼"))),
    );
  });

  it("takes LIKE wildcards in nameContains literally", async () => {
    const { data } = await hub.gql(`{ people(filter: { nameContains: "%" }) { totalCount } }`);
    expect(data!.people.totalCount).toBe(0);
  });

  it("filters by residence country, combined with a category", async () => {
    const { data } = await hub.gql(`{
      fr: people(filter: { residenceCountryCode: "fr" }) { nodes { nameZh residenceCountry { code nameEn } } }
      cnOfficials: people(first: 100, filter: { residenceCountryCode: "CN", category: OFFICIAL }) { nodes { nameZh } }
    }`);
    expect(data!.fr.nodes).toEqual([
      { nameZh: "楼大明", residenceCountry: { code: "FR", nameEn: "France" } },
    ]);
    const officials = facts.people.filter(
      (p) => p.residenceCountryCode === "CN" && p.categories.includes("OFFICIAL"),
    );
    expect(names(data!.cnOfficials.nodes)).toEqual(names(officials));
  });

  it("refuses a malformed country code in the filter", async () => {
    const { errors } = await hub.gql(
      `{ people(filter: { residenceCountryCode: "FRA" }) { totalCount } }`,
    );
    expect(errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.residenceCountryCode",
    });
  });

  it("reads a person with the affiliations of the seed", async () => {
    const { data } = await hub.gql(
      `query($id: ID!) { person(id: $id) { nameZh residenceCountry { code } ancestralHome { nameZh }
        affiliations { role organization { nameZh kind } person { nameZh } } } }`,
      { id: factId("person-pu-jian") },
    );
    expect(data!.person).toMatchObject({
      nameZh: "濮键",
      residenceCountry: null,
      ancestralHome: null,
    });
    expect(data!.person.affiliations).toHaveLength(2);
    expect(data!.person.affiliations).toEqual(
      expect.arrayContaining([
        {
          role: "副会长",
          organization: { nameZh: "江西协进会", kind: "ASSOCIATION" },
          person: { nameZh: "濮键" },
        },
        {
          role: "常务理事",
          organization: { nameZh: "上海侨商会", kind: "ASSOCIATION" },
          person: { nameZh: "濮键" },
        },
      ]),
    );
  });

  it("pages by name without losing or repeating anyone", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await hub.gql(
        `query($after: String) { people(first: 4, after: $after, orderBy: { field: NAME_ZH, direction: DESC }) {
          nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.people.nodes.map((n: { id: string }) => n.id));
      after = data.people.pageInfo.hasNextPage ? data.people.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(facts.people.length);
    expect(seen.length).toBe(facts.people.length);
  });
});

describe("writing people", () => {
  it("creates a person with affiliations; contact comes back as stored", async () => {
    const { data, errors } = await hub.gql(CREATE, {
      input: {
        nameZh: "林海峰",
        nameEn: "Lin Haifeng",
        categories: ["OVERSEAS_CHINESE_BUSINESSPERSON", "RETURNED_OVERSEAS_CHINESE"],
        contact: "+33 1 23 45 67 89",
        residenceCountryCode: "fr",
        ancestralHomeId: factId("city-fuqing"),
        affiliations: [
          {
            organizationId: factId("org-france-china-trade-association"),
            role: "理事",
            since: "2015-03-01",
          },
        ],
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createPerson).toMatchObject({
      version: 1,
      categories: ["OVERSEAS_CHINESE_BUSINESSPERSON", "RETURNED_OVERSEAS_CHINESE"],
      contact: "+33 1 23 45 67 89",
      residenceCountry: { code: "FR" },
      ancestralHome: { nameZh: "福清" },
      affiliations: [
        {
          role: "理事",
          since: "2015-03-01",
          organization: { nameZh: "法中商贸会" },
          person: { nameZh: "林海峰" },
        },
      ],
    });
  });

  it("defaults categories and affiliations to none", async () => {
    const { data } = await hub.gql(CREATE, { input: { nameZh: "无名氏" } });
    expect(data!.createPerson).toMatchObject({
      categories: [],
      affiliations: [],
      residenceCountry: null,
      ancestralHome: null,
    });
  });

  it("refuses an unknown residence country code and writes nothing", async () => {
    await expectRefused(
      CREATE,
      { input: { nameZh: "某人", residenceCountryCode: "QQ" } },
      "BAD_USER_INPUT",
      "input.residenceCountryCode",
    );
    await expectRefused(
      CREATE,
      { input: { nameZh: "某人", residenceCountryCode: "Q1" } },
      "BAD_USER_INPUT",
      "input.residenceCountryCode",
    );
  });

  it("refuses an unknown ancestral home, a blank name and an unknown affiliation", async () => {
    const nowhere = "00000000-0000-4000-8000-000000000000";
    await expectRefused(
      CREATE,
      { input: { nameZh: "某人", ancestralHomeId: nowhere } },
      "BAD_USER_INPUT",
      "input.ancestralHomeId",
    );
    await expectRefused(CREATE, { input: { nameZh: "  " } }, "BAD_USER_INPUT", "input.nameZh");
    await expectRefused(
      CREATE,
      { input: { nameZh: "某人", affiliations: [{ organizationId: nowhere }] } },
      "BAD_USER_INPUT",
      "input.affiliations",
    );
    await expectRefused(
      CREATE,
      { input: { nameZh: "某人", affiliations: [{ organizationId: "not-an-id" }] } },
      "BAD_USER_INPUT",
      "input.affiliations[0].organizationId",
    );
  });

  it("replaces the affiliations when a patch names them, and keeps them when it does not", async () => {
    const created = await hub.gql(CREATE, {
      input: {
        nameZh: "郑和平",
        affiliations: [{ organizationId: factId("org-jiangxi-xiejinhui"), role: "会员" }],
      },
    });
    const { id, version } = created.data!.createPerson;
    const replaced = await hub.gql(UPDATE, {
      id,
      version,
      input: {
        affiliations: [
          {
            organizationId: factId("org-nanchang-overseas-chinese-business-federation"),
            role: "理事",
          },
          { organizationId: factId("org-shanghai-overseas-chinese-chamber"), role: "会员" },
        ],
      },
    });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.updatePerson.version).toBe(version + 1);
    expect(replaced.data!.updatePerson.affiliations).toHaveLength(2);
    expect(replaced.data!.updatePerson.affiliations).toEqual(
      expect.arrayContaining([
        { role: "理事", organization: { nameZh: "南昌侨商国际联合会" } },
        { role: "会员", organization: { nameZh: "上海侨商会" } },
      ]),
    );

    const retitled = await hub.gql(UPDATE, { id, version: version + 1, input: { title: "会长" } });
    expect(retitled.data!.updatePerson).toMatchObject({ version: version + 2, title: "会长" });
    expect(retitled.data!.updatePerson.affiliations).toHaveLength(2);

    const cleared = await hub.gql(UPDATE, {
      id,
      version: version + 2,
      input: { affiliations: [] },
    });
    expect(cleared.data!.updatePerson.affiliations).toEqual([]);
  });

  it("keeps the old affiliations when a replacement is refused", async () => {
    const id = factId("person-lou-daming");
    const before = (await hub.gql(AFFILIATIONS, { id })).data!.person;
    const nowhere = "00000000-0000-4000-8000-000000000000";
    const replacement = {
      affiliations: [
        { organizationId: factId("org-jiangxi-xiejinhui"), role: "会员" },
        { organizationId: nowhere },
      ],
    };
    await expectRefused(
      UPDATE,
      { id, version: before.version, input: replacement },
      "BAD_USER_INPUT",
      "input.affiliations",
    );
    const twice = {
      affiliations: [{ organizationId: factId("org-mfa") }, { organizationId: factId("org-mfa") }],
    };
    await expectRefused(
      UPDATE,
      { id, version: before.version, input: twice },
      "BAD_USER_INPUT",
      "input.affiliations",
    );
    expect((await hub.gql(AFFILIATIONS, { id })).data!.person).toEqual(before);
    expect(before.affiliations).toHaveLength(2);
  });

  it("refuses a stale version with CONFLICT", async () => {
    const created = await hub.gql(CREATE, { input: { nameZh: "旧版本" } });
    const { id, version } = created.data!.createPerson;
    await hub.gql(UPDATE, { id, version, input: { title: "新" } });
    await expectRefused(UPDATE, { id, version, input: { title: "旧" } }, "CONFLICT", "version");
  });

  it("deletes a person with their affiliations, and refuses one an investment names", async () => {
    const created = await hub.gql(CREATE, {
      input: { nameZh: "待删除", affiliations: [{ organizationId: factId("org-mfa") }] },
    });
    const { id } = created.data!.createPerson;
    const deleted = await hub.gql(`mutation($id: ID!) { deletePerson(id: $id) }`, { id });
    expect(deleted.data!.deletePerson).toBe(id);
    expect((await hub.gql(AFFILIATIONS, { id })).data!.person).toBeNull();
    const [{ count }] = await hub.db.query(
      `SELECT count(*)::int AS count FROM affiliation WHERE person_id = $1`,
      [id],
    );
    expect(count).toBe(0);

    await expectRefused(
      `mutation($id: ID!) { deletePerson(id: $id) }`,
      { id: factId("person-pu-jian") },
      "CONFLICT",
    );
  });

  it("answers NOT_FOUND for an unknown person", async () => {
    const { errors } = await hub.gql(
      `mutation { deletePerson(id: "00000000-0000-4000-8000-000000000000") }`,
    );
    expect(errors![0].extensions).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });
});
