import { Role } from "../../src/core/actor";
import { factId } from "../../src/seed/seed";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const QIQIHAR = factId("city-qiqihar");
const CREATE = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id homeCity { nameZh } } }`;
const visit = (homeCityId: string) => ({
  direction: "INBOUND",
  name: "芬兰瓦尔考斯市政府代表团",
  size: 5,
  startDate: "2012-05-10",
  homeCityId,
  counterpartCountryCode: "FI",
});

describe("roles", () => {
  it("lets a viewer read but not write", async () => {
    const viewer = await hub.token(Role.VIEWER);
    const read = await hub.gql(`{ cities(first: 1) { totalCount } }`, {}, viewer);
    expect(read.data!.cities.totalCount).toBeGreaterThan(0);
    const before = await databaseDigest(hub.db);
    const write = await hub.gql(CREATE, { input: visit(NANCHANG) }, viewer);
    expect(write.errors![0].extensions.code).toBe("FORBIDDEN");
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("refuses an analyst's write as well", async () => {
    const analyst = await hub.token(Role.ANALYST);
    const write = await hub.gql(CREATE, { input: visit(NANCHANG) }, analyst);
    expect(write.errors![0].extensions.code).toBe("FORBIDDEN");
  });

  it("lets an editor write for the cities in its claim and no other", async () => {
    const editor = await hub.token(Role.EDITOR, [NANCHANG]);
    const own = await hub.gql(CREATE, { input: visit(NANCHANG) }, editor);
    expect(own.data!.createDelegation.homeCity).toEqual({ nameZh: "南昌" });

    const before = await databaseDigest(hub.db);
    const other = await hub.gql(CREATE, { input: visit(QIQIHAR) }, editor);
    expect(other.errors![0].extensions.code).toBe("FORBIDDEN");
    const moved = await hub.gql(
      `mutation($id: ID!) { updateDelegation(id: $id, version: 1, input: { homeCityId: "${QIQIHAR}" }) { id } }`,
      { id: own.data!.createDelegation.id },
      editor,
    );
    expect(moved.errors![0].extensions.code).toBe("FORBIDDEN");
    const foreign = await hub.gql(
      `mutation($id: ID!) { advancePartnership(id: $id, stage: ESTABLISHED, on: "2019-01-01") { id } }`,
      { id: factId("partnership-qiqihar-visaginas-sister") },
      editor,
    );
    expect(foreign.errors![0].extensions.code).toBe("FORBIDDEN");
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("lets an editor add foreign partner cities and people, but not Chinese cities or countries", async () => {
    const editor = await hub.token(Role.EDITOR, [NANCHANG]);
    const partner = await hub.gql(
      `mutation { createCity(input: { countryCode: "NZ", nameZh: "达尼丁", nameEn: "Dunedin" }) { id } }`,
      {},
      editor,
    );
    expect(partner.errors).toBeUndefined();
    const person = await hub.gql(
      `mutation { createPerson(input: { nameZh: "林先生" }) { id } }`,
      {},
      editor,
    );
    expect(person.errors).toBeUndefined();
    const before = await databaseDigest(hub.db);
    const chinese = await hub.gql(
      `mutation { createCity(input: { countryCode: "CN", nameZh: "九江", nameEn: "Jiujiang" }) { id } }`,
      {},
      editor,
    );
    expect(chinese.errors![0].extensions.code).toBe("FORBIDDEN");
    const country = await hub.gql(
      `mutation { createCountry(input: { code: "XK", nameEn: "Kosovo", nameZh: "科索沃", region: EUROPE, subregion: "Southern Europe" }) { id } }`,
      {},
      editor,
    );
    expect(country.errors![0].extensions.code).toBe("FORBIDDEN");
    expect(await databaseDigest(hub.db)).toBe(before);
  });
});

describe("restricted fields", () => {
  const PEOPLE = `query($id: ID!) { person(id: $id) { nameZh contact } }`;

  it("hides a person's contact from viewers and analysts, with FORBIDDEN, and shows it to editors", async () => {
    const created = await hub.gql(
      `mutation { createPerson(input: { nameZh: "周先生", contact: "+39 02 1234 5678" }) { id } }`,
    );
    const id = created.data!.createPerson.id;
    for (const role of [Role.VIEWER, Role.ANALYST]) {
      const { data, errors } = await hub.gql(PEOPLE, { id }, await hub.token(role));
      expect(data!.person).toEqual({ nameZh: "周先生", contact: null });
      expect(errors![0]).toMatchObject({
        path: ["person", "contact"],
        extensions: { code: "FORBIDDEN" },
      });
    }
    const editor = await hub.gql(
      PEOPLE,
      { id },
      await hub.token(Role.EDITOR, [factId("city-nanchang")]),
    );
    expect(editor.data!.person.contact).toBe("+39 02 1234 5678");
    expect(editor.errors).toBeUndefined();
  });
});

describe("audit", () => {
  it("records actor, action, before and after of every mutation, for admins only", async () => {
    const editor = await hub.token(Role.EDITOR, [NANCHANG]);
    const created = await hub.gql(CREATE, { input: visit(NANCHANG) }, editor);
    const id = created.data!.createDelegation.id;
    await hub.gql(
      `mutation($id: ID!) { updateDelegation(id: $id, version: 1, input: { size: 7 }) { id } }`,
      { id },
      editor,
    );
    await hub.gql(CREATE, { input: visit(QIQIHAR) }, editor);

    const AUDIT = `query($id: ID!) { auditLog(filter: { entityId: $id }) { totalCount nodes { actor role action entityType before after } } }`;
    const { data } = await hub.gql(AUDIT, { id });
    expect(data!.auditLog.totalCount).toBe(2);
    const [update, create] = data!.auditLog.nodes;
    expect(create).toMatchObject({
      actor: "editor-cli",
      role: "editor",
      action: "create",
      entityType: "Delegation",
      before: null,
    });
    expect(create.after).toMatchObject({ id, size: 5 });
    expect(update.before).toMatchObject({ size: 5, version: 1 });
    expect(update.after).toMatchObject({ size: 7, version: 2 });
    const refused = await hub.db.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE after->>'homeCityId' = $1`,
      [QIQIHAR],
    );
    expect(refused[0].n).toBe(0);

    const viewer = await hub.gql(AUDIT, { id }, await hub.token(Role.VIEWER));
    expect(viewer.errors![0].extensions.code).toBe("FORBIDDEN");
  });

  it("picks the entries of a period; a reversed period picks none", async () => {
    const created = await hub.gql(CREATE, { input: visit(NANCHANG) });
    const id = created.data!.createDelegation.id;
    const PERIOD = `query($filter: AuditFilter) { auditLog(filter: $filter) { nodes { occurredAt } } }`;
    const [{ occurredAt }] = (await hub.gql(PERIOD, { filter: { entityId: id } })).data!.auditLog
      .nodes;
    const count = async (from?: string, to?: string) => {
      const { data, errors } = await hub.gql(PERIOD, { filter: { entityId: id, from, to } });
      expect(errors).toBeUndefined();
      return data!.auditLog.nodes.length;
    };
    const [earlier, later] = [-1000, 1000].map((ms) =>
      new Date(Date.parse(occurredAt) + ms).toISOString(),
    );
    expect(await count(earlier, later)).toBe(1);
    expect(await count(later)).toBe(0);
    expect(await count(undefined, earlier)).toBe(0);
    expect(await count(earlier)).toBe(1);
    expect(await count(later, earlier)).toBe(0);
  });
});

