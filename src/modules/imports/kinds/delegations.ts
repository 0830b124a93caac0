// A reception register (来访) or a register of outbound delegations (出访): one visit a row.
import { DelegationInput, DelegationService } from "../../delegation";
import { ImportKind } from "../import-kind";
import { ImportSpec } from "../import-spec";
import { DATE_PRECISIONS, DIRECTIONS, choiceList, labelList, PURPOSES } from "../labels";
import { PlaceBook } from "../places";
import { RowCells } from "../row-cells";

const DATE_PRECISIONS_WORDS = labelList(DATE_PRECISIONS);
const DIRECTIONS_WORDS = labelList(DIRECTIONS);
const PURPOSES_WORDS = labelList(PURPOSES);

const COLUMNS = [
  {
    key: "startDate",
    example: "2011-09-20",
    zh: "日期",
    en: "date",
    aliases: ["开始日期", "抵达日期", "start date"],
    format: "YYYY-MM-DD; the first day of the visit; empty when no source dates it",
    fields: ["startDate"],
  },
  {
    key: "endDate",
    example: "2011-09-23",
    zh: "结束日期",
    en: "end date",
    aliases: ["离开日期"],
    format: "YYYY-MM-DD; the start date when empty",
    fields: ["endDate"],
  },
  {
    key: "name",
    example: "立陶宛维萨基纳斯市政府代表团",
    zh: "团组名称",
    en: "name",
    aliases: ["团组", "团名"],
    required: true,
    format: "text",
    fields: ["name"],
  },
  {
    key: "direction",
    example: "来访",
    zh: "方向",
    en: "direction",
    required: true,
    format: DIRECTIONS_WORDS,
    choices: { words: choiceList(DIRECTIONS) },
    fields: ["direction", "approval"],
  },
  {
    key: "size",
    example: "5",
    zh: "人数",
    en: "size",
    format: "a whole number above 0",
    fields: ["size"],
  },
  {
    key: "leader",
    example: "维萨基纳斯市市长",
    zh: "团长",
    en: "leader",
    format: "text",
    fields: ["leader"],
  },
  {
    key: "homeCity",
    example: "齐齐哈尔",
    zh: "本地城市",
    en: "home city",
    aliases: ["接待城市", "派出城市"],
    required: true,
    format: "a city in China: Chinese or English name or alias",
    fields: ["homeCityId", "partnershipId"],
  },
  {
    key: "country",
    example: "立陶宛",
    zh: "国家",
    en: "country",
    aliases: ["国别", "国家或地区"],
    format: "ISO code, Chinese or English name",
    fields: ["counterpartCountryCode"],
  },
  {
    key: "city",
    example: "维萨基纳斯",
    zh: "城市",
    en: "city",
    aliases: ["外方城市"],
    format: "the counterpart city: Chinese or English name or alias",
    fields: ["counterpartCityId"],
  },
  {
    key: "purposes",
    example: "政务、经贸",
    zh: "事由",
    en: "purposes",
    aliases: ["目的", "purpose"],
    format: `${PURPOSES_WORDS}; several separated by 、`,
    choices: { words: choiceList(PURPOSES), several: true },
    fields: ["purposes"],
  },
  {
    key: "occasion",
    example: "友好城市缔结仪式",
    zh: "活动",
    en: "occasion",
    aliases: ["场合"],
    format: "text",
    fields: ["occasion"],
  },
  {
    key: "datePrecision",
    example: "日",
    zh: "日期精度",
    en: "date precision",
    format: `${DATE_PRECISIONS_WORDS}; 日 when empty, none for an undated visit`,
    choices: { words: choiceList(DATE_PRECISIONS) },
    fields: ["datePrecision"],
  },
];

function positiveSize(cells: RowCells): number | null {
  const text = cells.text("size");
  if (text === null) return null;
  const size = Number(text);
  if (Number.isInteger(size) && size > 0) return size;
  return cells.problem("size", `must be a whole number above 0, not ${text}`);
}

/** The counterpart country and city; an unknown country leaves the city unread. */
function counterpart(cells: RowCells, places: PlaceBook) {
  const countryCode = cells.country("country", places);
  if (countryCode === null && cells.text("country") !== null) return null;
  const city = cells.city("city", places, countryCode);
  return { countryCode: countryCode ?? city?.countryCode ?? null, cityId: city?.id ?? null };
}

function toInput(cells: RowCells, places: PlaceBook): DelegationInput | null {
  const startDate = cells.date("startDate");
  const endDate = cells.date("endDate");
  if (startDate && endDate && endDate < startDate) {
    cells.problem("endDate", `the visit ends (${endDate}) before it starts (${startDate})`);
  }
  const precision = cells.oneOf("datePrecision", DATE_PRECISIONS, DATE_PRECISIONS_WORDS);
  // An empty date is an undated visit, which has no end or precision either.
  for (const [key, given] of [
    ["endDate", endDate],
    ["datePrecision", precision],
  ] as const) {
    if (!startDate && given && !cells.failed) {
      cells.problem(key, "needs a start date; an undated visit leaves both empty");
    }
  }
  const input = {
    direction: cells.oneOf("direction", DIRECTIONS, DIRECTIONS_WORDS)!,
    name: cells.text("name")!,
    size: positiveSize(cells),
    leader: cells.text("leader"),
    startDate,
    endDate: endDate ?? startDate,
    datePrecision: precision ?? (startDate ? DATE_PRECISIONS.DAY : null),
    purposes: cells.listOf("purposes", PURPOSES, PURPOSES_WORDS),
    occasion: cells.text("occasion"),
    homeCityId: cells.chineseCity("homeCity", places)!,
    memberIds: [],
  };
  const other = counterpart(cells, places);
  if (cells.failed || !other) return null;
  return {
    ...input,
    counterpartCountryCode: other.countryCode,
    counterpartCityId: other.cityId,
  } as DelegationInput;
}

export const delegationImport: ImportSpec<DelegationInput> = {
  kind: ImportKind.DELEGATIONS,
  columns: COLUMNS,
  ownerColumn: "homeCity",
  naturalKey: {
    parts: [
      { sql: "home_city_id", type: "uuid", of: (d) => d.homeCityId },
      { sql: "start_date", type: "date", of: (d) => d.startDate ?? null, nullable: true },
      { sql: "name", type: "text", of: (d) => d.name },
    ],
    table: "delegation",
    column: "name",
    describe: "home city, name and start date",
  },
  service: (ctx) => new DelegationService(ctx),
  converter: async (_tx, places) => (cells) => toInput(cells, places),
};
