// Importing a reception register (.xlsx, Chinese headings, two sheets, a title row, bad rows):
// the exact report, all or nothing, --partial, --dry-run, re-import, audit entries and hub events.
import ExcelJS from "exceljs";
import { Role } from "../../src/core/actor";
import { fileSource, ImportKind, importRecords, writeTemplate } from "../../src/modules/imports";
import { factId } from "../../src/seed/seed";
import { subscribe } from "../support/subscriber";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";
import { actorContext, ADMIN, count, folder, writeCsv, writeXlsx } from "./import-files";

let hub: TestHub;
let register: string;
beforeAll(async () => {
  hub = await startTestHub();
  register = await writeXlsx("来访出访登记.xlsx", [
    {
      name: "来访",
      rows: [
        ["2024年来访团组登记表"],
        [
          "日期",
          "结束日期",
          "团组名称",
          "方向",
          "人数",
          "本地城市",
          "国家",
          "城市",
          "事由",
          "序号",
        ],
        [
          new Date(Date.UTC(2024, 4, 10)),
          "2024-05-12",
          "芬兰瓦尔考斯市政府代表团",
          "来访",
          6,
          "南昌",
          "芬兰",
          "瓦尔考斯",
          "政务、教育",
          1,
        ],
        [
          "2024/6/1",
          "2024-05-30",
          "德国马格德堡经贸团",
          "来访",
          5,
          "南昌",
          "DE",
          "Magdeburg",
          "经贸",
          2,
        ],
        ["2024-07-01", null, "日本高松访问团", "往返", -3, "齐齐哈尔", "日本", "高松", null, 3],
        ["2024-07-02", null, "火星代表团", "来访", 3, "火星市", null, null, null, 4],
        [],
        ["2024-05-10", null, "芬兰瓦尔考斯市政府代表团", "来访", 2, "南昌市", null, null, null, 5],
      ],
    },
    {
      name: "出访",
      rows: [
        ["日期", "结束日期", "团组名称", "方向", "人数", "本地城市", "国家", "城市", "事由"],
        [
          "2024-09-01",
          "2024-09-05",
          "南昌市赴挪威友好访问团",
          "出访",
          4,
          "南昌",
          "挪威",
          "Kragero",
          "文化",
        ],
        [
          "2024年10月1日",
          null,
          "齐齐哈尔赴美国访问团",
          "出国",
          7,
          "鹤城",
          "US",
          "St Charles",
          null,
        ],
      ],
    },
  ]);
});
afterAll(() => hub.close());

const PROBLEMS = [
  {
    sheet: "来访",
    row: 4,
    column: "结束日期",
    reason: "the visit ends (2024-05-30) before it starts (2024-06-01)",
  },
  {
    sheet: "来访",
    row: 5,
    column: "方向",
    reason: '"往返" is not one of 来访 (INBOUND), 出访 (OUTBOUND)',
  },
  { sheet: "来访", row: 5, column: "人数", reason: "must be a whole number above 0, not -3" },
  { sheet: "来访", row: 6, column: "本地城市", reason: 'unknown city "火星市" in 中国' },
  {
    sheet: "来访",
    row: 8,
    column: "团组名称",
    reason: "duplicate of row 3 (same home city, name and start date)",
  },
];

const run = (file: string, options: { partial?: boolean; dryRun?: boolean } = {}) =>
  importRecords(actorContext(hub, ADMIN), {
    type: ImportKind.DELEGATIONS,
    source: fileSource(file),
    ...options,
  });

