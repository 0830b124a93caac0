// A list of overseas Chinese businesspeople, returnees, experts and officials: one person a row.
import { PersonInput, PersonService } from "../../people";
import { ImportKind } from "../import-kind";
import { ImportSpec } from "../import-spec";
import { choiceList, labelList, PERSON_CATEGORIES } from "../labels";
import { PlaceBook } from "../places";
import { RowCells } from "../row-cells";

const PERSON_CATEGORIES_WORDS = labelList(PERSON_CATEGORIES);

const COLUMNS = [
  {
    key: "nameZh",
    example: "张三",
    zh: "姓名",
    en: "name",
    aliases: ["中文名", "name zh"],
    required: true,
    format: "the Chinese name",
    fields: ["nameZh"],
  },
  {
    key: "nameEn",
    example: "Zhang San",
    zh: "英文名",
    en: "english name",
    aliases: ["外文名", "name en"],
    format: "text",
    fields: ["nameEn"],
  },
  {
    key: "categories",
    example: "侨商",
    zh: "类别",
    en: "categories",
    aliases: ["身份", "category"],
    format: `${PERSON_CATEGORIES_WORDS}; several separated by 、`,
    choices: { words: choiceList(PERSON_CATEGORIES), several: true },
    fields: ["categories"],
  },
  { key: "title", example: "会长", zh: "职务", en: "title", format: "text", fields: ["title"] },
  {
    key: "contact",
    example: "+39 02 1234 5678",
    zh: "联系方式",
    en: "contact",
    format: "text (restricted personal data)",
    fields: ["contact"],
  },
  {
    key: "country",
    example: "意大利",
    zh: "居住国",
    en: "country",
    aliases: ["国家", "居住国家", "residence country"],
    format: "ISO code, Chinese or English name",
    fields: ["residenceCountryCode"],
  },
  {
    key: "ancestralHome",
    example: "福清",
    zh: "祖籍",
    en: "ancestral home",
    aliases: ["籍贯"],
    format: "a city: Chinese or English name or alias",
    fields: ["ancestralHomeId"],
  },
];

function toInput(cells: RowCells, places: PlaceBook): PersonInput | null {
  const input = {
    nameZh: cells.text("nameZh")!,
    nameEn: cells.text("nameEn") ?? undefined,
    categories: cells.listOf("categories", PERSON_CATEGORIES, PERSON_CATEGORIES_WORDS),
    title: cells.text("title") ?? undefined,
    contact: cells.text("contact") ?? undefined,
    residenceCountryCode: cells.country("country", places) ?? undefined,
    ancestralHomeId: cells.city("ancestralHome", places)?.id,
    affiliations: [],
  };
  return cells.failed ? null : input;
}

export const personImport: ImportSpec<PersonInput> = {
  kind: ImportKind.PEOPLE,
  columns: COLUMNS,
  ownerColumn: "nameZh",
  naturalKey: {
    parts: [
      { sql: "name_zh", type: "text", of: (p) => p.nameZh },
      {
        sql: "coalesce(ancestral_home_id::text, '')",
        type: "text",
        of: (p) => p.ancestralHomeId ?? "",
      },
      {
        sql: "coalesce(residence_country_code, '')",
        type: "text",
        of: (p) => p.residenceCountryCode ?? "",
      },
    ],
    table: "person",
    column: "nameZh",
    describe: "name, ancestral home and country of residence",
  },
  service: (ctx) => new PersonService(ctx),
  converter: async (_tx, places) => (cells) => toInput(cells, places),
};
