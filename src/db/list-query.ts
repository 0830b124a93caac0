// Small helpers for building list filters in SQL.
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInput } from "../core/errors";

/** A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An ISO 3166-1 alpha-2 code as stored, or a BAD_USER_INPUT naming `field`. */
export function countryCode(value: string, field: string): string {
  if (!/^[A-Za-z]{2}$/.test(value))
    throw new BadUserInput(field, "must be a two-letter ISO 3166-1 code");
  return value.toUpperCase();
}

/** Drops the keys an input left out, so that an update writes only what it names. */
export function named<T extends object>(values: T): Partial<T> {
  const given: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (values[key] !== undefined) given[key] = values[key];
  }
  return given;
}

/** Records of a `year` column (alias `row`), by year with those of no year last, then as written. */
export function inYearOrder<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  return query
    .orderBy("row.year", "ASC", "NULLS LAST")
    .addOrderBy("row.created_at")
    .addOrderBy("row.id")
    .getMany();
}
