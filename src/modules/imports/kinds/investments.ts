// A list of investment, donation and trade intentions: one a row, its investor a person or an
// organization already in the hub, named as the directory names them.
import { EntityManager } from "typeorm";
import {
  InvestmentIntentionInput,
  InvestmentIntentionService,
  InvestmentStage,
} from "../../investment";
import { ImportKind } from "../import-kind";
import { ImportSpec } from "../import-spec";
import { INVESTMENT_KINDS, INVESTMENT_STAGES, choiceList, labelList } from "../labels";
import { nameKey, PlaceBook } from "../places";
import { RowCells } from "../row-cells";

const INVESTMENT_KINDS_WORDS = labelList(INVESTMENT_KINDS);
const INVESTMENT_STAGES_WORDS = labelList(INVESTMENT_STAGES);

const COLUMNS = [
  {
    key: "kind",
    example: "投资",
    zh: "类型",
    en: "kind",
    required: true,
    format: INVESTMENT_KINDS_WORDS,
    choices: { words: choiceList(INVESTMENT_KINDS) },
    fields: ["kind"],
  },
  {
    key: "project",
    example: "福清江阴港物流园",
    zh: "项目名称",
    en: "project",
    aliases: ["项目"],
    required: true,
    format: "text",
    fields: ["project"],
  },
  {
    key: "investor",
    example: "张三",
    zh: "投资方",
    en: "investor",
    aliases: ["投资人", "捐赠方"],
    required: true,
    format: "a person's or an organization's name, as the hub has it",
    fields: ["investorPersonId", "investorOrganizationId"],
  },
  {
    key: "targetCity",
    example: "福清",
    zh: "城市",
    en: "city",
    aliases: ["目标城市", "落地城市", "target city"],
    required: true,
    format: "a city in China: Chinese or English name or alias",
    fields: ["targetCityId"],
  },
  {
    key: "amount",
    example: "5000",
    zh: "金额",
    en: "amount",
    format: "a number, 0 or more, at most 2 decimals; thousands separators allowed",
    fields: ["amount"],
  },
  {
    key: "currency",
    example: "CNY",
    zh: "币种",
    en: "currency",
    format: "ISO 4217 code, e.g. CNY, USD; required with an amount",
    fields: ["currency"],
  },
  {
    key: "stage",
    example: "意向",
    zh: "阶段",
    en: "stage",
    aliases: ["进展"],
    format: `${INVESTMENT_STAGES_WORDS}; 意向 when empty`,
    choices: { words: choiceList(INVESTMENT_STAGES) },
    fields: ["stage"],
  },
  {
    key: "signedOn",
    example: "2012-06-18",
    zh: "签约日期",
    en: "signed on",
    aliases: ["日期", "date"],
    format: "YYYY-MM-DD",
    fields: ["signedOn"],
  },
  {
    key: "sector",
    example: "物流",
    zh: "行业",
    en: "sector",
    aliases: ["领域"],
    format: "text",
    fields: ["sector"],
  },
];

interface Investor {
  id: string;
  kind: "person" | "organization";
}

/** The people and organizations the rows name as investors, by name. */
async function investorsNamed(
  tx: EntityManager,
  rows: RowCells[],
): Promise<Map<string, Investor[]>> {
  const names = [...new Set(rows.map((r) => r.peek("investor")).filter(Boolean))];
  const found: (Investor & { names: string[] })[] = await tx.query(
    `SELECT id, 'person' AS kind, ARRAY[name_zh, name_en] AS names FROM person
       WHERE name_zh = ANY($1) OR name_en = ANY($1)
     UNION ALL
     SELECT id, 'organization', ARRAY[name_zh, name_en] FROM organization
       WHERE name_zh = ANY($1) OR name_en = ANY($1)`,
    [names],
  );
  const byName = new Map<string, Investor[]>();
  for (const investor of found) {
    for (const name of new Set(investor.names.filter(Boolean).map(nameKey))) {
      byName.set(name, [...(byName.get(name) ?? []), { id: investor.id, kind: investor.kind }]);
    }
  }
  return byName;
}

function investor(cells: RowCells, investors: Map<string, Investor[]>): Investor | null {
  const text = cells.text("investor");
  if (text === null) return null;
  const found = investors.get(nameKey(text)) ?? [];
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    return cells.problem(
      "investor",
      `unknown investor "${text}": no person or organization has that name`,
    );
  }
  return cells.problem("investor", `"${text}" names ${found.length} people or organizations`);
}

function amount(cells: RowCells): string | null {
  const text = cells.text("amount")?.replace(/,/g, "") ?? null;
  if (text === null) return null;
  if (/^\d+(\.\d{1,2})?$/.test(text)) return text;
  return cells.problem(
    "amount",
    `must be a number, 0 or more, with at most 2 decimals, not ${text}`,
  );
}

function toInput(
  cells: RowCells,
  places: PlaceBook,
  investors: Map<string, Investor[]>,
): InvestmentIntentionInput | null {
  const by = investor(cells, investors);
  const input = {
    kind: cells.oneOf("kind", INVESTMENT_KINDS, INVESTMENT_KINDS_WORDS)!,
    project: cells.text("project")!,
    investorPersonId: by?.kind === "person" ? by.id : undefined,
    investorOrganizationId: by?.kind === "organization" ? by.id : undefined,
    targetCityId: cells.chineseCity("targetCity", places)!,
    amount: amount(cells) ?? undefined,
    currency: cells.text("currency") ?? undefined,
    stage:
      cells.oneOf("stage", INVESTMENT_STAGES, INVESTMENT_STAGES_WORDS) ?? InvestmentStage.INTENTION,
    signedOn: cells.date("signedOn") ?? undefined,
    sector: cells.text("sector") ?? undefined,
  };
  if (input.amount !== undefined && input.currency === undefined) {
    cells.problem("currency", "is required with an amount");
  }
  return cells.failed ? null : input;
}

export const investmentImport: ImportSpec<InvestmentIntentionInput> = {
  kind: ImportKind.INVESTMENTS,
  columns: COLUMNS,
  ownerColumn: "targetCity",
  naturalKey: {
    parts: [
      { sql: "target_city_id", type: "uuid", of: (i) => i.targetCityId },
      {
        sql: "coalesce(investor_person_id, investor_organization_id)",
        type: "uuid",
        of: (i) => (i.investorPersonId ?? i.investorOrganizationId)!,
      },
      { sql: "coalesce(project, '')", type: "text", of: (i) => i.project ?? "" },
    ],
    table: "investment_intention",
    column: "project",
    describe: "investor, city and project",
  },
  service: (ctx) => new InvestmentIntentionService(ctx),
  converter: async (tx, places, rows) => {
    const investors = await investorsNamed(tx, rows);
    return (cells) => toInput(cells, places, investors);
  },
};
