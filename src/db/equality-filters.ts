// The fields of a filter that ask for records whose property equals the value given, declared once
// per type beside its filter input: each names the property it compares and the check its value
// passes. A list's WHERE (over the property's column, from TypeORM's mapping) and an event
// subscription's test of a changed record are both read from that one declaration.
import { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { checkId } from "../core/input-checks";
import { countryCode } from "./list-query";

export interface Equality {
  property: string;
  /** Refuses a malformed value with its field, and gives it as stored (an id lower-cased). */
  check?: (value: string, field: string) => string;
}

export type Equalities = Record<string, Equality>;

export const sameId = (property: string): Equality => ({ property, check: checkId });
export const sameCountry = (property: string): Equality => ({ property, check: countryCode });
export const sameValue = (property: string): Equality => ({ property });

/** The `[property, value]` pairs `filter` asks for, each value checked as field `path.<name>`. */
export function askedFor(
  equalities: Equalities,
  filter: object,
  path = "filter",
): [string, unknown][] {
  const asked: [string, unknown][] = [];
  for (const [field, value] of Object.entries(filter)) {
    const equality = equalities[field];
    if (!equality || value === undefined || value === null) continue;
    const checked = equality.check ? equality.check(value as string, `${path}.${field}`) : value;
    asked.push([equality.property, checked]);
  }
  return asked;
}

/** Narrows `query` (main alias `row`) to the rows whose columns hold what `filter` asks for. */
export function whereEqual<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  meta: EntityMetadata,
  equalities: Equalities,
  filter: object,
): SelectQueryBuilder<T> {
  for (const [property, value] of askedFor(equalities, filter)) {
    const column = meta.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${meta.name} has no column for ${property}`);
    const parameter = `equal_${column.databaseName}`;
    query.andWhere(`row.${column.databaseName} = :${parameter}`, { [parameter]: value });
  }
  return query;
}
