// Counts over the filtered delegations and partnerships (SPEC §4), each one GROUP BY statement over
// the owning module's own filtered selection, so that a filter means the same in a list and in
// its statistics.
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { HubContext } from "../../graphql/context";
import { BadUserInput } from "../../graphql/errors";
import { DelegationFilter } from "../delegation";
import { DelegationService } from "../delegation/delegation.service";
import { PartnershipFilter } from "../partnership/partnership.inputs";
import { PartnershipService } from "../partnership/partnership.service";
import {
  DelegationGroupBy,
  DelegationStat,
  PartnershipGroupBy,
  PartnershipStat,
  UNKNOWN_KEY,
} from "./stats.types";

/** How to group by one value: its key as text, and what it needs joined to the rows `r`. */
interface Grouping {
  key: string;
  join?: string;
}

const COUNTERPART_COUNTRY = "LEFT JOIN country c ON c.code = r.counterpart_country_code";

const DELEGATION_GROUPS: Record<DelegationGroupBy, Grouping> = {
  YEAR: { key: "extract(year FROM r.start_date)::int::text" },
  DIRECTION: { key: "r.direction" },
  COUNTRY: { key: `coalesce(r.counterpart_country_code, '${UNKNOWN_KEY}')` },
  REGION: { key: `coalesce(c.region, '${UNKNOWN_KEY}')`, join: COUNTERPART_COUNTRY },
  PURPOSE: {
    key: "purpose.name",
    join: `CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.purposes) = 0
      THEN ARRAY['${UNKNOWN_KEY}'] ELSE r.purposes END) AS purpose (name)`,
  },
  HOME_CITY: { key: "r.home_city_id::text" },
};

const PARTNER_COUNTRY = "JOIN country c ON c.code = r.partner_country_code";

const PARTNERSHIP_GROUPS: Record<PartnershipGroupBy, Grouping> = {
  KIND: { key: "r.kind" },
  STAGE: { key: "r.stage" },
  COUNTRY: { key: "r.partner_country_code" },
  REGION: { key: "c.region", join: PARTNER_COUNTRY },
  SUBREGION: { key: "c.subregion", join: PARTNER_COUNTRY },
  HOME_CITY: { key: "r.home_city_id::text" },
};

function checkGroupBy(groupBy: string[]): void {
  groupBy.forEach((value, i) => {
    if (groupBy.indexOf(value) !== i) throw new BadUserInput(`groupBy[${i}]`, "is given twice");
  });
}

/**
 * One statement: `measures` per group of the rows that `selection` (alias `row`) picks, reading
 * only `columns` of them. With no grouping, one row of totals.
 */
async function grouped<G extends string, R>(
  ctx: HubContext,
  selection: SelectQueryBuilder<ObjectLiteral>,
  columns: string[],
  groupBy: G[],
  groups: Record<G, Grouping>,
  measures: string,
): Promise<(R & { key: string[] })[]> {
  checkGroupBy(groupBy);
  selection.select([]);
  for (const column of columns) selection.addSelect(`row.${column}`, column);
  const [rows, params] = selection.getQueryAndParameters();
  const chosen = groupBy.map((value) => groups[value]);
  const joins = [...new Set(chosen.flatMap((group) => group.join ?? []))];
  const key = `ARRAY[${chosen.map((group) => group.key).join(", ")}]::text[]`;
  const grouping = chosen.length ? `GROUP BY 1 ORDER BY 1` : "";
  return ctx.db.query(
    `SELECT ${key} AS key, ${measures} FROM (${rows}) r ${joins.join(" ")} ${grouping}`,
    params,
  );
}

export class StatsService {
  constructor(private readonly ctx: HubContext) {}

  delegationStats(
    filter: DelegationFilter,
    groupBy: DelegationGroupBy[],
  ): Promise<DelegationStat[]> {
    return grouped(
      this.ctx,
      new DelegationService(this.ctx).selection(filter),
      ["start_date", "direction", "counterpart_country_code", "purposes", "home_city_id", "size"],
      groupBy,
      DELEGATION_GROUPS,
      `count(*)::int AS "batches", coalesce(sum(r.size), 0)::int AS "personTimes"`,
    );
  }

  partnershipStats(
    filter: PartnershipFilter,
    groupBy: PartnershipGroupBy[],
  ): Promise<PartnershipStat[]> {
    return grouped(
      this.ctx,
      new PartnershipService(this.ctx).selection(filter),
      ["kind", "stage", "partner_country_code", "home_city_id"],
      groupBy,
      PARTNERSHIP_GROUPS,
      `count(*)::int AS "count"`,
    );
  }
}
