// How much of a date its source gives, for every record dated from a report that may name only
// the month or the year.
import { registerEnumType } from "type-graphql";

export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How much of startDate/endDate the source gives: a report may name only the year.",
});
