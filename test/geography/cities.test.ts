import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe("cities", () => {
  it("finds Qiqihar by its nickname 鹤城, with its country and offices", async () => {
    const { data } = await hub.gql(`{
      cities(filter: { nameContains: "鹤城" }) { totalCount nodes { nameZh nameEn country { code nameZh } offices { kind } } }
    }`);
    expect(data!.cities.totalCount).toBe(1);
    expect(data!.cities.nodes[0]).toMatchObject({
      nameZh: "齐齐哈尔",
      nameEn: "Qiqihar",
      country: { code: "CN" },
    });
    expect(data!.cities.nodes[0].offices.length).toBeGreaterThan(0);
  });

  it("finds Varkaus under both Chinese spellings", async () => {
    for (const spelling of ["瓦尔济考斯基", "瓦尔基考斯基"]) {
      const { data } = await hub.gql(
        `query($q: String!) { cities(filter: { nameContains: $q }) { nodes { nameEn } } }`,
        { q: spelling },
      );
      expect(data!.cities.nodes).toEqual([{ nameEn: "Varkaus" }]);
    }
  });

  it("pages through foreign cities with keyset cursors, no row twice and none missed", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const { data }: { data?: any } = await hub.gql(
        `query($after: String) { cities(first: 5, after: $after, filter: { chinese: false }, orderBy: { field: NAME_EN }) {
          totalCount edges { cursor node { nameEn } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = data.cities.totalCount;
      seen.push(...data.cities.edges.map((e: any) => e.node.nameEn));
      after = data.cities.pageInfo.hasNextPage ? data.cities.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(10);
  });

  it("refuses a page larger than the maximum", async () => {
    const { errors } = await hub.gql(`{ cities(first: 501) { nodes { id } } }`);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("creates, updates with the current version, and refuses a stale version", async () => {
    const created = await hub.gql(
      `mutation { createCity(input: { countryCode: "NZ", nameZh: "但尼丁", nameEn: "Dunedin", level: PREFECTURE }) { id version } }`,
    );
    const { id, version } = created.data!.createCity;
    const updated = await hub.gql(
      `mutation($id: ID!, $v: Int!) { updateCity(id: $id, version: $v, input: { aliases: ["达尼丁"] }) { version aliases } }`,
      { id, v: version },
    );
    expect(updated.data!.updateCity).toEqual({ version: version + 1, aliases: ["达尼丁"] });
    const before = await databaseDigest(hub.db);
    const stale = await hub.gql(
      `mutation($id: ID!, $v: Int!) { updateCity(id: $id, version: $v, input: { nameEn: "Otepoti" }) { id } }`,
      { id, v: version },
    );
    expect(stale.errors![0].extensions.code).toBe("CONFLICT");
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("refuses an unknown country code and writes nothing", async () => {
    const before = await databaseDigest(hub.db);
    const { errors } = await hub.gql(
      `mutation { createCity(input: { countryCode: "QQ", nameZh: "无", nameEn: "Nowhere" }) { id } }`,
    );
    expect(errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.countryCode",
    });
    expect(await databaseDigest(hub.db)).toBe(before);
  });
});

it("accepts an update that names no field, and still moves the version on", async () => {
  const { data } = await hub.gql(
    `mutation { createCity(input: { countryCode: "NO", nameZh: "特隆赫姆", nameEn: "Trondheim" }) { id } }`,
  );
  const updated = await hub.gql(
    `mutation($id: ID!) { updateCity(id: $id, version: 1, input: {}) { version nameEn } }`,
    {
      id: data!.createCity.id,
    },
  );
  expect(updated.data!.updateCity).toEqual({ version: 2, nameEn: "Trondheim" });
});
