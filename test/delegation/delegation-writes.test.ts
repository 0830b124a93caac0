// Recording delegations: create / update / delete with members, and every refusal leaving the
// database exactly as it was.
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const nanchang = factId("city-nanchang");
const qiqihar = factId("city-qiqihar");
const varkaus = factId("city-varkaus");
const magdeburg = factId("city-magdeburg");
const varkausSister = factId("partnership-nanchang-varkaus-sister");
const louDaming = factId("person-lou-daming");
const chengRuiwu = factId("person-cheng-ruiwu");
const bastian = factId("person-bastian");
const nobody = "00000000-0000-4000-8000-000000000000";

const FIELDS = `id version direction name leader size startDate endDate datePrecision purposes approval
  occasion homeCity { nameZh } counterpartCountry { code } counterpartCity { nameEn }
  organization { nameZh } partnership { id } members { nameZh }`;
const CREATE = `mutation($input: DelegationInput!) { createDelegation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: DelegationPatch!) {
  updateDelegation(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { delegation(id: $id) { ${FIELDS} } }`;

const visit = {
  direction: "INBOUND",
  name: "芬兰瓦尔考斯市政府代表团",
  startDate: "2024-05-10",
  homeCityId: nanchang,
};

const memberNames = (d: { members: { nameZh: string }[] }) => d.members.map((m) => m.nameZh).sort();

async function create(input: Record<string, unknown>) {
  const { data, errors } = await hub.gql(CREATE, { input });
  expect(errors).toBeUndefined();
  return data!.createDelegation;
}

const refused = (query: string, variables: Record<string, unknown>, code: string, field?: string) =>
  hub.expectRefused(query, variables, { code, ...(field && { field }) });

describe("createDelegation", () => {
  it("records a visit with its members and reads it back", async () => {
    const created = await create({
      ...visit,
      leader: "Panu Lehtovuori",
      size: 6,
      purposes: ["GOVERNMENT", "EDUCATION"],
      counterpartCountryCode: "fi",
      counterpartCityId: varkaus,
      partnershipId: varkausSister,
      memberIds: [louDaming, bastian, louDaming.toUpperCase()],
    });
    const expected = {
      id: created.id,
      version: 1,
      direction: "INBOUND",
      name: visit.name,
      leader: "Panu Lehtovuori",
      size: 6,
      startDate: "2024-05-10",
      endDate: "2024-05-10",
      datePrecision: "DAY",
      purposes: ["GOVERNMENT", "EDUCATION"],
      approval: null,
      occasion: null,
      homeCity: { nameZh: "南昌" },
      counterpartCountry: { code: "FI" },
      counterpartCity: { nameEn: "Varkaus" },
      organization: null,
      partnership: { id: varkausSister },
    };
    expect(created).toMatchObject(expected);
    expect(memberNames(created)).toEqual(["巴斯蒂安", "楼大明"]);
    const { data } = await hub.gql(READ, { id: created.id });
    expect(data!.delegation).toMatchObject(expected);
    expect(memberNames(data!.delegation)).toEqual(["巴斯蒂安", "楼大明"]);
  });

  it("starts an outbound delegation PENDING and takes the country of a counterpart city named alone", async () => {
    const created = await create({
      direction: "OUTBOUND",
      name: "南昌市政府代表团赴德国马格德堡",
      startDate: "2024-09-01",
      endDate: "2024-09-07",
      homeCityId: nanchang,
      counterpartCityId: magdeburg,
      organizationId: factId("org-nanchang-ndrc"),
    });
    expect(created).toMatchObject({
      approval: "PENDING",
      endDate: "2024-09-07",
      counterpartCountry: { code: "DE" },
      counterpartCity: { nameEn: "Magdeburg" },
      organization: { nameZh: "南昌市发展和改革委员会" },
      members: [],
    });
  });

  it("refuses reversed dates", async () => {
    await refused(
      CREATE,
      { input: { ...visit, endDate: "2024-05-09" } },
      "BAD_USER_INPUT",
      "input.endDate",
    );
  });

  it("refuses a size of 0 or less", async () => {
    for (const size of [0, -3]) {
      await refused(CREATE, { input: { ...visit, size } }, "BAD_USER_INPUT", "input.size");
    }
  });

  it("refuses an unknown direction and a missing name before any SQL", async () => {
    const wrongEnum = await refused(
      CREATE,
      { input: { ...visit, direction: "SIDEWAYS" } },
      "BAD_USER_INPUT",
    );
    expect(wrongEnum.extensions.field).toContain("direction");
    const nameless = { ...visit, name: undefined }; // JSON leaves the field out
    await refused(CREATE, { input: nameless }, "BAD_USER_INPUT", "input.name");
  });

  it("refuses an approval on an inbound delegation", async () => {
    await refused(
      CREATE,
      { input: { ...visit, approval: "APPROVED" } },
      "BAD_USER_INPUT",
      "input.approval",
    );
  });

  it("refuses an unknown counterpart country, city, member or partnership", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ counterpartCountryCode: "QQ" }, "input.counterpartCountryCode"],
      [{ counterpartCityId: nobody }, "input.counterpartCityId"],
      [{ counterpartCountryCode: "JP", counterpartCityId: varkaus }, "input.counterpartCityId"],
      [{ memberIds: [louDaming, nobody] }, "input.memberIds"],
      [{ partnershipId: nobody }, "input.partnershipId"],
    ];
    for (const [extra, field] of cases) {
      await refused(CREATE, { input: { ...visit, ...extra } }, "BAD_USER_INPUT", field);
    }
  });

  it("refuses a member id that is not an id", async () => {
    const input = { ...visit, memberIds: [louDaming, "lou"] };
    const error = await refused(CREATE, { input }, "BAD_USER_INPUT");
    expect(error.extensions.field).toMatch(/^input\.memberIds\W+1\W*$/);
  });

  it("refuses a partnership of another home city", async () => {
    const tongchuanSister = factId("partnership-tongchuan-yorba-linda-sister");
    await refused(
      CREATE,
      { input: { ...visit, partnershipId: tongchuanSister } },
      "BAD_USER_INPUT",
      "input.partnershipId",
    );
  });

  it("refuses a home city outside China", async () => {
    await refused(
      CREATE,
      { input: { ...visit, homeCityId: magdeburg } },
      "BAD_USER_INPUT",
      "input.homeCityId",
    );
  });
});

