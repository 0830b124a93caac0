// Imports of several statements' worth of rows: rows are written while later ones are still being
// checked, so a refusal or a database error after the first statements must still leave nothing,
// and the events must still follow the rows' order under increasing cursors.
import { BulkCreation } from "../../src/db/bulk-creation";
import { Role } from "../../src/core/actor";
import { HubError } from "../../src/core/errors";
import { DelegationService } from "../../src/modules/delegation/delegation.service";
import { DelegationInput } from "../../src/modules/delegation/delegation.inputs";
import { fileSource, ImportKind, importRecords } from "../../src/modules/imports";
import { factId } from "../../src/seed/seed";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";
import { actorContext, ADMIN, count, writeCsv } from "./import-files";

/** More rows than two multi-row statements carry. */
const ROWS = 4500;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

/** Nanchang's visits, and one of Qiqihar's last, which a Nanchang editor may not write. */
const register = () =>
  writeCsv("大批登记.csv", [
    ["日期", "团组名称", "方向", "人数", "本地城市", "国家"],
    ...Array.from({ length: ROWS }, (_, i) => [
      "2019-03-01",
      `批量第${i + 1}团`,
      i % 3 === 0 ? "出访" : "来访",
      String(1 + (i % 9)),
      "南昌",
      "芬兰",
    ]),
    ["2019-03-02", "齐齐哈尔代表团", "来访", "2", "齐齐哈尔", "LT"],
  ]);

const EDITOR = { subject: "bulk-editor", role: Role.EDITOR, cities: [factId("city-nanchang")] };

describe("imports written in several statements", () => {
  it("writes nothing when the service refuses a row after earlier statements were sent", async () => {
    const before = await databaseDigest(hub.db);
    const report = await importRecords(actorContext(hub, EDITOR), {
      type: ImportKind.DELEGATIONS,
      source: fileSource(register()),
    });
    expect(report).toMatchObject({ rows: ROWS + 1, written: 0 });
    expect(report.problems).toEqual([
      {
        sheet: "大批登记.csv",
        row: ROWS + 2,
        column: "本地城市",
        reason: "the record belongs to a city outside your claim",
      },
    ]);
    expect(await databaseDigest(hub.db)).toBe(before);
  });

  it("rolls back rows already written when a row read later cannot be imported", async () => {
    // A first batch of rows goes to the database while the rest of the file is read; the row that
    // names an unknown country comes after it.
    const file = writeCsv("迟到的问题.csv", [
      ["日期", "团组名称", "方向", "人数", "本地城市", "国家"],
      ...Array.from({ length: ROWS }, (_, i) => [
        "2019-04-01",
        `迟报第${i + 1}团`,
        "来访",
        "3",
        "南昌",
        "芬兰",
      ]),
      ["2019-04-02", "火星代表团", "来访", "2", "南昌", "火星"],
    ]);
    const before = await databaseDigest(hub.db);
    const writes = jest.spyOn(BulkCreation.prototype, "add");
    try {
      const report = await importRecords(actorContext(hub, ADMIN), {
        type: ImportKind.DELEGATIONS,
        source: fileSource(file),
      });
      expect(writes).toHaveBeenCalled();
      expect(report).toMatchObject({ rows: ROWS + 1, written: 0, unchanged: 0 });
      expect(report.problems).toEqual([
        {
          sheet: "迟到的问题.csv",
          row: ROWS + 2,
          column: "国家",
          reason: 'unknown country "火星"',
        },
      ]);
    } finally {
      writes.mockRestore();
    }
    expect(await databaseDigest(hub.db)).toBe(before);
    const partial = await importRecords(actorContext(hub, ADMIN), {
      type: ImportKind.DELEGATIONS,
      source: fileSource(file),
      partial: true,
    });
    expect(partial).toMatchObject({ rows: ROWS + 1, written: ROWS, unchanged: 0 });
    expect(await count(hub.db, "delegation", "name LIKE '迟报第%'")).toBe(ROWS);
  });

  it("writes the rows in order with partial: one entry and one event each, cursors increasing", async () => {
    const report = await importRecords(actorContext(hub, EDITOR), {
      type: ImportKind.DELEGATIONS,
      source: fileSource(register()),
      partial: true,
    });
    expect(report).toMatchObject({ written: ROWS });
    const events = await hub.db.query(
      `SELECT e.cursor::text, d.name, e.city_id, a.after
       FROM hub_event e JOIN delegation d ON d.id = e.entity_id
       JOIN audit_entry a ON a.id = e.entry_id AND a.entity_id = e.entity_id
       WHERE d.name LIKE '批量第%' ORDER BY e.cursor`,
    );
    expect(events.map((e: { name: string }) => e.name)).toEqual(
      Array.from({ length: ROWS }, (_, i) => `批量第${i + 1}团`),
    );
    for (const event of events) {
      expect(event.after.name).toBe(event.name);
      expect(event.city_id).toBe(factId("city-nanchang"));
    }
    expect(await count(hub.db, "audit_entry", "actor = 'bulk-editor'")).toBe(ROWS);
  });

  it("writes nothing and sends nothing more when the database refuses a row of a later statement", async () => {
    const service = new DelegationService(actorContext(hub, ADMIN));
    const input = (i: number): DelegationInput =>
      ({
        direction: "INBOUND",
        name: `被拒批次第${i + 1}团`,
        startDate: "2018-01-01",
        datePrecision: "DAY",
        purposes: [],
        homeCityId: factId("city-nanchang"),
        counterpartCountryCode: "FI",
        // A city that does not exist, with its country given: only the foreign key refuses it.
        counterpartCityId: i === ROWS - 1 ? "00000000-0000-4000-8000-000000000001" : undefined,
        memberIds: [],
      }) as never;
    const before = await databaseDigest(hub.db);
    const failure = await service
      .createMany(Array.from({ length: ROWS }, (_, i) => input(i)))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HubError);
    expect(await databaseDigest(hub.db)).toBe(before);
    const again = await service.createMany([input(0)]);
    expect(again.createdIds).toHaveLength(1);
  });
});
