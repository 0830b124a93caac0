// Keyset paging: a page is one indexed range scan whatever its depth in the list, and the total
// costs a statement only when asked for. GraphQL's connection types (src/records/connection.ts)
// carry what this reads.
import { EntityMetadata, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from "typeorm";
import { BadUserInput } from "../core/errors";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

/**
 * How one orderable field sorts: the SQL expression and the type its cursor value casts to. A
 * nullable key sorts its nulls last in either direction, read as the infinity that comes last
 * (so only a date or a time may be null): every row then has a value a cursor can name, and the
 * order is an index's (migrations/1764000021000-UndatedDelegations.ts).
 */
export type SortKey =
  | { expression: string; type: "text" | "date" | "timestamptz" | "integer"; nullable?: false }
  | { expression: string; type: "date" | "timestamptz"; nullable: true };

const SORTABLE: Record<string, SortKey["type"]> = {
  text: "text",
  varchar: "text",
  date: "date",
  timestamptz: "timestamptz",
  int: "integer",
  integer: "integer",
};

/** The sort key of an entity property: its column, the column's type, whether it may be null. */
export function columnSortKey(meta: EntityMetadata, property: string): SortKey {
  const column = meta.findColumnWithPropertyName(property);
  const type = column && SORTABLE[String(column.type)];
  if (!column || !type) throw new Error(`${meta.name}.${property} is not a sortable column`);
  const expression = `row.${column.databaseName}`;
  if (!column.isNullable) return { expression, type };
  if (type === "date" || type === "timestamptz") return { expression, type, nullable: true };
  throw new Error(`${meta.name}.${property}: only a date or a time may sort with nulls`);
}

/** The expression rows sort by in `direction`, as the cursor names it. */
export function sortExpression(key: SortKey, direction: OrderDirection): string {
  if (!key.nullable) return key.expression;
  const last = direction === OrderDirection.ASC ? "infinity" : "-infinity";
  return `coalesce(${key.expression}, '${last}'::${key.type})`;
}
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

export interface ConnectionData<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  countTotal: () => Promise<number>;
}

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

const badCursor = () => new BadUserInput("after", "is not a cursor this list gave out");

/** A cursor decodes to any two strings; one the database cannot cast is a data exception (22xxx). */
function castFailed(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    String((error.driverError as { code?: string }).code).startsWith("22")
  );
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((p) => typeof p === "string")
    ) {
      return parsed as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw badCursor();
}

/** The size a page's `first` asks for, the default page size when none; refused past the maximum. */
export function pageSize(first: number | null | undefined, limits: PageLimits): number {
  if (first === null || first === undefined) return limits.defaultPageSize;
  if (first < 0) throw new BadUserInput("first", "must not be negative");
  if (first > limits.maxPageSize) {
    throw new BadUserInput(
      "first",
      `must be at most ${limits.maxPageSize} (the maximum page size)`,
    );
  }
  return first;
}

/** What the page's statement also reads for each row: the relations the query selects below. */
export interface PageLookAhead<T> {
  sql(row: string): string;
  prime(row: T, nested: unknown): void;
}

/** `query` narrowed to one page ordered by `key` then id, with one row more to tell a next page. */
export function pageQuery<T extends { id: string }>(
  query: SelectQueryBuilder<T>,
  key: SortKey,
  direction: OrderDirection,
  page: PageArgs,
  limits: PageLimits,
): { query: SelectQueryBuilder<T>; size: number } {
  const size = pageSize(page.first, limits);
  const comparison = direction === OrderDirection.ASC ? ">" : "<";
  const sorted = sortExpression(key, direction);
  if (page.after) {
    const [value, id] = decodeCursor(page.after);
    query.andWhere(
      `(${sorted}, row.id) ${comparison} (CAST(:afterValue AS ${key.type}), CAST(:afterId AS uuid))`,
      {
        afterValue: value,
        afterId: id,
      },
    );
  }
  query
    .orderBy(sorted, direction)
    .addOrderBy("row.id", direction)
    .limit(size + 1);
  return { query, size };
}

/**
 * One page of `query` ordered by `key` then id. The query's main alias must be `row`.
 * Rows come back as entities, with the cursor value read as text so no precision is lost.
 */
export async function paginate<T extends { id: string }>(
  query: SelectQueryBuilder<T>,
  key: SortKey,
  direction: OrderDirection,
  page: PageArgs,
  limits: PageLimits,
  ahead?: PageLookAhead<T> | null,
  count?: () => Promise<number>,
): Promise<ConnectionData<T>> {
  // Unless the caller counts another way, the rows are counted as selected before paging.
  const countTotal = count ?? countOf(query.clone());
  const { size } = pageQuery(query, key, direction, page, limits);
  if (ahead) query.addSelect(ahead.sql("row"), "look_ahead");
  const { entities, raw } = await query
    .addSelect(`${sortExpression(key, direction)}::text`, "cursor_value")
    .getRawAndEntities()
    .catch((error: unknown) => {
      throw page.after && castFailed(error) ? badCursor() : error;
    });
  const rows = entities.slice(0, size);
  if (ahead) rows.forEach((row, i) => ahead.prime(row, raw[i].look_ahead));
  const edges = rows.map((node, i) => ({
    node,
    cursor: encodeCursor(String(raw[i].cursor_value), node.id),
  }));
  return {
    edges,
    nodes: rows,
    pageInfo: {
      hasNextPage: entities.length > size,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    countTotal,
  };
}

/**
 * `query` made to select how many rows it selects, as `total`. A filter only narrows (its
 * conditions read the row, and a related row's property through IN), so no row repeats and the
 * count needs no DISTINCT, which would read every row instead of an index.
 */
export function counting<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return query.select("count(*)::int", "total").orderBy();
}

function countOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): () => Promise<number> {
  return async () => (await counting(query).getRawOne<{ total: number }>())?.total ?? 0;
}
