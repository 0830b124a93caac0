// A list of sister cities (友好城市) and friendly-exchange cities (友好交流城市): one tie a row.
import { PartnershipStage, PartnershipInput, PartnershipService } from "../../partnership";
import { ImportKind } from "../import-kind";
import { ImportSpec } from "../import-spec";
import { choiceList, labelList, PARTNERSHIP_KINDS, PARTNERSHIP_STAGES } from "../labels";
import { PlaceBook } from "../places";
import { RowCells } from "../row-cells";

const PARTNERSHIP_KINDS_WORDS = labelList(PARTNERSHIP_KINDS);
const PARTNERSHIP_STAGES_WORDS = labelList(PARTNERSHIP_STAGES);

const COLUMNS = [
  {
    key: "homeCity",
    example: "齐齐哈尔",
    zh: "本地城市",
    en: "home city",
    aliases: ["我方城市"],
    required: true,
    format: "a city in China: Chinese or English name or alias",
    fields: ["homeCityId"],
  },
  {
    key: "partnerCity",
    example: "维萨基纳斯",
    zh: "友好城市",
    en: "partner city",
    aliases: ["外方城市", "城市", "city"],
    required: true,
    format: "a city abroad: Chinese or English name or alias",
    fields: ["partnerCityId"],
  },
  {
    key: "country",
    example: "立陶宛",
    zh: "国家",
    en: "country",
    aliases: ["国别", "国家或地区"],
    format: "the partner city's country: ISO code, Chinese or English name",
  },
  {
    key: "kind",
    example: "友好城市",
    zh: "类型",
    en: "kind",
    aliases: ["关系"],
    required: true,
    format: PARTNERSHIP_KINDS_WORDS,
    choices: { words: choiceList(PARTNERSHIP_KINDS) },
    fields: ["kind"],
  },
  {
    key: "stage",
    example: "已结好",
    zh: "阶段",
    en: "stage",
    aliases: ["状态"],
    format: `${PARTNERSHIP_STAGES_WORDS}; 意向 when empty`,
    choices: { words: choiceList(PARTNERSHIP_STAGES) },
    fields: ["stage"],
  },
  {
    key: "establishedOn",
    example: "2011-09-21",
    zh: "结好日期",
    en: "established on",
    aliases: ["签约日期", "日期", "date"],
    format: "YYYY-MM-DD",
    fields: ["establishedOn"],
  },
  {
    key: "notes",
    example: "市长签署友好城市协议",
    zh: "备注",
    en: "notes",
    format: "text",
    fields: ["notes", "stageNote"],
  },
];

function partnerCity(cells: RowCells, places: PlaceBook): string | null {
  const countryCode = cells.country("country", places);
  if (countryCode === null && cells.text("country") !== null) return null;
  const city = cells.city("partnerCity", places, countryCode);
  if (city?.countryCode === "CN") {
    return cells.problem("partnerCity", `"${city.nameZh}" is in China; a partner city is abroad`);
  }
  return city?.id ?? null;
}

function toInput(cells: RowCells, places: PlaceBook): PartnershipInput | null {
  const input = {
    homeCityId: cells.chineseCity("homeCity", places)!,
    partnerCityId: partnerCity(cells, places)!,
    kind: cells.oneOf("kind", PARTNERSHIP_KINDS, PARTNERSHIP_KINDS_WORDS)!,
    stage:
      cells.oneOf("stage", PARTNERSHIP_STAGES, PARTNERSHIP_STAGES_WORDS) ??
      PartnershipStage.PROSPECT,
    establishedOn: cells.date("establishedOn") ?? undefined,
    notes: cells.text("notes") ?? undefined,
  };
  return cells.failed ? null : input;
}

export const partnershipImport: ImportSpec<PartnershipInput> = {
  kind: ImportKind.PARTNERSHIPS,
  columns: COLUMNS,
  ownerColumn: "homeCity",
  naturalKey: {
    parts: [
      { sql: "home_city_id", type: "uuid", of: (p) => p.homeCityId },
      { sql: "partner_city_id", type: "uuid", of: (p) => p.partnerCityId },
      { sql: "kind", type: "text", of: (p) => p.kind },
    ],
    table: "partnership",
    column: "partnerCity",
    describe: "home city, partner city and kind",
  },
  service: (ctx) => new PartnershipService(ctx),
  converter: async (_tx, places) => (cells) => toInput(cells, places),
};
