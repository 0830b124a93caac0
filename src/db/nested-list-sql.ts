// The SQL of one page of a nested list, which its loader, look-ahead and answer-sql all read: the
// target's rows that are the parent's, in the list's order (its keys, a missing value last either
// way, then id), after the row `after` names, at most `size` of them. An `after` that is not in
// the parent's list starts no page: the page is empty.
import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { PageSql } from "./nested-paging";

export type Order = Record<string, "ASC" | "DESC">;

/** Which rows of the target are the list of a parent. */
export type Membership =
  /** Rows whose foreign keys (any of them) hold the parent's key. */
  | { kind: "children"; foreignKeys: string[] }
  /** Rows named beside the parent's key in a link table (once, however many links). */
  | { kind: "through"; table: string; parent: string; row: string };

export interface NestedList {
  Target: EntityTarget<ObjectLiteral>;
  membership: Membership;
  order: Order;
}

const column = (metadata: EntityMetadata, property: string) =>
  metadata.findColumnWithPropertyName(property)!;

/** The condition that the row aliased `row` is in the list of the parent whose key is `key`. */
function memberSql(db: DataSource, list: NestedList, key: string, row: string): string {
  const { membership } = list;
  if (membership.kind === "through") {
    const link = `${row}_link`;
    return `EXISTS (SELECT 1 FROM ${membership.table} ${link}
      WHERE ${link}.${membership.row} = ${row}.id AND ${link}.${membership.parent} = ${key})`;
  }
  const target = db.getMetadata(list.Target);
  const matches = membership.foreignKeys.map(
    (property) => `${row}.${column(target, property).databaseName} = ${key}`,
  );
  return `(${matches.join(" OR ")})`;
}

interface SortColumn {
  name: string;
  direction: "ASC" | "DESC";
  nullable: boolean;
}

function sortColumns(db: DataSource, list: NestedList): SortColumn[] {
  const target = db.getMetadata(list.Target);
  const declared = Object.entries(list.order).map(([property, direction]) => {
    const { databaseName, isNullable } = column(target, property);
    return { name: databaseName, direction, nullable: isNullable };
  });
  return [...declared, { name: "id", direction: "ASC", nullable: false }];
}

/** The list's order for rows aliased `row`. */
export function orderSql(db: DataSource, list: NestedList, row: string): string {
  return sortColumns(db, list)
    .map(({ name, direction, nullable }) =>
      nullable ? `${row}.${name} ${direction} NULLS LAST` : `${row}.${name} ${direction}`,
    )
    .join(", ");
}

/**
 * That the row aliased `row` comes after the row aliased `at` in the list's order: equal on the
 * first keys, after on the next. A missing value comes after every value and equals another.
 */
function comesAfterSql(columns: SortColumn[], row: string, at: string): string {
  const equal = ({ name, nullable }: SortColumn) =>
    nullable
      ? `${row}.${name} IS NOT DISTINCT FROM ${at}.${name}`
      : `${row}.${name} = ${at}.${name}`;
  const after = ({ name, direction, nullable }: SortColumn) => {
    const beyond = `${row}.${name} ${direction === "ASC" ? ">" : "<"} ${at}.${name}`;
    return nullable
      ? `(${at}.${name} IS NOT NULL AND (${row}.${name} IS NULL OR ${beyond}))`
      : beyond;
  };
  const terms = columns.map((key, i) =>
    [...columns.slice(0, i).map(equal), after(key)].join(" AND "),
  );
  return `(${terms.map((term) => `(${term})`).join(" OR ")})`;
}

/**
 * `SELECT <select> FROM … ORDER BY … LIMIT …`: one page of the list of the parent whose key is
 * the SQL `key`, the rows aliased `row` (by default all their columns).
 */
export function nestedPageSql(
  db: DataSource,
  list: NestedList,
  key: string,
  row: string,
  page: PageSql,
  select = `${row}.*`,
): string {
  const table = db.getMetadata(list.Target).tableName;
  const at = `${row}_after`;
  const after = page.after
    ? ` AND EXISTS (SELECT 1 FROM ${table} ${at} WHERE ${at}.id = ${page.after}
        AND ${memberSql(db, list, key, at)} AND ${comesAfterSql(sortColumns(db, list), row, at)})`
    : "";
  return `SELECT ${select} FROM ${table} ${row} WHERE ${memberSql(db, list, key, row)}${after}
    ORDER BY ${orderSql(db, list, row)} LIMIT ${page.size}`;
}
