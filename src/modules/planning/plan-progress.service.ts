// Progress against a city's yearly targets and its partnership pipeline (docs/api.md), computed from
// the records each time: one statement finds every record that counts towards the year's targets.
import { HubContext } from "../../records/context";
import { checkId } from "../../core/input-checks";
import { DatePrecision } from "../../records/date-precision";
import { LoaderFactory } from "../../db/loaders";
import { Row } from "../../core/node";
import { delegationById } from "../delegation";
import { Region } from "../geography";
import { investmentIntentionById } from "../investment";
import { Partnership, partnershipById, PartnershipStage } from "../partnership";
import { PlanMetric, PlanTarget } from "./plan-target";
import { CurrencyAmount, PipelineEntry, TargetProgress } from "./plan-progress.types";
import { PlanTargetService } from "./planning.service";
import { read } from "../../db/read";

// $1 city, $2 year, $3 metrics. Each record with the metric it counts for, its value and
// currency, the region of the country on its far side, and whether it counts: a partnership that
// reached its stage at a date no source gives is listed apart, as it may be new or long standing,
// and so is a visit no source dates, which may have been in any year.
const IN_YEAR = (column: string) =>
  `${column} >= make_date($2, 1, 1) AND ${column} < make_date($2 + 1, 1, 1)`;
const STEP = (stages: string, when: string) => `EXISTS (SELECT FROM stage_change s
  WHERE s.partnership_id = p.id AND s.to_stage IN (${stages}) AND ${when})`;
const ENTERED = (stages: string) => `CASE
  WHEN ${STEP(stages, IN_YEAR("s.changed_on"))} THEN true
  WHEN ${STEP(stages, "s.changed_on IS NULL")}
    AND NOT ${STEP(stages, "s.changed_on IS NOT NULL")} THEN false END`;

const PARTNERSHIPS = (metric: string, stages: string) => `
  SELECT ${metric} AS metric, 'Partnership' AS type, p.id, 1::numeric AS value,
    NULL::text AS currency, c.region, c.subregion, ${ENTERED(stages)} AS counted
  FROM partnership p JOIN country c ON c.code = p.partner_country_code
  WHERE p.home_city_id = $1`;

const CONTRIBUTIONS_SQL = `
SELECT metric, type, id, value::float8 AS value, value::text AS exact, currency, region, subregion, counted FROM (
  ${PARTNERSHIPS(
    "CASE p.kind WHEN 'SISTER_CITY' THEN 'NEW_SISTER_CITIES' ELSE 'NEW_FRIENDLY_EXCHANGES' END",
    "'ESTABLISHED'",
  )}
  UNION ALL
  ${PARTNERSHIPS("'NEW_PROSPECTS'", "'PROSPECT', 'CONTACT'")}
  UNION ALL
  SELECT CASE d.direction WHEN 'INBOUND' THEN 'INBOUND_DELEGATIONS' ELSE 'OUTBOUND_DELEGATIONS' END,
    'Delegation', d.id, 1, NULL, c.region, c.subregion, d.start_date IS NOT NULL
  FROM delegation d LEFT JOIN country c ON c.code = d.counterpart_country_code
  WHERE d.home_city_id = $1 AND (${IN_YEAR("d.start_date")} OR d.start_date IS NULL)
    AND d.approval IS DISTINCT FROM 'REJECTED'
  UNION ALL
  SELECT 'INVESTMENT_SIGNED_AMOUNT', 'InvestmentIntention', i.id, coalesce(i.amount, 0),
    i.currency, c.region, c.subregion, true
  FROM investment_intention i
  LEFT JOIN person investor ON investor.id = i.investor_person_id
  LEFT JOIN organization o ON o.id = i.investor_organization_id
  LEFT JOIN country c ON c.code = coalesce(investor.residence_country_code, o.country_code)
  WHERE i.target_city_id = $1 AND ${IN_YEAR("i.signed_on")}
    AND i.stage IS DISTINCT FROM 'WITHDRAWN'
) contribution
WHERE metric = ANY ($3::text[]) AND counted IS NOT NULL
ORDER BY type, id`;

interface Contribution {
  metric: PlanMetric;
  type: string;
  id: string;
  value: number;
  /** The value as PostgreSQL wrote it, for amounts. */
  exact: string;
  currency: string | null;
  region: Region | null;
  subregion: string | null;
  counted: boolean;
}

/** The currency plan targets are set in: amounts in others are listed, not added. */
const TARGET_CURRENCY = "CNY";

