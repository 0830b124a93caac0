// Where delegation statistics read from. Both sources yield the same pre-grouped relation —
// (start_year, direction, country_code, home_city_id, purposes, batches, person_times,
// size_unknown_batches, undated_batches) — so one
// outer statement builds the keys whichever answered: the running totals in delegation_tally
// when they can (a handful of rows), else the delegations the filter picks, grouped first by the
// plain columns the keys need (hashing a date or a code, not a text array per row).
import { countryCode } from "../../db/list-query";
import { checkId } from "../../core/input-checks";
import { DelegationFilter } from "../delegation";
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

type Dimension = "NONE" | "COUNTRY" | "HOME_CITY" | "PURPOSE";

const DIMENSION_OF_GROUP: Partial<Record<DelegationGroupBy, Dimension>> = {
  COUNTRY: "COUNTRY",
  REGION: "COUNTRY",
  PURPOSE: "PURPOSE",
  HOME_CITY: "HOME_CITY",
};

/**
 * What a tally row's `value` stands for, as a pre-grouped column. A city's id stays text: its
 * key is text, and a round trip through uuid for 100,000 rows costs more than it saves.
 */
const VALUE_AS: Record<Dimension, Partial<Record<Column, string>>> = {
  NONE: {},
  COUNTRY: { country_code: "value" },
  HOME_CITY: { home_city_id: "value" },
  PURPOSE: { purposes: "ARRAY[value]" },
};

function filterDimensions(filter: DelegationFilter): Dimension[] {
  const dimensions: Dimension[] = [];
  if (filter.homeCityId) dimensions.push("HOME_CITY");
  if (filter.counterpartCountryCode || filter.region) dimensions.push("COUNTRY");
  if (filter.purpose) dimensions.push("PURPOSE");
  return dimensions;
}

const isYearStart = (date?: string) => !date || date.endsWith("-01-01");
const isYearEnd = (date?: string) => !date || date.endsWith("-12-31");

/**
 * The one tally dimension that answers this question, or null when only the rows can: the
 * totals keep one dimension besides year and direction, count whole years only, and know
 * nothing of partnerships, approvals or which purposes a visit had together.
 */
function tallyDimension(filter: DelegationFilter, groupBy: DelegationGroupBy[]): Dimension | null {
  if (filter.partnershipId || filter.approval) return null;
  if (!isYearStart(filter.from) || !isYearEnd(filter.to)) return null;
  if (filter.purpose && groupBy.includes(DelegationGroupBy.PURPOSE)) return null;
  const grouped = groupBy.flatMap((value) => DIMENSION_OF_GROUP[value] ?? []);
  const dimensions = new Set([...grouped, ...filterDimensions(filter)]);
  if (dimensions.size > 1) return null;
  return [...dimensions][0] ?? "NONE";
}

/** The tally rows of `dimension` that the filter picks, as the pre-grouped relation. */
function fromTally(filter: DelegationFilter, dimension: Dimension): SqlText {
  const params: unknown[] = [dimension];
  const where = ["dimension = $1"];
  const condition = (template: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(template(`$${params.length}`));
  };
  if (filter.direction) condition((p) => `direction = ${p}`, filter.direction);
  if (filter.from) condition((p) => `end_year >= ${p}`, Number(filter.from.slice(0, 4)));
  if (filter.to) condition((p) => `start_year <= ${p}`, Number(filter.to.slice(0, 4)));
  if (filter.dated !== undefined && filter.dated !== null) {
    where.push(`start_year IS ${filter.dated ? "NOT NULL" : "NULL"}`);
  }
  if (filter.homeCityId) {
    condition((p) => `value = ${p}`, checkId(filter.homeCityId, "filter.homeCityId"));
  }
  if (filter.counterpartCountryCode) {
    const code = countryCode(filter.counterpartCountryCode, "filter.counterpartCountryCode");
    condition((p) => `value = ${p}`, code);
  }
  if (filter.region) {
    condition((p) => `value IN (SELECT code FROM country WHERE region = ${p})`, filter.region);
  }
  if (filter.purpose) condition((p) => `value = ${p}`, filter.purpose);
  const columns = ALL_COLUMNS.map((column) => {
    if (column === "start_year" || column === "direction") return column;
    return `${VALUE_AS[dimension][column] ?? `NULL::${ROW_COLUMNS[column].type}`} AS ${column}`;
  });
  return {
    sql: `SELECT ${columns.join(", ")}, batches, person_times, size_unknown_batches,
        CASE WHEN start_year IS NULL THEN batches ELSE 0 END AS undated_batches
      FROM delegation_tally WHERE ${where.join(" AND ")}`,
    params,
  };
}

/** The pre-grouped delegations: from the tally when it can answer, else from `rows`. */
export function delegationGroups(
  filter: DelegationFilter,
  groupBy: DelegationGroupBy[],
  rows: SqlText,
): SqlText {
  const dimension = tallyDimension(filter, groupBy);
  return dimension ? fromTally(filter, dimension) : fromRows(rows, groupBy);
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
