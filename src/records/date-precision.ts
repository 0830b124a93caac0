// How much of a date its source gives, for every record dated from a report that may name only
// the month or the year. A date no source gives is null, and so is its precision: there is no
// UNKNOWN precision of a guessed date.
import { registerEnumType } from "type-graphql";

export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description:
    "How much of a date the source gives: a report may name only the year. Null with the date when no source gives one.",
});
