// Progress against a city's yearly targets and its partnership pipeline (SPEC §5), computed from
// the records each time: one statement finds every record that counts towards the year's targets.
import { HubContext } from "../../records/context";
import { checkId } from "../../core/input-checks";
import { LoaderFactory } from "../../db/loaders";
import { Row } from "../../core/node";
import { delegationById } from "../delegation";
import { Region } from "../geography";
import { investmentIntentionById } from "../investment";
import { Partnership, partnershipById, PartnershipStage } from "../partnership";
import { PlanMetric, PlanTarget } from "./plan-target";
import { PipelineEntry, TargetProgress } from "./plan-progress.types";
import { PlanTargetService } from "./planning.service";

// $1 city, $2 year, $3 metrics. Each record with the metric it counts for, its value, and the
// region of the country on its far side.
const IN_YEAR = (column: string) =>
  `${column} >= make_date($2, 1, 1) AND ${column} < make_date($2 + 1, 1, 1)`;
const ENTERED = (stages: string) => `EXISTS (SELECT FROM stage_change s
  WHERE s.partnership_id = p.id AND s.to_stage IN (${stages}) AND ${IN_YEAR("s.changed_on")})`;

const CONTRIBUTIONS_SQL = `
SELECT metric, type, id, value::float8 AS value, region, subregion FROM (
  SELECT CASE p.kind WHEN 'SISTER_CITY' THEN 'NEW_SISTER_CITIES' ELSE 'NEW_FRIENDLY_EXCHANGES' END
      AS metric, 'Partnership' AS type, p.id, 1::numeric AS value, c.region, c.subregion
  FROM partnership p JOIN country c ON c.code = p.partner_country_code
  WHERE p.home_city_id = $1 AND ${ENTERED("'ESTABLISHED'")}
  UNION ALL
  SELECT 'NEW_PROSPECTS', 'Partnership', p.id, 1, c.region, c.subregion
  FROM partnership p JOIN country c ON c.code = p.partner_country_code
  WHERE p.home_city_id = $1 AND ${ENTERED("'PROSPECT', 'CONTACT'")}
  UNION ALL
  SELECT CASE d.direction WHEN 'INBOUND' THEN 'INBOUND_DELEGATIONS' ELSE 'OUTBOUND_DELEGATIONS' END,
    'Delegation', d.id, 1, c.region, c.subregion
  FROM delegation d LEFT JOIN country c ON c.code = d.counterpart_country_code
  WHERE d.home_city_id = $1 AND ${IN_YEAR("d.start_date")}
    AND d.approval IS DISTINCT FROM 'REJECTED'
  UNION ALL
  SELECT 'INVESTMENT_SIGNED_AMOUNT', 'InvestmentIntention', i.id, coalesce(i.amount, 0),
    c.region, c.subregion
  FROM investment_intention i
  LEFT JOIN person investor ON investor.id = i.investor_person_id
  LEFT JOIN organization o ON o.id = i.investor_organization_id
  LEFT JOIN country c ON c.code = coalesce(investor.residence_country_code, o.country_code)
  WHERE i.target_city_id = $1 AND ${IN_YEAR("i.signed_on")} AND i.stage <> 'WITHDRAWN'
) contribution
WHERE metric = ANY ($3::text[])
ORDER BY type, id`;

interface Contribution {
  metric: PlanMetric;
  type: string;
  id: string;
  value: number;
  region: Region | null;
  subregion: string | null;
}

const LOADERS: Record<string, LoaderFactory<string, Row | null>> = {
  Partnership: partnershipById,
  Delegation: delegationById,
  InvestmentIntention: investmentIntentionById,
};

// The day a partnership entered its current stage: its last step there in the stage history.
const SINCE = `coalesce((SELECT max(s.changed_on) FROM stage_change s
  WHERE s.partnership_id = row.id AND s.to_stage = row.stage), row.created_at::date)`;

const PIPELINE = Object.values(PartnershipStage)
  .map((stage) => `'${stage}'`)
  .join(", ");

export class PlanProgressService {
  constructor(private readonly ctx: HubContext) {}

  async progress(cityId: string, year: number): Promise<TargetProgress[]> {
    const city = checkId(cityId, "cityId");
    const targets = await new PlanTargetService(this.ctx).find({ cityId: city, year });
    if (targets.length === 0) return [];
    const contributions: Contribution[] = await this.ctx.db.query(CONTRIBUTIONS_SQL, [
      city,
      year,
      targets.map((target) => target.metric),
    ]);
    return Promise.all(targets.map((target) => this.progressOf(target, contributions)));
  }

  private async progressOf(target: PlanTarget, all: Contribution[]): Promise<TargetProgress> {
    const counted = all.filter((c) => c.metric === target.metric);
    const achieved = counted.reduce((sum, c) => sum + c.value, 0);
    const records = await Promise.all(
      counted.map((c) => this.ctx.loaders.get(LOADERS[c.type]).load(c.id)),
    );
    return {
      target,
      achieved,
      met: achieved >= target.targetValue,
      contributing: records.filter((record): record is Row => record !== null),
      uncoveredRegions: target.focusRegions.filter((r) => !counted.some((c) => c.region === r)),
      uncoveredSubregions: target.focusSubregions.filter(
        (s) => !counted.some((c) => c.subregion === s),
      ),
    };
  }

  /** The city's partnerships in pipeline order, the longest waiting first within a stage. */
  async pipeline(cityId: string): Promise<PipelineEntry[]> {
    const city = checkId(cityId, "cityId");
    const { entities, raw } = await this.ctx.db
      .getRepository(Partnership)
      .createQueryBuilder("row")
      .addSelect(`${SINCE}::text`, "since")
      .addSelect(`CURRENT_DATE - ${SINCE}`, "days")
      .where("row.home_city_id = :city OR row.partner_city_id = :city", { city })
      .orderBy(`array_position(ARRAY[${PIPELINE}]::text[], row.stage)`)
      .addOrderBy("days", "DESC")
      .addOrderBy("row.id")
      .getRawAndEntities();
    return entities.map((partnership, i) => ({
      partnership,
      stage: partnership.stage,
      since: raw[i].since,
      daysInStage: Number(raw[i].days),
    }));
  }
}
