// The import over GraphQL (importRecords with the file in base64) and under a token: the same
// report as the command line's, an editor limited to its cities, and refusals that write nothing.
import { readFileSync } from "node:fs";
import { Role } from "../../src/core/actor";
import { TokenVerifier } from "../../src/graphql/access/tokens";
import { fileSource, ImportKind, importRecords } from "../../src/modules/imports";
import { factId } from "../../src/seed/seed";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";
import { actorContext, ADMIN, count, writeCsv, writeXlsx } from "./import-files";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const IMPORT = `mutation($type: ImportKind!, $fileName: String!, $content: String!, $partial: Boolean, $dryRun: Boolean) {
  importRecords(type: $type, fileName: $fileName, contentBase64: $content, partial: $partial, dryRun: $dryRun) {
    type fileName dryRun partial rows written unchanged problems { sheet row column reason } } }`;

const nanchangAndQiqihar = () =>
  writeCsv("两市登记.csv", [
    ["日期", "团组名称", "方向", "人数", "本地城市", "国家"],
    ["2023-04-01", "法国侨商考察团", "来访", "8", "南昌", "法国"],
    ["2023-04-02", "立陶宛维萨基纳斯代表团", "来访", "3", "齐齐哈尔", "LT"],
  ]);

const variables = (file: string, extra: Record<string, unknown> = {}) => ({
  type: "DELEGATIONS",
  fileName: file.split("/").pop(),
  content: readFileSync(file).toString("base64"),
  ...extra,
});

const CLAIM_PROBLEM = {
  sheet: "两市登记.csv",
  row: 3,
  column: "本地城市",
  reason: "the record belongs to a city outside your claim",
};

describe("importRecords over GraphQL", () => {
  it("returns the report the command line gives for the same file", async () => {
    const file = await writeXlsx("对比.xlsx", [
      {
        name: "来访",
        rows: [
          ["日期", "团组名称", "方向", "人数", "本地城市"],
          ["2023-01-01", "甲团", "来访", 0, "南昌"],
          ["2023-01-02", "乙团", "出访", 2, "铜川"],
        ],
      },
    ]);
    const direct = await importRecords(actorContext(hub, ADMIN), {
      type: ImportKind.DELEGATIONS,
      source: fileSource(file),
      dryRun: true,
    });
    const { data, errors } = await hub.gql(IMPORT, variables(file, { dryRun: true }));
    expect(errors).toBeUndefined();
    expect(data!.importRecords).toEqual(direct);
    expect(direct.problems).toEqual([
      { sheet: "来访", row: 2, column: "人数", reason: "must be a whole number above 0, not 0" },
    ]);
  });

  it("gives each reason in Chinese too", async () => {
    const REASONS = `mutation($type: ImportKind!, $fileName: String!, $content: String!, $partial: Boolean) {
      importRecords(type: $type, fileName: $fileName, contentBase64: $content, partial: $partial, dryRun: true) {
        problems { row reason reasonZh } } }`;
    const editor = await hub.token(Role.EDITOR, [factId("city-nanchang")]);
    const file = await writeXlsx("中文原因.xlsx", [
      {
        name: "来访",
        rows: [
          ["日期", "团组名称", "方向", "人数", "本地城市"],
          ["2023-01-01", "甲团", "来访", 0, "南昌"],
          ["某日", "乙团", "来访", 2, "南昌"],
          ["2023-01-03", "丙团", "来访", 2, "齐齐哈尔"],
        ],
      },
    ]);
    const { data, errors } = await hub.gql(REASONS, variables(file), editor);
    expect(errors).toBeUndefined();
    expect(data!.importRecords.problems).toEqual([
      {
        row: 2,
        reason: "must be a whole number above 0, not 0",
        reasonZh: "应为大于 0 的整数，而不是 0",
      },
      {
        row: 3,
        reason: '"某日" is not a date (YYYY-MM-DD)',
        reasonZh: "「某日」不是日期（年-月-日）",
      },
      {
        row: 4,
        reason: "the record belongs to a city outside your claim",
        reasonZh: "记录所属城市不在令牌授权的城市之内",
      },
    ]);
  });

  it("limits an editor to its cities: all or nothing, then the claimed rows with partial", async () => {
    const editor = await hub.token(Role.EDITOR, [factId("city-nanchang")]);
    const file = nanchangAndQiqihar();
    const before = await databaseDigest(hub.db);
    const refused = await hub.gql(IMPORT, variables(file), editor);
    expect(refused.data!.importRecords).toMatchObject({ rows: 2, written: 0 });
    expect(refused.data!.importRecords.problems).toEqual([CLAIM_PROBLEM]);
    expect(await databaseDigest(hub.db)).toBe(before);

    const partial = await hub.gql(IMPORT, variables(file, { partial: true }), editor);
    expect(partial.data!.importRecords).toMatchObject({ written: 1, problems: [CLAIM_PROBLEM] });
    const [entry] = await hub.db.query(
      `SELECT actor, role, after->>'name' AS name FROM audit_entry WHERE after->>'name' = '法国侨商考察团'`,
    );
    expect(entry).toEqual({ actor: "editor-cli", role: "editor", name: "法国侨商考察团" });
    expect(await count(hub.db, "delegation", `name = '立陶宛维萨基纳斯代表团'`)).toBe(0);
  });

  it("limits the command line to a --token's cities the same way", async () => {
    const token = await hub.token(Role.EDITOR, [factId("city-nanchang")]);
    const actor = await new TokenVerifier(hub.config).actor(`Bearer ${token}`);
    const before = await databaseDigest(hub.db);
    const report = await importRecords(actorContext(hub, actor), {
      type: ImportKind.DELEGATIONS,
      source: fileSource(nanchangAndQiqihar()),
    });
    expect(report).toMatchObject({ written: 0, unchanged: 1, problems: [CLAIM_PROBLEM] });
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("refuses a viewer, and content that is not a readable file, writing nothing", async () => {
    const file = nanchangAndQiqihar();
    const before = await databaseDigest(hub.db);
    const viewer = await hub.gql(IMPORT, variables(file), await hub.token(Role.VIEWER));
    expect(viewer.errors![0].extensions.code).toBe("FORBIDDEN");
    await hub.expectRefused(IMPORT, variables(file, { content: "not base64!" }), {
      code: "BAD_USER_INPUT",
      field: "contentBase64",
    });
    await hub.expectRefused(IMPORT, variables(file, { fileName: "登记.txt" }), {
      code: "BAD_USER_INPUT",
      field: "fileName",
    });
    const broken = variables(file, { fileName: "登记.xlsx", content: "UEsDBAoAAAAAAA==" });
    const error = await hub.expectRefused(IMPORT, broken, {
      code: "BAD_USER_INPUT",
      field: "contentBase64",
    });
    expect(error.message).toMatch(/^contentBase64: is not a readable \.xlsx file/);
    expect(await databaseDigest(hub.db)).toBe(before);
  });
});
