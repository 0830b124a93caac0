import DataLoader from "dataloader";
import { LoaderFactory } from "../../db/loaders";
import { Source } from "../../core/source";
import { Row } from "../../core/node";
import { registerValueList, ValueList } from "../../records/value-lists";
import { read } from "../../db/read";

/** Where every record's `sources` are kept, in the order they were given. */
export const SOURCES: ValueList = {
  table: "record_source",
  recordColumn: "record_id",
  orderColumn: "position",
  columns: {
    document: "document",
    quote: "quote",
    certainty: "certainty",
    note: "note",
    sheet: "sheet",
    row: "row_number",
  },
};
registerValueList(Row, "sources", SOURCES);

const columns = Object.entries(SOURCES.columns)
  .map(([field, column]) => `${column} AS "${field}"`)
  .join(", ");

/** Each record's sources, in the order they were given, for all the records asked at once. */
export const sourcesOf: LoaderFactory<string, Source[]> = (db) =>
  new DataLoader(async (ids) => {
    const rows = await read<Source & { recordId: string }>(
      db,
      `SELECT ${SOURCES.recordColumn} AS "recordId", ${columns}
      FROM ${SOURCES.table} WHERE ${SOURCES.recordColumn} = ANY ($1::uuid[])
      ORDER BY ${SOURCES.recordColumn}, ${SOURCES.orderColumn}`,
      [[...ids]],
    );
    const byRecord = new Map<string, Source[]>();
    for (const { recordId, ...source } of rows) {
      const list = byRecord.get(recordId) ?? [];
      list.push(source);
      byRecord.set(recordId, list);
    }
    return ids.map((id) => byRecord.get(id) ?? []);
  });
