import DataLoader from "dataloader";
import { LoaderFactory } from "../../db/loaders";
import { Source } from "../../core/source";

/** Each record's sources, in the order they were given, for all the records asked at once. */
export const sourcesOf: LoaderFactory<string, Source[]> = (db) =>
  new DataLoader(async (ids) => {
    const rows: (Source & { recordId: string })[] = await db.query(
      `SELECT record_id AS "recordId", document, quote, certainty, note, sheet, row_number AS row
      FROM record_source WHERE record_id = ANY ($1::uuid[]) ORDER BY record_id, position`,
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
