// The fields of a filter, declared once per type beside its filter input, each of a kind that
// knows the question it asks: the check of its value, its condition over the type's rows (or over
// another relation that stands for them, as the delegations' running totals do) and, for a field
// a subscription filter offers, its test of a changed record. A list's WHERE, a subscription's
// test and the statistics' reading of the totals are all derived from that one declaration, so a
// new filter field is one entry in it.
import { EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInput } from "../core/errors";
import { checkId } from "../core/input-checks";
import { containsPattern, countryCode } from "./list-query";

/** The column standing for a property in the relation a condition is written over. */
export interface PropertyColumn {
  sql: string;
  /** An array property held as one of its elements a row. */
  element?: boolean;
  /** A date property held as its year. */
  year?: boolean;
}

/** What a condition is written over: the type's rows, or a relation that stands for them. */
export interface Relation {
  /** The column standing for `property`, or null when the relation has none. */
  column(property: string): PropertyColumn | null;
  /** A placeholder bound to `value`: what a client sends never enters the SQL text. */
  bind(value: unknown): string;
  /** The table mapping of an entity a condition reads besides the rows. */
  metadataOf(target: EntityTarget<ObjectLiteral>): EntityMetadata;
}

type Value = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface FilterField {
  /** Refuses a malformed value, naming `path`, and gives it as stored (an id lower-cased). */
  check?: (value: Value, path: string, filter: Record<string, unknown>) => unknown;
  /** The condition asking for `value` over `relation`, or null when that relation can't. */
  where(value: Value, relation: Relation): string | null;
  /** Whether a changed record holds `value`: needed where a subscription filter offers the field. */
  holds?: (record: Record<string, unknown>, value: unknown) => boolean;
}

/** A filter's declaration: every field of its input, each of its kind. */
export type FilterFields<F extends object> = { [K in keyof F]-?: FilterField };
type AnyFilterFields = Record<string, FilterField>;

const declarations = new Map<string, AnyFilterFields>();

/** Declares the fields of the filter input `input` (its GraphQL name is the class name). */
export function declareFilter<F extends object>(
  input: new () => F,
  fields: FilterFields<F>,
): FilterFields<F> {
  declarations.set(input.name, fields);
  return fields;
}

/** The declaration of the filter input type `typeName`, for tests that every field has one. */
export const declarationOf = (typeName: string) => declarations.get(typeName);

const plain = (column: PropertyColumn | null) =>
  column && !column.element && !column.year ? column.sql : null;

/** Records whose property, or any of several, equals the value. */
function equal(properties: string[], check?: (value: string, path: string) => string) {
  return {
    check,
    where(value: unknown, relation: Relation) {
      const columns = properties.map((property) => plain(relation.column(property)));
      if (columns.some((column) => column === null)) return null;
      const asked = relation.bind(value);
      const conditions = columns.map((column) => `${column} = ${asked}`);
      return conditions.length === 1 ? conditions[0] : `(${conditions.join(" OR ")})`;
    },
    holds: (record, value) => properties.some((property) => record[property] === value),
  } satisfies FilterField;
}

export const sameId = (...properties: string[]): FilterField => equal(properties, checkId);
export const sameCountry = (property: string): FilterField => equal([property], countryCode);
export const sameValue = (property: string): FilterField => equal([property]);

/** true: the records whose property is `value`; false: the others (a city in China, or abroad). */
export const is = (property: string, value: string): FilterField => ({
  where(asked: boolean, relation) {
    const column = plain(relation.column(property));
    return column && `${column} ${asked ? "=" : "<>"} ${relation.bind(value)}`;
  },
});

/** true: the records that have the property; false: those without (a visit no source dates). */
export const present = (property: string): FilterField => ({
  where(asked: boolean, relation) {
    const column = relation.column(property);
    if (!column || column.element) return null;
    return `${column.sql} IS ${asked ? "NOT NULL" : "NULL"}`;
  },
});

/** Records whose array property holds the value: containment, so that a GIN index serves it. */
export const contains = (property: string): FilterField => ({
  where(value, relation) {
    const column = relation.column(property);
    if (!column || column.year) return null;
    const asked = relation.bind(value);
    return column.element ? `${column.sql} = ${asked}` : `${column.sql} @> ARRAY[${asked}]::text[]`;
  },
});

/**
 * Records whose property refers, by its `key`, to a row of the entity `related` gives (lazily, as
 * modules import each other) whose `relatedProperty` is the value: a counterpart country's region.
 */
export const inRelated = (
  property: string,
  related: () => EntityTarget<ObjectLiteral>,
  key: string,
  relatedProperty: string,
): FilterField => ({
  where(value, relation) {
    const column = plain(relation.column(property));
    if (!column) return null;
    const meta = relation.metadataOf(related());
    const [referred, asked] = [columnOf(meta, key), columnOf(meta, relatedProperty)];
    return `${column} IN (SELECT ${referred} FROM ${meta.tableName}
      WHERE ${asked} = ${relation.bind(value)})`;
  },
});

/**
 * Records whose names hold the text anywhere, LIKE's wildcards taken literally. `names` and the
 * array `aliases` make the expression of the type's trigram index, so that the index serves it.
 */
