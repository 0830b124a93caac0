// Where delegation statistics read from. Both sources yield the same pre-grouped relation —
// (start_year, direction, country_code, home_city_id, purposes, batches, person_times,
// size_unknown_batches, undated_batches) — so one
// outer statement builds the keys whichever answered: the running totals in delegation_tally
// when they can (a handful of rows), else the delegations the filter picks, grouped first by the
// plain columns the keys need (hashing a date or a code, not a text array per row).
import { EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { DelegationFilter, TallyDimension, tallyRows } from "../delegation";
import { DelegationGroupBy, UNKNOWN_KEY } from "./stats.types";

export interface SqlText {
  sql: string;
  params: unknown[];
}

type Column = "start_year" | "direction" | "country_code" | "home_city_id" | "purposes";

/** The pre-grouped column each grouping reads. */
const COLUMN_OF: Record<DelegationGroupBy, Column> = {
  YEAR: "start_year",
  DIRECTION: "direction",
  COUNTRY: "country_code",
  REGION: "country_code",
  PURPOSE: "purposes",
  HOME_CITY: "home_city_id",
};

/** The same columns computed from a delegation row `r`, and their types when unused. */
const ROW_COLUMNS: Record<Column, { expression: string; type: string }> = {
  start_year: { expression: "extract(year FROM r.start_date)::int", type: "int" },
  direction: { expression: "r.direction", type: "text" },
  country_code: { expression: "r.counterpart_country_code::text", type: "text" },
  home_city_id: { expression: "r.home_city_id", type: "uuid" },
  purposes: { expression: "r.purposes", type: "text[]" },
};

const ALL_COLUMNS = Object.keys(ROW_COLUMNS) as Column[];

/** The delegations `rows` selects, grouped by the columns `groupBy` needs. */
export function fromRows(rows: SqlText, groupBy: DelegationGroupBy[]): SqlText {
  const needed = new Set(groupBy.map((value) => COLUMN_OF[value]));
  const columns = ALL_COLUMNS.map((column) =>
    needed.has(column)
      ? `${ROW_COLUMNS[column].expression} AS ${column}`
      : `NULL::${ROW_COLUMNS[column].type} AS ${column}`,
  );
  return {
    sql: `SELECT ${columns.join(", ")}, count(*) AS batches, sum(r.size) AS person_times,
        count(*) FILTER (WHERE r.size IS NULL) AS size_unknown_batches,
        count(*) FILTER (WHERE r.start_date IS NULL) AS undated_batches
      FROM (${rows.sql}) r GROUP BY 1, 2, 3, 4, 5`,
    params: rows.params,
  };
}

const DIMENSION_OF_GROUP: Partial<Record<DelegationGroupBy, TallyDimension>> = {
  COUNTRY: "COUNTRY",
  REGION: "COUNTRY",
  PURPOSE: "PURPOSE",
  HOME_CITY: "HOME_CITY",
};

/**
 * What a tally row's `value` stands for, as a pre-grouped column. A city's id stays text: its
 * key is text, and a round trip through uuid for 100,000 rows costs more than it saves.
 */
const VALUE_AS: Record<TallyDimension, Partial<Record<Column, string>>> = {
  NONE: {},
  COUNTRY: { country_code: "value" },
  HOME_CITY: { home_city_id: "value" },
  PURPOSE: { purposes: "ARRAY[value]" },
};

/** The tally rows that answer this question as the pre-grouped relation, or null if none can. */
function fromTally(
  filter: DelegationFilter,
  groupBy: DelegationGroupBy[],
  metadataOf: (target: EntityTarget<ObjectLiteral>) => EntityMetadata,
): SqlText | null {
  const grouped = new Set(groupBy.flatMap((value) => DIMENSION_OF_GROUP[value] ?? []));
  const rows = tallyRows(filter, grouped, metadataOf);
  if (!rows) return null;
  const columns = ALL_COLUMNS.map((column) => {
    if (column === "start_year" || column === "direction") return column;
    return `${VALUE_AS[rows.dimension][column] ?? `NULL::${ROW_COLUMNS[column].type}`} AS ${column}`;
  });
  return {
    sql: `SELECT ${columns.join(", ")}, batches, person_times, size_unknown_batches,
        CASE WHEN start_year IS NULL THEN batches ELSE 0 END AS undated_batches
      FROM delegation_tally WHERE ${rows.where.join(" AND ")}`,
    params: rows.params,
  };
}

/** The pre-grouped delegations: from the tally when it can answer, else from `rows`. */
export function delegationGroups(
  filter: DelegationFilter,
  groupBy: DelegationGroupBy[],
  rows: SqlText,
  metadataOf: (target: EntityTarget<ObjectLiteral>) => EntityMetadata,
): SqlText {
  return fromTally(filter, groupBy, metadataOf) ?? fromRows(rows, groupBy);
}

/** Each grouping's key over the pre-grouped relation `g`, and what it needs joined. */
export const DELEGATION_KEYS: Record<DelegationGroupBy, { key: string; join?: string }> = {
  // An undated visit is in no year: it is counted apart, under UNKNOWN.
  YEAR: { key: `coalesce(g.start_year::text, '${UNKNOWN_KEY}')` },
  DIRECTION: { key: "g.direction" },
  COUNTRY: { key: `coalesce(g.country_code, '${UNKNOWN_KEY}')` },
  REGION: {
    key: `coalesce(c.region, '${UNKNOWN_KEY}')`,
    join: "LEFT JOIN country c ON c.code = g.country_code",
  },
  PURPOSE: {
    key: "purpose.name",
    join: `CROSS JOIN LATERAL (SELECT DISTINCT unnest(CASE WHEN cardinality(g.purposes) = 0
      THEN ARRAY['${UNKNOWN_KEY}'] ELSE g.purposes END)) AS purpose (name)`,
  },
  HOME_CITY: { key: "g.home_city_id::text" },
};
