// Root fields whose answer is a list of plain rows that one statement writes, a column per field
// (the statistics), registered beside their resolvers so that an answer PostgreSQL writes whole
// (graphql/answer-sql) can include them as their resolvers would read them.
import { Statement } from "../db/statement";
import { HubContext } from "./context";

export interface RowsQuery {
  /** The rows for the field's arguments; throws a BadUserInput as the resolver would. */
  statement: (ctx: HubContext, args: Record<string, unknown>) => Statement;
  /** The column the rows are ordered by, as the statement orders them. */
  orderedBy: string;
}

const queries = new Map<string, RowsQuery>();

export function registerRowsQuery(rootField: string, query: RowsQuery): void {
  queries.set(rootField, query);
}

export function rowsQuery(rootField: string): RowsQuery | undefined {
  return queries.get(rootField);
}
