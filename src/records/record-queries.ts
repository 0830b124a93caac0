// The queries every listed record type has (`city(id)`, `cities(…)`), by their root field names,
// so that an answer written by PostgreSQL can read their rows the way their resolvers do.
import { ClassType } from "type-graphql";
import { ListedRecordService, ListOrder } from "../db/listed-record-service";
import { HubContext } from "./context";

export interface RecordQueries {
  Type: ClassType<object>;
  defaultOrder: ListOrder;
  service: (ctx: HubContext) => ListedRecordService<never, never, never, object>;
}

export type RecordQuery = RecordQueries & { kind: "one" | "list" };

const queries = new Map<string, RecordQuery>();

export function registerRecordQueries(
  names: { one: string; list: string },
  record: RecordQueries,
): void {
  queries.set(names.one, { ...record, kind: "one" });
  queries.set(names.list, { ...record, kind: "list" });
}

export function recordQuery(rootField: string): RecordQuery | undefined {
  return queries.get(rootField);
}
