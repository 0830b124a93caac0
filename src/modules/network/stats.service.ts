// Counts over the filtered delegations and partnerships (docs/api.md), each one GROUP BY statement over
// the owning module's own filtered selection, so that a filter means the same in a list and in
// its statistics (delegations may be read from their running totals instead: delegation-groups).
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { HubContext } from "../../records/context";
import { Statement } from "../../db/statement";
import { BadUserInput } from "../../core/errors";
import { DelegationFilter, DelegationService } from "../delegation";
import { PartnershipFilter, PartnershipService } from "../partnership";
import { DELEGATION_KEYS, delegationGroups, SqlText } from "./delegation-groups";
import {
  DelegationGroupBy,
  DelegationStat,
  PartnershipGroupBy,
  PartnershipStat,
} from "./stats.types";
import { read } from "../../db/read";

/** How to group by one value: its key as text, and what it needs joined to the rows. */
interface Grouping {
  key: string;
  join?: string;
}

const DELEGATION_COLUMNS = [
  "start_date",
  "direction",
  "counterpart_country_code",
  "purposes",
  "home_city_id",
  "size",
];

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

/** The SQL of the rows that `selection` (alias `row`) picks, reading only `columns` of them. */
function selectedRows(selection: SelectQueryBuilder<ObjectLiteral>, columns: string[]): SqlText {
  selection.select([]);
  for (const column of columns) selection.addSelect(`row.${column}`, column);
  const [sql, params] = selection.getQueryAndParameters();
  return { sql, params };
}

/**
 * The chosen groupings' key as one text array, the joins it needs, and the GROUP BY: by each
 * value rather than by the array, as hashing plain values is several times cheaper.
 */
function keyOf(chosen: Grouping[]): { key: string; joins: string; groupBy: string } {
  const joins = [...new Set(chosen.flatMap((group) => group.join ?? []))];
  const values = chosen.map((group) => group.key).join(", ");
  return {
    key: `ARRAY[${values}]::text[]`,
    joins: joins.join(" "),
    groupBy: chosen.length ? `GROUP BY ${values}` : "",
  };
}

/** One statement: `measures` per group of `rows`, as `r`. With no grouping, one row of totals. */
function grouped<G extends string>(
  rows: SqlText,
  groupBy: G[],
  groups: Record<G, Grouping>,
  measures: string,
): Statement {
  const { key, joins, groupBy: grouping } = keyOf(groupBy.map((value) => groups[value]));
  const order = groupBy.length ? "ORDER BY 1" : "";
  return {
    sql: `SELECT ${key} AS key, ${measures} FROM (${rows.sql}) r ${joins} ${grouping} ${order}`,
    parameters: rows.params,
  };
}

export class StatsService {
  constructor(private readonly ctx: HubContext) {}

  delegationStats(
    filter: DelegationFilter,
    groupBy: DelegationGroupBy[],
  ): Promise<DelegationStat[]> {
    return this.rows(this.delegationStatsStatement(filter, groupBy));
  }

  /** The statement of `delegationStats`, its rows ordered by key. */
  delegationStatsStatement(filter: DelegationFilter, groupBy: DelegationGroupBy[]): Statement {
    checkGroupBy(groupBy);
    // Built even when the tally answers, because building it checks the filter's values.
    const selection = new DelegationService(this.ctx).selection(filter);
    const rows = selectedRows(selection, DELEGATION_COLUMNS);
    const groups = delegationGroups(filter, groupBy, rows, (target) =>
      this.ctx.db.getMetadata(target),
    );
    const { key, joins, groupBy: grouping } = keyOf(groupBy.map((value) => DELEGATION_KEYS[value]));
    // A tally row can fall to zero when its last delegation is deleted or moved.
    const nonEmpty = groupBy.length ? "HAVING sum(g.batches) > 0 ORDER BY 1" : "";
    return {
      sql: `SELECT ${key} AS key, coalesce(sum(g.batches), 0)::int AS "batches",
        coalesce(sum(g.person_times), 0)::int AS "personTimes",
        coalesce(sum(g.size_unknown_batches), 0)::int AS "sizeUnknownBatches",
        coalesce(sum(g.undated_batches), 0)::int AS "undatedBatches"
      FROM (${groups.sql}) g ${joins} ${grouping} ${nonEmpty}`,
      parameters: groups.params,
    };
  }

  partnershipStats(
    filter: PartnershipFilter,
    groupBy: PartnershipGroupBy[],
  ): Promise<PartnershipStat[]> {
    return this.rows(this.partnershipStatsStatement(filter, groupBy));
  }

  /** The statement of `partnershipStats`, its rows ordered by key. */
  partnershipStatsStatement(filter: PartnershipFilter, groupBy: PartnershipGroupBy[]): Statement {
    checkGroupBy(groupBy);
    const selection = new PartnershipService(this.ctx).selection(filter);
    return grouped(
      selectedRows(selection, ["kind", "stage", "partner_country_code", "home_city_id"]),
      groupBy,
      PARTNERSHIP_GROUPS,
      `count(*)::int AS "count"`,
    );
  }

  private rows<R>(statement: Statement): Promise<R[]> {
    return read<R>(this.ctx.db, statement.sql, statement.parameters);
  }
}
