// Bulk loading through the hub's bulk insert (src/db/bulk-insert.ts): one statement a batch, one
// array parameter a column, so a batch of 10,000 rows costs one round trip. Every constraint,
// foreign key and index stays in force while loading.
import { EntityManager } from "typeorm";
import {
  ArrayColumn,
  columnArray,
  InsertOptions,
  insertSql,
  TableColumns,
} from "../../db/bulk-insert";

type ColumnType =
  "uuid" | "text" | "date" | "timestamptz" | "int" | "float8" | "numeric" | "text[]";

type ValueOf<T extends ColumnType> = T extends "int" | "float8"
  ? number | null
  : T extends "text[]"
    ? string[]
    : string | null;

export type RowOf<C extends Record<string, ColumnType>> = { [K in keyof C]: ValueOf<C[K]> };

/**
 * A table and the columns the generator writes, with the kinds of values its rows give them; the
 * columns' types are the entity's, and these only for a table no entity maps. The pseudo-column
 * `stamp` fills both created_at and updated_at, so a row's timestamps derive from its own dates
 * rather than the load's clock.
 */
export interface TableSpec<C extends Record<string, ColumnType> = Record<string, ColumnType>> {
  table: string;
  columns: C;
}

export function tableSpec<C extends Record<string, ColumnType>>(
  table: string,
  columns: C,
): TableSpec<C> {
  return { table, columns };
}

/** A table's statement and the columns its parameters carry, in their order. */
interface TableInsert {
  sql: string;
  written: ArrayColumn[];
}

function tableInsert(tx: EntityManager, spec: TableSpec): TableInsert {
  const columns = TableColumns.ofTable(tx, spec.table, spec.columns);
  const names = Object.keys(spec.columns);
  const written = names.map((name) => columns.get(name === "stamp" ? "created_at" : name));
  const options: InsertOptions = names.includes("stamp")
    ? { copies: { updated_at: "created_at" } }
    : {};
  return { sql: insertSql(columns, written, options), written };
}

export interface TableLoad {
  table: string;
  rows: number;
  /** Time the database spent on this table's statements. */
  seconds: number;
}

class RowBuffer {
  private readonly names: string[];
  readonly columns: unknown[][];
  rows = 0;

  constructor(readonly spec: TableSpec) {
    this.names = Object.keys(spec.columns);
    this.columns = this.names.map(() => []);
  }

  push(row: Record<string, unknown>): void {
    for (let i = 0; i < this.names.length; i++) this.columns[i].push(row[this.names[i]]);
    this.rows += 1;
  }
}

/**
 * Writes the rows of one pass, parents before children: a batch of any table sends the pending
 * rows of every table of the pass in the order they were declared, so a foreign key never points
 * at a row still in a buffer. One round of statements runs while the next is generated.
 */
export class BulkWriter {
  private buffers: RowBuffer[];
  private pending: Promise<void> = Promise.resolve();
  private readonly loads = new Map<string, TableLoad>();
  private readonly inserts = new Map<TableSpec, TableInsert>();

  constructor(
    private readonly tx: EntityManager,
    specs: TableSpec[],
    private readonly batchSize: number,
  ) {
    this.buffers = specs.map((spec) => new RowBuffer(spec));
    for (const spec of specs) {
      this.loads.set(spec.table, { table: spec.table, rows: 0, seconds: 0 });
      this.inserts.set(spec, tableInsert(tx, spec));
    }
  }

  push<C extends Record<string, ColumnType>>(spec: TableSpec<C>, row: RowOf<C>): void {
    const buffer = this.buffers.find((b) => b.spec === spec);
    if (!buffer) throw new Error(`${spec.table} is not written by this pass`);
    buffer.push(row);
  }

  get full(): boolean {
    return this.buffers.some((buffer) => buffer.rows >= this.batchSize);
  }

  /** Sends every buffered row; waits for the previous round first, so memory stays bounded. */
  async flush(): Promise<void> {
    await this.pending;
    const round = this.buffers.filter((buffer) => buffer.rows > 0);
    this.buffers = this.buffers.map((buffer) =>
      buffer.rows > 0 ? new RowBuffer(buffer.spec) : buffer,
    );
    this.pending = round.reduce<Promise<void>>(
      (previous, buffer) => previous.then(() => this.send(buffer)),
      Promise.resolve(),
    );
    // A failure surfaces at the next flush; until then it must not count as unhandled.
    this.pending.catch(() => undefined);
  }

  /** One statement; sent only when the one before has finished, so its time is its own. */
  private async send(buffer: RowBuffer): Promise<void> {
    const insert = this.inserts.get(buffer.spec)!;
    const parameters = insert.written.map((column, i) => columnArray(column, buffer.columns[i]));
    const sent = performance.now();
    await this.tx.query(insert.sql, parameters);
    const load = this.loads.get(buffer.spec.table)!;
    load.seconds += (performance.now() - sent) / 1000;
    load.rows += buffer.rows;
  }

  /** Sends what is left and waits for every statement. */
  async finish(): Promise<TableLoad[]> {
    await this.flush();
    await this.pending;
    return [...this.loads.values()];
  }
}