export const namesContain = (names: string[], aliases?: string): FilterField => ({
  where(value: string, relation) {
    const columns = names.map((name) => plain(relation.column(name)));
    const aliased = aliases && plain(relation.column(aliases));
    if (columns.includes(null) || aliased === null) return null;
    const array = `ARRAY[${columns.join(", ")}]`;
    const text = aliased ? `${array} || ${aliased}` : array;
    return `search_text(${text}) ILIKE ${relation.bind(containsPattern(value))}`;
  },
});

const isYearStart = (date: string) => date.endsWith("-01-01");
const isYearEnd = (date: string) => date.endsWith("-12-31");
const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * `from` and `to` of a period: the records whose [start, end] overlaps it, a record without the
 * dates in no period. Over dates held as years it asks only for whole years. A `to` before
 * `from` is refused unless `reversed` says it matches nothing.
 */
export function period(
  start: string,
  end: string,
  { reversed }: { reversed?: "matches nothing" } = {},
): { from: FilterField; to: FilterField } {
  return {
    from: {
      where(from, relation) {
        const column = relation.column(end);
        if (!column || column.element) return null;
        if (!column.year) return `${column.sql} >= ${relation.bind(from)}`;
        return isYearStart(from) ? `${column.sql} >= ${relation.bind(yearOf(from))}` : null;
      },
    },
    to: {
      check(to, path, filter) {
        const from = filter.from as typeof to;
        if (!reversed && from !== undefined && from !== null && from > to) {
          throw new BadUserInput(path, `must not be before ${path.replace(/[^.]+$/, "from")}`);
        }
        return to;
      },
      where(to, relation) {
        const column = relation.column(start);
        if (!column || column.element) return null;
        if (!column.year) return `${column.sql} <= ${relation.bind(to)}`;
        return isYearEnd(to) ? `${column.sql} <= ${relation.bind(yearOf(to))}` : null;
      },
    },
  };
}

function columnOf(meta: EntityMetadata, property: string): string {
  const column = meta.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${meta.name} has no column for ${property}`);
  return column.databaseName;
}

interface Asked {
  name: string;
  field: FilterField;
  value: unknown;
}

const pathOf = (path: string | null, name: string) => (path ? `${path}.${name}` : name);

/**
 * The fields `filter` gives a value, each checked as `path.<name>` (as `<name>` without path). An
 * empty text asks for nothing, as a search box left empty does.
 */
export function askedOf<F extends object>(
  fields: FilterFields<F>,
  filter: F,
  path: string | null = "filter",
): Asked[] {
  const asked: Asked[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    const field = (fields as AnyFilterFields)[name];
    if (!field) throw new Error(`the filter field ${name} has no declaration`);
    const checked = field.check
      ? field.check(value, pathOf(path, name), filter as Record<string, unknown>)
      : value;
    asked.push({ name, field, value: checked });
  }
  return asked;
}

/** The conditions `filter` asks for over `relation`, or null when the relation can't answer one. */
export function conditionsOver<F extends object>(
  fields: FilterFields<F>,
  filter: F,
  relation: Relation,
  path: string | null = "filter",
): string[] | null {
  const conditions: string[] = [];
  for (const { field, value } of askedOf(fields, filter, path)) {
    const condition = field.where(value, relation);
    if (!condition) return null;
    conditions.push(condition);
  }
  return conditions;
}

/** The type's rows, alias `row`: each property's column from TypeORM's mapping. */
class Rows implements Relation {
  readonly parameters: ObjectLiteral = {};

  constructor(private readonly meta: EntityMetadata) {}

  column(property: string): PropertyColumn {
    return { sql: `row.${columnOf(this.meta, property)}` };
  }

  bind(value: unknown): string {
    const name = `filter_${Object.keys(this.parameters).length}`;
    this.parameters[name] = value;
    return `:${name}`;
  }

  metadataOf(target: EntityTarget<ObjectLiteral>): EntityMetadata {
    return this.meta.connection.getMetadata(target);
  }
}

/** Narrows `query` (main alias `row`, of `meta`'s type) to the rows `filter` asks for. */
export function whereAsked<T extends ObjectLiteral, F extends object>(
  query: SelectQueryBuilder<T>,
  meta: EntityMetadata,
  fields: FilterFields<F>,
  filter: F,
  path: string | null = "filter",
): SelectQueryBuilder<T> {
  const rows = new Rows(meta);
  const conditions = conditionsOver(fields, filter, rows, path);
  if (!conditions) throw new Error(`a filter field of ${meta.name} has no condition over its rows`);
  for (const condition of conditions) query.andWhere(condition);
  return query.setParameters(rows.parameters);
}

/** Whether a changed record (null: none) holds everything `filter` asks for. */
export function recordTest<F extends object>(
  fields: FilterFields<F>,
  filter: F,
): (record: Record<string, unknown> | null) => boolean {
  const tests = askedOf(fields, filter).map(({ name, field, value }) => {
    const { holds } = field;
    if (!holds) throw new Error(`the filter field ${name} has no test of a changed record`);
    return (record: Record<string, unknown>) => holds(record, value);
  });
  return (record) => tests.every((holds) => record !== null && holds(record));
}