describe("analytics", () => {
  it("the network is for analysts and admins, not viewers or editors", async () => {
    const NETWORK = `query($id: ID!) { network(centerId: $id, depth: 1) { nodes { id } } }`;
    const analyst = await hub.gql(NETWORK, { id: NANCHANG }, await hub.token(Role.ANALYST));
    expect(analyst.errors).toBeUndefined();
    for (const token of [await hub.token(Role.VIEWER), await hub.token(Role.EDITOR, [NANCHANG])]) {
      const refused = await hub.gql(NETWORK, { id: NANCHANG }, token);
      expect(refused.errors![0].extensions.code).toBe("FORBIDDEN");
      expect(refused.data).toBeNull();
    }
  });

  it("statistics are for every role that may read the records they count", async () => {
    const STATS = `{ delegationStats(groupBy: [YEAR]) { key batches }
      partnershipStats(groupBy: [STAGE]) { key count } }`;
    const analyst = await hub.gql(STATS, {}, await hub.token(Role.ANALYST));
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.delegationStats.length).toBeGreaterThan(0);
    for (const token of [await hub.token(Role.VIEWER), await hub.token(Role.EDITOR, [NANCHANG])]) {
      expect(await hub.gql(STATS, {}, token)).toEqual({ status: 200, data: analyst.data });
    }
    const anonymous = await hub.gql(STATS, {}, null);
    expect(anonymous.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
