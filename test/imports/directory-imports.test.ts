// Importing people, partnerships and investments: CSV (UTF-8 and GB18030, as Chinese Excel saves
// it) and .xlsx, each with bad rows reported exactly, a re-import matched by natural key, and the
// good rows written through each module's service.
import iconv from "iconv-lite";
import { fileSource, ImportKind, importRecords } from "../../src/modules/imports";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";
import { actorContext, ADMIN, count, writeCsv, writeXlsx } from "./import-files";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const run = (type: ImportKind, file: string, partial = false) =>
  importRecords(actorContext(hub, ADMIN), { type, source: fileSource(file), partial });

describe("importing people", () => {
  const people = () =>
    writeCsv(
      "侨商名录.csv",
      [
        ["姓名", "英文名", "类别", "职务", "居住国", "祖籍"],
        ["李明", "Li Ming", "侨商", "董事长", "法国", "福清"],
        ["王芳", null, "归侨、外专", null, "乌托邦", "南昌"],
        ["张伟", null, "商人", null, "US", null],
        ["李明", "Li M.", "侨商", null, "FR", "福清市"],
      ],
      (text) => iconv.encode(text, "gb18030"),
    );

  it("reads a GB18030 CSV and reports its bad rows exactly, writing nothing", async () => {
    const before = await databaseDigest(hub.db);
    const report = await run(ImportKind.PEOPLE, people());
    expect(report).toMatchObject({ rows: 4, written: 0, unchanged: 0 });
    expect(report.problems).toEqual([
      { sheet: "侨商名录.csv", row: 3, column: "居住国", reason: 'unknown country "乌托邦"' },
      {
        sheet: "侨商名录.csv",
        row: 4,
        column: "类别",
        reason:
          '"商人" is not one of 侨商 (OVERSEAS_CHINESE_BUSINESSPERSON), 归侨 (RETURNED_OVERSEAS_CHINESE), 外专 (FOREIGN_EXPERT), 官员 (OFFICIAL), 其他 (OTHER)',
      },
      {
        sheet: "侨商名录.csv",
        row: 5,
        column: "姓名",
        reason: "duplicate of row 2 (same name, ancestral home and country of residence)",
      },
    ]);
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("writes the good person with partial, and nothing more the second time", async () => {
    const file = people();
    expect(await run(ImportKind.PEOPLE, file, true)).toMatchObject({ written: 1, unchanged: 0 });
    const { data } = await hub.gql(
      `{ people(filter: { nameContains: "李明" }) { nodes { nameZh nameEn categories title residenceCountry { code } ancestralHome { nameZh }
        sources { document quote certainty note sheet row } } } }`,
    );
    expect(data!.people.nodes).toEqual([
      {
        nameZh: "李明",
        nameEn: "Li Ming",
        categories: ["OVERSEAS_CHINESE_BUSINESSPERSON"],
        title: "董事长",
        residenceCountry: { code: "FR" },
        ancestralHome: { nameZh: "福清" },
        // The file's row 2: the rows refused after it do not shift it.
        sources: [
          {
            document: "侨商名录.csv",
            quote: null,
            certainty: "STATED",
            note: null,
            sheet: "侨商名录.csv",
            row: 2,
          },
        ],
      },
    ]);
    const before = await databaseDigest(hub.db);
    expect(await run(ImportKind.PEOPLE, file, true)).toMatchObject({ written: 0, unchanged: 1 });
    expect(await databaseDigest(hub.db)).toBe(before);
  });
});

describe("importing partnerships", () => {
  it("matches existing ties, refuses a partner in China and an unknown kind", async () => {
    const file = writeCsv("友城名单.csv", [
      ["本地城市", "友好城市", "国家", "类型", "阶段", "结好日期"],
      ["南昌", "瓦尔考斯", "芬兰", "友好城市", "已结好", null],
      ["齐齐哈尔", "光州", "韩国", "友好交流城市", "意向", null],
      ["铜川", "福清", null, "友好城市", null, null],
      ["义乌", "高松", "日本", "结对", null, null],
    ]);
    const before = await databaseDigest(hub.db);
    const problems = [
      {
        sheet: "友城名单.csv",
        row: 4,
        column: "友好城市",
        reason: '"福清" is in China; a partner city is abroad',
      },
      {
        sheet: "友城名单.csv",
        row: 5,
        column: "类型",
        reason: '"结对" is not one of 友好城市 (SISTER_CITY), 友好交流城市 (FRIENDLY_EXCHANGE)',
      },
    ];
    const refused = await run(ImportKind.PARTNERSHIPS, file);
    expect(refused).toMatchObject({ rows: 4, written: 0, unchanged: 1, problems });
    expect(await databaseDigest(hub.db)).toBe(before);

    const partnerships = await count(hub.db, "partnership");
    const written = await run(ImportKind.PARTNERSHIPS, file, true);
    expect(written).toMatchObject({ written: 1, unchanged: 1, problems });
    expect(await count(hub.db, "partnership")).toBe(partnerships + 1);
    const { data } = await hub.gql(
      `{ partnerships(filter: { kind: FRIENDLY_EXCHANGE, partnerCountryCode: "KR" }) { nodes { homeCity { nameZh } partnerCity { nameZh } stage
        sources { document row } stageHistory(first: 10) { from to sources { document row } } } } }`,
    );
    // The row and the first step of its history come from the file's row 3.
    const source = [{ document: "友城名单.csv", row: 3 }];
    expect(data!.partnerships.nodes).toContainEqual({
      homeCity: { nameZh: "齐齐哈尔" },
      partnerCity: { nameZh: "光州" },
      stage: "PROSPECT",
      sources: source,
      stageHistory: [{ from: null, to: "PROSPECT", sources: source }],
    });
  });
});

describe("importing investments", () => {
  it("resolves investors by name and checks amounts, currencies and cities", async () => {
    const file = await writeXlsx("投资意向.xlsx", [
      {
        name: "2024",
        rows: [
          ["类型", "项目名称", "投资方", "城市", "金额", "币种", "阶段", "签约日期"],
          ["投资", "生物医药二期", "濮键", "南昌", 5000000, "CNY", "签约", "2024-03-01"],
          ["捐赠", "希望小学", "香港乐善行基金会", "南昌", -100, "CNY", null, null],
          ["投资", "未知项目", "不存在的人", "义乌", null, null, null, null],
          ["贸易", "外贸订单", "上海侨商会", "上海", 100, null, null, null],
        ],
      },
    ]);
    const report = await run(ImportKind.INVESTMENTS, file, true);
    expect(report).toMatchObject({ rows: 4, written: 1, unchanged: 0 });
    expect(report.problems).toEqual([
      {
        sheet: "2024",
        row: 3,
        column: "金额",
        reason: "must be a number, 0 or more, with at most 2 decimals, not -100",
      },
      {
        sheet: "2024",
        row: 4,
        column: "投资方",
        reason: 'unknown investor "不存在的人": no person or organization has that name',
      },
      { sheet: "2024", row: 5, column: "币种", reason: "is required with an amount" },
    ]);
    const { data } = await hub.gql(
      `{ investmentIntentions(filter: { stage: SIGNED }) { nodes { project amount currency signedOn investorPerson { nameZh } targetCity { nameZh } } } }`,
    );
    expect(data!.investmentIntentions.nodes).toContainEqual({
      project: "生物医药二期",
      amount: "5000000.00",
      currency: "CNY",
      signedOn: "2024-03-01",
      investorPerson: { nameZh: "濮键" },
      targetCity: { nameZh: "南昌" },
    });
  });
});