describe("importing delegations", () => {
  it("reports every bad row with its sheet, row, column and reason, and writes nothing", async () => {
    const before = await databaseDigest(hub.db);
    const report = await run(register);
    expect(report).toEqual({
      type: "DELEGATIONS",
      fileName: "来访出访登记.xlsx",
      dryRun: false,
      partial: false,
      rows: 7,
      written: 0,
      unchanged: 0,
      problems: PROBLEMS,
    });
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("only checks with dryRun, even when every row is good", async () => {
    const good = await writeXlsx("good.xlsx", [
      {
        name: "Sheet1",
        rows: [
          ["date", "name", "direction", "home city", "country"],
          ["2023-03-03", "Visit from Gwangju", "INBOUND", "Nanchang", "KR"],
        ],
      },
    ]);
    const before = await databaseDigest(hub.db);
    const report = await run(good, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, rows: 1, written: 0, problems: [] });
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("writes the good rows with partial, through the service's rules, with audit entries and events", async () => {
    const nanchang = factId("city-nanchang");
    const token = await hub.token(Role.ADMIN);
    const dashboard = await subscribe(
      hub.url,
      `subscription($city: ID!) { delegationRecorded(filter: { homeCityId: $city }) { name } }`,
      { city: nanchang },
      token,
    );
    const delegations = await count(hub.db, "delegation");
    const report = await run(register, { partial: true });
    expect(report).toMatchObject({ partial: true, rows: 7, written: 3, unchanged: 0 });
    expect(report.problems).toEqual(PROBLEMS);
    expect(await count(hub.db, "delegation")).toBe(delegations + 3);

    const { data } = await hub.gql(
      `{ delegations(filter: { from: "2024-05-01", to: "2024-12-31" }, orderBy: { field: START_DATE, direction: ASC }) {
          nodes { name direction size startDate endDate purposes approval homeCity { nameZh }
                  counterpartCountry { code } counterpartCity { nameEn } } } }`,
    );
    expect(data!.delegations.nodes).toEqual([
      {
        name: "芬兰瓦尔考斯市政府代表团",
        direction: "INBOUND",
        size: 6,
        startDate: "2024-05-10",
        endDate: "2024-05-12",
        purposes: ["GOVERNMENT", "EDUCATION"],
        approval: null,
        homeCity: { nameZh: "南昌" },
        counterpartCountry: { code: "FI" },
        counterpartCity: { nameEn: "Varkaus" },
      },
      {
        name: "南昌市赴挪威友好访问团",
        direction: "OUTBOUND",
        size: 4,
        startDate: "2024-09-01",
        endDate: "2024-09-05",
        purposes: ["CULTURE"],
        approval: "PENDING",
        homeCity: { nameZh: "南昌" },
        counterpartCountry: { code: "NO" },
        counterpartCity: { nameEn: "Kragerø" },
      },
      {
        name: "齐齐哈尔赴美国访问团",
        direction: "OUTBOUND",
        size: 7,
        startDate: "2024-10-01",
        endDate: "2024-10-01",
        purposes: [],
        approval: "PENDING",
        homeCity: { nameZh: "齐齐哈尔" },
        counterpartCountry: { code: "US" },
        counterpartCity: { nameEn: "St. Charles" },
      },
    ]);

    const arrived = await dashboard.waitFor(2);
    expect(arrived.map((r) => r.data.delegationRecorded.name)).toEqual([
      "芬兰瓦尔考斯市政府代表团",
      "南昌市赴挪威友好访问团",
    ]);
    await dashboard.close();

    const audit = await hub.db.query(
      `SELECT a.actor, a.role, a.action, a.entity_type, a.before, a.after, e.type, e.city_id
       FROM audit_entry a JOIN hub_event e ON e.entry_id = a.id AND e.entity_id = a.entity_id
       WHERE a.actor = 'import-test' ORDER BY e.cursor`,
    );
    expect(audit.map((a: { after: { name: string } }) => a.after.name)).toEqual([
      "芬兰瓦尔考斯市政府代表团",
      "南昌市赴挪威友好访问团",
      "齐齐哈尔赴美国访问团",
    ]);
    for (const entry of audit) {
      expect(entry).toMatchObject({ role: "admin", action: "create", entity_type: "Delegation" });
      expect(entry.before).toBeNull();
      expect(entry.type).toBe("DELEGATION_CREATED");
      expect(entry.city_id).toBe(entry.after.homeCityId);
    }
  });

  it("writes audit entries and events with the content a createDelegation mutation gives them", async () => {
    const { data } = await hub.gql(
      `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`,
      {
        input: {
          direction: "INBOUND",
          name: "单条录入",
          size: 6,
          startDate: "2024-05-10",
          endDate: "2024-05-12",
          purposes: ["GOVERNMENT", "EDUCATION"],
          homeCityId: factId("city-nanchang"),
          counterpartCountryCode: "FI",
          counterpartCityId: factId("city-varkaus"),
        },
      },
    );
    const changes = `SELECT a.after, e.type FROM audit_entry a JOIN hub_event e ON e.entry_id = a.id`;
    const [single] = await hub.db.query(`${changes} WHERE a.entity_id = $1`, [
      data!.createDelegation.id,
    ]);
    const [imported] = await hub.db.query(
      `${changes} WHERE a.actor = 'import-test' AND a.after->>'name' = '芬兰瓦尔考斯市政府代表团'`,
    );
    // All but what tells two records apart.
    const content = (record: Record<string, unknown>) => ({
      ...record,
      id: typeof record.id,
      name: typeof record.name,
      createdAt: typeof record.createdAt,
      updatedAt: typeof record.updatedAt,
    });
    expect(content(imported.after)).toEqual(content(single.after));
    expect(imported.type).toBe(single.type);
  });

  it("writes nothing new when the same file is imported again", async () => {
    const before = await databaseDigest(hub.db);
    const report = await run(register, { partial: true });
    expect(report).toMatchObject({ rows: 7, written: 0, unchanged: 3 });
    expect(report.problems).toEqual(PROBLEMS);
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("reads CSV with Chinese headings too", async () => {
    const csv = writeCsv("接待登记.csv", [
      ["日期", "团组名称", "方向", "人数", "本地城市", "国家"],
      ["2022-01-05", "韩国光州市代表团", "来访", "3", "南昌", "韩国"],
      ["2022-13-05", "日期不对的团", "来访", "3.5", "南昌", "乌托邦"],
    ]);
    const before = await databaseDigest(hub.db);
    const report = await run(csv);
    expect(report.problems).toEqual([
      {
        sheet: "接待登记.csv",
        row: 3,
        column: "日期",
        reason: '"2022-13-05" is not a date (YYYY-MM-DD)',
      },
      {
        sheet: "接待登记.csv",
        row: 3,
        column: "人数",
        reason: "must be a whole number above 0, not 3.5",
      },
      { sheet: "接待登记.csv", row: 3, column: "国家", reason: 'unknown country "乌托邦"' },
    ]);
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("records a row without a date as an undated visit, once however often it is imported", async () => {
    const csv = writeCsv("日期不详.csv", [
      ["日期", "结束日期", "团组名称", "方向", "人数", "本地城市", "国家"],
      ["", "", "年份不详的捷克代表团", "来访", "", "齐齐哈尔", "捷克"],
      ["", "2024-03-02", "只有结束日期的团", "来访", "", "齐齐哈尔", "捷克"],
    ]);
    const first = await run(csv, { partial: true });
    expect(first).toMatchObject({ rows: 2, written: 1 });
    const reason = "needs a start date; an undated visit leaves both empty";
    expect(first.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [3, "结束日期", reason],
    ]);
    const { data } = await hub.gql(
      `{ delegations(filter: { dated: false }, first: 50) { nodes { name startDate endDate datePrecision } } }`,
    );
    expect(data!.delegations.nodes).toContainEqual({
      name: "年份不详的捷克代表团",
      startDate: null,
      endDate: null,
      datePrecision: null,
    });
    const again = await run(csv, { partial: true });
    expect(again).toMatchObject({ rows: 2, written: 0, unchanged: 1 });
  });

  it("names a missing required column at the heading row and reads no row of that sheet", async () => {
    const file = await writeXlsx("缺列.xlsx", [
      {
        name: "登记",
        rows: [
          ["日期", "团组名称", "人数"],
          ["2024-01-01", "某团", 3],
        ],
      },
    ]);
    const report = await run(file);
    expect(report).toMatchObject({ rows: 0, written: 0 });
    expect(report.problems).toEqual([
      {
        sheet: "登记",
        row: 1,
        column: "方向",
        reason: "the required column 方向 (direction) is missing",
      },
      {
        sheet: "登记",
        row: 1,
        column: "本地城市",
        reason: "the required column 本地城市 (home city) is missing",
      },
    ]);
  });

  it("writes a template with an example row, drop-down lists and a sheet on its columns", async () => {
    const template = `${folder}/template.xlsx`;
    await writeTemplate(ImportKind.DELEGATIONS, template);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const [sheet, explained] = workbook.worksheets;
    // A visit no source dates is recorded with the date left empty.
    expect(sheet.getRow(1).getCell(1).value).toBe("日期 / date");
    expect(sheet.getRow(2).getCell(3).value).toBe("立陶宛维萨基纳斯市政府代表团");
    expect(sheet.getCell("D2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"来访,出访"'],
    });
    expect(explained.name).toBe("说明 columns");
    expect(explained.getRow(5).values).toEqual([
      undefined,
      "方向 / direction",
      "是 yes",
      "来访 (INBOUND), 出访 (OUTBOUND); 可选 choices: 来访、出访",
      "来访",
    ]);
    // The example row, left as written, is skipped; the row typed below it is imported.
    sheet.addRow(["2021-04-04", null, "模板测试团", "来访", 2, null, "福清"]);
    await workbook.xlsx.writeFile(template);
    const report = await run(template);
    expect(report).toMatchObject({ rows: 1, written: 1, problems: [] });
  });
});
