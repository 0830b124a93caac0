// Where each record comes from, as stored in record_source: written with the record, in its
// transaction; the provenance module (src/modules/provenance) reads it.
import { EntityManager } from "typeorm";
import { SourceRow } from "../core/source";
import { refusals } from "./refusals";

refusals("record_source", {
  record_source_document_check: { field: "sources", message: "each needs a document" },
  record_source_inference_explained: {
    field: "sources",
    message: "an INFERRED source needs a note saying why",
  },
});

const COLUMNS = ["document", "quote", "certainty", "note", "sheet", "row"] as const;

/**
 * Replaces the sources of the given records, as one statement of column arrays; a record absent
 * from `byRecord` keeps its sources.
 */
export async function writeSources(
  tx: EntityManager,
  byRecord: Map<string, SourceRow[]>,
): Promise<void> {
  const ids = [...byRecord.keys()];
  if (ids.length === 0) return;
  await tx.query(`DELETE FROM record_source WHERE record_id = ANY ($1::uuid[])`, [ids]);
  const rows = ids.flatMap((id) =>
    byRecord.get(id)!.map((source, position) => ({ id, position, source })),
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO record_source (record_id, position, ${COLUMNS.slice(0, -1).join(", ")}, row_number)
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
      $7::text[], $8::int[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.position),
      ...COLUMNS.map((column) => rows.map((r) => r.source[column] ?? null)),
    ],
  );
}

/** A table of records written with their parent's, by the column naming the parent. */
export interface Dependents {
  table: string;
  parentColumn: string;
}

/**
 * Gives the records of `dependents` whose parent is one of `parentIds` their parent's sources
 * (a partnership's first stage change, a person's affiliations, written from the same row).
 */
export async function shareSources(
  tx: EntityManager,
  dependents: Dependents[],
  parentIds: string[],
): Promise<void> {
  for (const { table, parentColumn } of dependents) {
    await tx.query(
      `INSERT INTO record_source (record_id, position, document, quote, certainty, note, sheet, row_number)
      SELECT d.id, s.position, s.document, s.quote, s.certainty, s.note, s.sheet, s.row_number
      FROM ${table} d JOIN record_source s ON s.record_id = d.${parentColumn}
      WHERE d.${parentColumn} = ANY ($1::uuid[])
      ON CONFLICT (record_id, position) DO NOTHING`,
      [parentIds],
    );
  }
}
