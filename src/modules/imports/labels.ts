// The words registers use for the hub's enumerations, Chinese beside the hub's own names.
import { DatePrecision } from "../../records/date-precision";
import { Direction, Purpose } from "../delegation";
import { InvestmentKind, InvestmentStage } from "../investment";
import { PartnershipKind, PartnershipStage } from "../partnership";
import { PersonCategory } from "../people";

/** Each value under its own name too, so that INBOUND works as well as 来访. */
function withOwnNames<V extends string>(values: Record<string, V>, labels: Record<string, V>) {
  return { ...Object.fromEntries(Object.values(values).map((v) => [v, v])), ...labels };
}

export const DIRECTIONS = withOwnNames(Direction, {
  来访: Direction.INBOUND,
  来华: Direction.INBOUND,
  入境: Direction.INBOUND,
  出访: Direction.OUTBOUND,
  出国: Direction.OUTBOUND,
  出境: Direction.OUTBOUND,
});

export const PURPOSES = withOwnNames(Purpose, {
  政务: Purpose.GOVERNMENT,
  经贸: Purpose.TRADE_INVESTMENT,
  招商: Purpose.TRADE_INVESTMENT,
  文化: Purpose.CULTURE,
  教育: Purpose.EDUCATION,
  科技: Purpose.SCIENCE_TECH,
  农业: Purpose.AGRICULTURE,
  卫生: Purpose.HEALTH,
  医疗: Purpose.HEALTH,
  青年: Purpose.YOUTH,
  侨务: Purpose.OVERSEAS_CHINESE,
  领事: Purpose.CONSULAR,
  其他: Purpose.OTHER,
});

export const DATE_PRECISIONS = withOwnNames(DatePrecision, {
  日: DatePrecision.DAY,
  月: DatePrecision.MONTH,
  年: DatePrecision.YEAR,
});

export const PARTNERSHIP_KINDS = withOwnNames(PartnershipKind, {
  友好城市: PartnershipKind.SISTER_CITY,
  姐妹城市: PartnershipKind.SISTER_CITY,
  友城: PartnershipKind.SISTER_CITY,
  友好交流城市: PartnershipKind.FRIENDLY_EXCHANGE,
  友好合作城市: PartnershipKind.FRIENDLY_EXCHANGE,
});

export const PARTNERSHIP_STAGES = withOwnNames(PartnershipStage, {
  意向: PartnershipStage.PROSPECT,
  接触: PartnershipStage.CONTACT,
  商谈: PartnershipStage.NEGOTIATING,
  已结好: PartnershipStage.ESTABLISHED,
  已缔结: PartnershipStage.ESTABLISHED,
  暂停: PartnershipStage.SUSPENDED,
  终止: PartnershipStage.ENDED,
});

export const PERSON_CATEGORIES = withOwnNames(PersonCategory, {
  侨商: PersonCategory.OVERSEAS_CHINESE_BUSINESSPERSON,
  归侨: PersonCategory.RETURNED_OVERSEAS_CHINESE,
  外专: PersonCategory.FOREIGN_EXPERT,
  外国专家: PersonCategory.FOREIGN_EXPERT,
  官员: PersonCategory.OFFICIAL,
  其他: PersonCategory.OTHER,
});

export const INVESTMENT_KINDS = withOwnNames(InvestmentKind, {
  投资: InvestmentKind.INVESTMENT,
  捐赠: InvestmentKind.DONATION,
  捐款: InvestmentKind.DONATION,
  贸易: InvestmentKind.TRADE,
});

export const INVESTMENT_STAGES = withOwnNames(InvestmentStage, {
  意向: InvestmentStage.INTENTION,
  签约: InvestmentStage.SIGNED,
  在建: InvestmentStage.IN_PROGRESS,
  实施中: InvestmentStage.IN_PROGRESS,
  落地: InvestmentStage.REALIZED,
  撤回: InvestmentStage.WITHDRAWN,
});

function firstWords<V extends string>(labels: Record<string, V>): Map<V, string> {
  const first = new Map<V, string>();
  for (const [label, value] of Object.entries(labels)) {
    if (/\p{Script=Han}/u.test(label) && !first.has(value)) first.set(value, label);
  }
  return first;
}

/** "来访 (INBOUND), 出访 (OUTBOUND)": each value with its first Chinese word, for templates and refusals. */
export function labelList<V extends string>(labels: Record<string, V>): string {
  return [...firstWords(labels)].map(([value, label]) => `${label} (${value})`).join(", ");
}

/** Each value's first Chinese word: a template's drop-down list. */
export function choiceList<V extends string>(labels: Record<string, V>): string[] {
  return [...firstWords(labels).values()];
}
