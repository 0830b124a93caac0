// What an import needs to know of one record type: its columns, how a row becomes the service's
// create input, the service that checks and writes it, and the natural key that re-imports match.
import { EntityManager } from "typeorm";
import { BatchInputs, BatchOptions, BatchOutcome } from "../../db/record-service";
import { ServiceContext } from "../../db/service-context";
import { ImportKind } from "./import-kind";
import { PlaceBook } from "./places";
import { ImportColumn, RowCells } from "./row-cells";

export type RowToInput<I> = (cells: RowCells) => I | null;

/** The part of a record service an import uses: `createMany`, which checks as `create` does. */
export interface BatchCreator<I> {
  createMany(inputs: BatchInputs<I>, options: BatchOptions): Promise<BatchOutcome>;
}

/**
 * One part of a natural key: SQL over the table's columns, its type, and its value in an input.
 * A nullable part's null matches a null (an undated visit is the same visit when imported again).
 */
export interface KeyPart<I> {
  sql: string;
  type: string;
  of(input: I): string | null;
  nullable?: boolean;
}

export interface NaturalKey<I> {
  /** Equal parts mean the same record; the first ones should lead an index of the table. */
  parts: KeyPart<I>[];
  table: string;
  /** The column a duplicate is reported on, and what the key is made of. */
  column: string;
  describe: string;
}

export interface ImportSpec<I extends object> {
  kind: ImportKind;
  columns: ImportColumn[];
  /** The column that decides whose record it is, for refusals of an editor's claim. */
  ownerColumn: string;
  naturalKey: NaturalKey<I>;
  service(ctx: ServiceContext): BatchCreator<I>;
  /** Loads what a batch of rows refers to (in the import's transaction), then converts them one by one. */
  converter(tx: EntityManager, places: PlaceBook, rows: RowCells[]): Promise<RowToInput<I>>;
}