const LOADERS: Record<string, LoaderFactory<string, Row | null>> = {
  Partnership: partnershipById,
  Delegation: delegationById,
  InvestmentIntention: investmentIntentionById,
};

// The day a partnership entered its current stage: its last dated step there in the stage
// history; null when its steps there have no date; the day it was recorded when it has none.
const STEPS_THERE = `FROM stage_change s WHERE s.partnership_id = row.id AND s.to_stage = row.stage`;
const SINCE = `CASE WHEN EXISTS (SELECT ${STEPS_THERE}) THEN (SELECT max(s.changed_on) ${STEPS_THERE})
  ELSE row.created_at::date END`;
// How much of that day is known: the precision of the step it comes from.
const SINCE_PRECISION = `CASE WHEN EXISTS (SELECT ${STEPS_THERE})
  THEN (SELECT s.on_precision ${STEPS_THERE} ORDER BY s.changed_on DESC NULLS LAST LIMIT 1)
  ELSE '${DatePrecision.DAY}' END`;

const PIPELINE = Object.values(PartnershipStage)
  .map((stage) => `'${stage}'`)
  .join(", ");

export class PlanProgressService {
  constructor(private readonly ctx: HubContext) {}

  async progress(cityId: string, year: number): Promise<TargetProgress[]> {
    const city = checkId(cityId, "cityId");
    const targets = await new PlanTargetService(this.ctx).find({ cityId: city, year });
    if (targets.length === 0) return [];
    const contributions = await read<Contribution>(this.ctx.db, CONTRIBUTIONS_SQL, [
      city,
      year,
      targets.map((target) => target.metric),
    ]);
    return Promise.all(targets.map((target) => this.progressOf(target, contributions)));
  }

  private async progressOf(target: PlanTarget, all: Contribution[]): Promise<TargetProgress> {
    const ofMetric = all.filter((c) => c.metric === target.metric);
    const counted = ofMetric.filter((c) => c.counted);
    const amounts = amountsByCurrency(counted);
    const achieved = amounts.length
      ? Number(amounts.find((a) => a.currency === TARGET_CURRENCY)?.amount ?? 0)
      : counted.reduce((sum, c) => sum + c.value, 0);
    return {
      target,
      achieved,
      met: achieved >= target.targetValue,
      contributing: await this.records(counted),
      undated: await this.records(ofMetric.filter((c) => !c.counted)),
      amounts,
      uncoveredRegions: target.focusRegions.filter((r) => !counted.some((c) => c.region === r)),
      uncoveredSubregions: target.focusSubregions.filter(
        (s) => !counted.some((c) => c.subregion === s),
      ),
    };
  }

  private async records(contributions: Contribution[]): Promise<Row[]> {
    const records = await Promise.all(
      contributions.map((c) => this.ctx.loaders.get(LOADERS[c.type]).load(c.id)),
    );
    return records.filter((record): record is Row => record !== null);
  }

  /** The city's partnerships in pipeline order, the longest waiting first within a stage. */
  async pipeline(cityId: string): Promise<PipelineEntry[]> {
    const city = checkId(cityId, "cityId");
    const { entities, raw } = await this.ctx.db
      .getRepository(Partnership)
      .createQueryBuilder("row")
      .addSelect(`${SINCE}::text`, "since")
      .addSelect(SINCE_PRECISION, "since_precision")
      .addSelect(`CURRENT_DATE - ${SINCE}`, "days")
      .where("row.home_city_id = :city OR row.partner_city_id = :city", { city })
      .orderBy(`array_position(ARRAY[${PIPELINE}]::text[], row.stage)`)
      .addOrderBy("days", "DESC", "NULLS LAST")
      .addOrderBy("row.id")
      .getRawAndEntities();
    return entities.map((partnership, i) => ({
      partnership,
      stage: partnership.stage,
      since: raw[i].since,
      sincePrecision: raw[i].since_precision,
      daysInStage: raw[i].days === null ? null : Number(raw[i].days),
    }));
  }
}

/** A decimal amount with at most 2 decimals, in cents. */
function cents(amount: string): bigint {
  const [whole, fraction = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
}

/** The amounts of investments, summed per currency in cents, so that no float rounds them. */
function amountsByCurrency(contributions: Contribution[]): CurrencyAmount[] {
  const totals = new Map<string, bigint>();
  for (const c of contributions) {
    if (c.currency === null) continue;
    totals.set(c.currency, (totals.get(c.currency) ?? 0n) + cents(c.exact));
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, total]) => ({
      currency,
      amount: `${total / 100n}.${String(total % 100n).padStart(2, "0")}`,
    }));
}
