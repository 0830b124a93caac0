// The running totals of delegations (delegation_tally, kept by triggers on delegation): which
// filters they can answer and the conditions that pick their rows. Statistics read them
// (network's delegation-groups), and so does totalCount of a list of delegations.
import { EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { conditionsOver, PropertyColumn, Relation } from "../../db/filter-fields";
import { Statement } from "../../db/statement";
import { DelegationFilter, DelegationFilterFields } from "./delegation.inputs";

/** The property a tally row keeps one value of, besides year and direction. */
export type TallyDimension = "NONE" | "COUNTRY" | "HOME_CITY" | "PURPOSE";

type MetadataOf = (target: EntityTarget<ObjectLiteral>) => EntityMetadata;

/**
 * The columns that stand in the totals for a delegation's properties. A filter field of a
 * property not here, as a partnership or an approval, or one that can't read a year, as a period
 * of other than whole years, is counted from the rows instead (filter-fields).
 */
const TALLY_COLUMNS: Record<string, PropertyColumn & { dimension?: TallyDimension }> = {
  startDate: { sql: "start_year", year: true },
  endDate: { sql: "end_year", year: true },
  direction: { sql: "direction" },
  homeCityId: { sql: "value", dimension: "HOME_CITY" },
  counterpartCountryCode: { sql: "value", dimension: "COUNTRY" },
  // The totals count a visit under each of its purposes, not which it had together.
  purposes: { sql: "value", dimension: "PURPOSE", element: true },
};

/** The totals as a relation a filter's conditions are written over, with `$n` placeholders. */
class Tally implements Relation {
  readonly params: unknown[] = [];
  /** The dimensions the totals must be kept by to answer what was asked of them. */
  readonly dimensions: Set<TallyDimension>;

  constructor(
    private readonly grouped: Set<TallyDimension>,
    readonly metadataOf: MetadataOf,
  ) {
    this.dimensions = new Set(grouped);
  }

  column(property: string): PropertyColumn | null {
    const column = TALLY_COLUMNS[property];
    if (!column?.dimension) return column ?? null;
    // A purpose picked and the purposes grouped would need the purposes each visit had together.
    if (column.element && this.grouped.has(column.dimension)) return null;
    this.dimensions.add(column.dimension);
    return column;
  }

  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** The tally rows that hold what `filter` picks, kept by at most one dimension. */
export interface TallyRows {
  where: string[];
  params: unknown[];
  dimension: TallyDimension;
}

/** The tally rows for `filter`, grouped by `grouped`; null when the totals cannot answer. */
export function tallyRows(
  filter: DelegationFilter,
  grouped: Set<TallyDimension>,
  metadataOf: MetadataOf,
): TallyRows | null {
  const tally = new Tally(grouped, metadataOf);
  const where = conditionsOver(DelegationFilterFields, filter, tally);
  if (!where || tally.dimensions.size > 1) return null;
  const [dimension = "NONE"] = tally.dimensions;
  // A literal, not a parameter: with it a prepared statement's generic plan reads the dimension's
  // rows by index, where with `$n` it scans every row, so PostgreSQL planned anew each time.
  where.push(`dimension = '${dimension}'`);
  return { where, params: tally.params, dimension };
}

/** How many delegations `filter` picks, read from the totals (row `total`); null when they can't. */
export function tallyCount(filter: DelegationFilter, metadataOf: MetadataOf): Statement | null {
  const rows = tallyRows(filter, new Set(), metadataOf);
  if (!rows) return null;
  return {
    sql: `SELECT coalesce(sum(batches), 0)::int AS total
      FROM delegation_tally WHERE ${rows.where.join(" AND ")}`,
    parameters: rows.params,
  };
}
