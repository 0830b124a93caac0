// Reported figures and cooperations: read by city and year, written through their mutations,
// refused whole when they break a rule.
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const FIGURES = `query($city: ID, $year: Int) { reportedFigures(cityId: $city, year: $year) {
  label direction batches personTimes value unit approximate office { nameZh } } }`;
const CREATE = `mutation($input: ReportedFigureInput!) { createReportedFigure(input: $input) {
  id version label value unit sources { document } } }`;

it("lists a city's figures of a year, and every city's", async () => {
  const { data } = await hub.gql(FIGURES, { city: NANCHANG, year: 2011 });
  expect(data!.reportedFigures).toHaveLength(14);
  expect(data!.reportedFigures).toContainEqual({
    label: "接待党宾、外宾",
    direction: "INBOUND",
    batches: 28,
    personTimes: 368,
    value: null,
    unit: null,
    approximate: false,
    office: { nameZh: "南昌市外事侨务办公室" },
  });
  const all = (await hub.gql(FIGURES, {})).data!.reportedFigures;
  expect(all).toHaveLength(39);
  const qiqihar = (await hub.gql(FIGURES, { city: factId("city-qiqihar") })).data!.reportedFigures;
  expect(qiqihar.map((f: any) => f.label).sort()).toEqual([
    "召开座谈会",
    "开展外事需求调研",
    "收集整理外事需求",
  ]);
});

it("writes, updates and deletes a figure", async () => {
  const input = { cityId: NANCHANG, year: 2012, label: "接待外宾", value: "3", unit: "批" };
  const created = await hub.gql(CREATE, { input });
  expect(created.errors).toBeUndefined();
  const { id } = created.data!.createReportedFigure;
  expect(created.data!.createReportedFigure).toMatchObject({ value: "3.00", unit: "批" });
  const updated = await hub.gql(
    `mutation($id: ID!) { updateReportedFigure(id: $id, version: 1, input: { batches: 3, personTimes: 40 }) {
      batches personTimes version } }`,
    { id },
  );
  expect(updated.data!.updateReportedFigure).toEqual({ batches: 3, personTimes: 40, version: 2 });
  const deleted = await hub.gql(`mutation($id: ID!) { deleteReportedFigure(id: $id) }`, { id });
  expect(deleted.data!.deleteReportedFigure).toBe(id);
});

it("refuses a figure that counts nothing, a value without its unit, a negative count", async () => {
  const base = { cityId: NANCHANG, year: 2012, label: "接待外宾" };
  await hub.expectRefused(CREATE, { input: base }, { code: "BAD_USER_INPUT", field: "input" });
  await hub.expectRefused(
    CREATE,
    { input: { ...base, value: "5" } },
    { code: "BAD_USER_INPUT", field: "input.unit" },
  );
  await hub.expectRefused(
    CREATE,
    { input: { ...base, batches: -1 } },
    { code: "BAD_USER_INPUT", field: "input.batches" },
  );
  await hub.expectRefused(
    CREATE,
    { input: { ...base, batches: 1, cityId: "00000000-0000-4000-8000-000000000000" } },
    { code: "BAD_USER_INPUT", field: "input.cityId" },
  );
});

it("lists cooperations by city and kind, and refuses one of an unknown city", async () => {
  const { data } = await hub.gql(
    `query($city: ID) { cooperations(cityId: $city, kind: ORGANIZATION_LINK) {
      description organization { nameZh } partnerOrganization { nameZh } } }`,
    { city: NANCHANG },
  );
  expect(data!.cooperations.map((c: any) => c.partnerOrganization.nameZh).sort()).toEqual([
    "派尼地区音乐学校",
    "穴吹学园",
  ]);
  await hub.expectRefused(
    `mutation($input: CooperationInput!) { createCooperation(input: $input) { id } }`,
    {
      input: {
        kind: "PROJECT",
        description: "项目",
        homeCityId: "00000000-0000-4000-8000-000000000000",
      },
    },
    { code: "BAD_USER_INPUT", field: "input.homeCityId" },
  );
});
