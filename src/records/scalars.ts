// Scalars for calendar dates and exact money amounts: both travel as strings so that no client
// or driver turns them into a moment in a time zone or a binary float.
import { GraphQLScalarType, Kind, ValueNode } from "graphql";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^\d{1,18}(\.\d{1,2})?$/;

function parseCalendarDate(value: unknown): string {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  if (!match) throw new TypeError(`Date must be a YYYY-MM-DD string`);
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new TypeError(`${value} is not a calendar date`);
  }
  return value as string;
}

function parseDecimal(value: unknown): string {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text)) {
    throw new TypeError(
      `Decimal must be a non-negative number with at most 2 decimals, as a string`,
    );
  }
  return text;
}

function literal(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
    return ast.kind === Kind.STRING ? ast.value : Number(ast.value);
  }
  return undefined;
}

export const CalendarDate = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date, YYYY-MM-DD, with no time zone.",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(literal(ast)),
});

export const Decimal = new GraphQLScalarType({
  name: "Decimal",
  description: "An exact non-negative amount with up to 2 decimals, written as a string.",
  serialize: (value) => (value === null ? null : String(value)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(literal(ast)),
});