describe("updateDelegation and deleteDelegation", () => {
  it("replaces the member set, keeps it when memberIds is left out, and clears it with []", async () => {
    const created = await create({ ...visit, memberIds: [louDaming, bastian] });
    const replaced = await hub.gql(UPDATE, {
      id: created.id,
      version: 1,
      input: { memberIds: [chengRuiwu] },
    });
    expect(replaced.data!.updateDelegation).toMatchObject({
      version: 2,
      name: visit.name,
      members: [{ nameZh: "程瑞武" }],
    });
    const renamed = await hub.gql(UPDATE, {
      id: created.id,
      version: 2,
      input: { name: "瓦尔考斯代表团", size: 3 },
    });
    expect(renamed.data!.updateDelegation).toMatchObject({
      version: 3,
      name: "瓦尔考斯代表团",
      size: 3,
      members: [{ nameZh: "程瑞武" }],
    });
    const cleared = await hub.gql(UPDATE, {
      id: created.id,
      version: 3,
      input: { memberIds: [], size: null },
    });
    expect(cleared.data!.updateDelegation).toMatchObject({ version: 4, size: null, members: [] });
  });

  it("turns an inbound delegation outbound as PENDING, and back without an approval", async () => {
    const created = await create(visit);
    const out = await hub.gql(UPDATE, {
      id: created.id,
      version: 1,
      input: { direction: "OUTBOUND" },
    });
    expect(out.data!.updateDelegation).toMatchObject({
      direction: "OUTBOUND",
      approval: "PENDING",
    });
    const back = await hub.gql(UPDATE, {
      id: created.id,
      version: 2,
      input: { direction: "INBOUND" },
    });
    expect(back.data!.updateDelegation).toMatchObject({ direction: "INBOUND", approval: null });
  });

  it("refuses an update whose merged dates are reversed, and an unknown member without losing the old ones", async () => {
    const created = await create({ ...visit, endDate: "2024-05-12", memberIds: [bastian] });
    await refused(
      UPDATE,
      { id: created.id, version: 1, input: { startDate: "2024-05-13" } },
      "BAD_USER_INPUT",
      "input.endDate",
    );
    await refused(
      UPDATE,
      { id: created.id, version: 1, input: { memberIds: [nobody] } },
      "BAD_USER_INPUT",
      "input.memberIds",
    );
    const { data } = await hub.gql(READ, { id: created.id });
    expect(memberNames(data!.delegation)).toEqual(["巴斯蒂安"]);
  });

  it("refuses moving a delegation to another home city than its partnership's", async () => {
    const created = await create({ ...visit, partnershipId: varkausSister });
    await refused(
      UPDATE,
      { id: created.id, version: 1, input: { homeCityId: qiqihar } },
      "BAD_USER_INPUT",
      "input.partnershipId",
    );
    const moved = await hub.gql(UPDATE, {
      id: created.id,
      version: 1,
      input: { homeCityId: qiqihar, partnershipId: null },
    });
    expect(moved.data!.updateDelegation).toMatchObject({
      homeCity: { nameZh: "齐齐哈尔" },
      partnership: null,
    });
  });

  it("refuses a stale version with CONFLICT", async () => {
    const created = await create(visit);
    await hub.gql(UPDATE, { id: created.id, version: 1, input: { leader: "Panu" } });
    await refused(
      UPDATE,
      { id: created.id, version: 1, input: { leader: "Someone else" } },
      "CONFLICT",
      "version",
    );
  });

  it("deletes a delegation with its member links", async () => {
    const created = await create({ ...visit, memberIds: [louDaming] });
    const { data } = await hub.gql(`mutation($id: ID!) { deleteDelegation(id: $id) }`, {
      id: created.id,
    });
    expect(data!.deleteDelegation).toBe(created.id);
    expect((await hub.gql(READ, { id: created.id })).data!.delegation).toBeNull();
    const links = await hub.db.query(
      `SELECT count(*)::int AS n FROM delegation_member WHERE delegation_id = $1`,
      [created.id],
    );
    expect(links[0].n).toBe(0);
    const again = await hub.gql(`mutation($id: ID!) { deleteDelegation(id: $id) }`, {
      id: created.id,
    });
    expect(again.errors![0].extensions.code).toBe("NOT_FOUND");
  });
});

describe("decideDelegation", () => {
  const DECIDE = `mutation($id: ID!, $approval: Approval!, $version: Int, $note: String) {
    decideDelegation(id: $id, approval: $approval, version: $version, note: $note) { id version approval approvalNote } }`;
  const outbound = { ...visit, direction: "OUTBOUND", name: "南昌市代表团赴芬兰瓦尔考斯" };

  it("approves a pending delegation, then may reject it, bumping the version each time", async () => {
    const created = await create(outbound);
    const approved = await hub.gql(DECIDE, {
      id: created.id,
      approval: "APPROVED",
      note: "招商团组，特事特办",
    });
    expect(approved.data!.decideDelegation).toEqual({
      id: created.id,
      version: 2,
      approval: "APPROVED",
      approvalNote: "招商团组，特事特办",
    });
    const rejected = await hub.gql(DECIDE, { id: created.id, approval: "REJECTED", version: 2 });
    expect(rejected.data!.decideDelegation).toEqual({
      id: created.id,
      version: 3,
      approval: "REJECTED",
      approvalNote: null,
    });
  });

  it("refuses the same decision twice, and PENDING as a decision", async () => {
    const created = await create(outbound);
    await hub.gql(DECIDE, { id: created.id, approval: "REJECTED" });
    await refused(DECIDE, { id: created.id, approval: "REJECTED" }, "BAD_USER_INPUT", "approval");
    await refused(DECIDE, { id: created.id, approval: "PENDING" }, "BAD_USER_INPUT", "approval");
  });

  it("refuses an inbound delegation, an unknown id and a stale version", async () => {
    const inbound = factId("delegation-qiqihar-magdeburg-gov");
    await refused(DECIDE, { id: inbound, approval: "APPROVED" }, "BAD_USER_INPUT", "id");
    await refused(DECIDE, { id: nobody, approval: "APPROVED" }, "NOT_FOUND", "id");
    await refused(DECIDE, { id: "nope", approval: "APPROVED" }, "BAD_USER_INPUT", "id");
    const created = await create(outbound);
    await refused(
      DECIDE,
      { id: created.id, approval: "APPROVED", version: 7 },
      "CONFLICT",
      "version",
    );
  });
});
