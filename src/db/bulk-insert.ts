// The one way rows are written in bulk (an import's createMany, the seed, the synthetic dataset):
// `INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)`, one array parameter per column, which
// unnest turns back into rows. PostgreSQL reads a chunk's arrays in less than half the time it
// reads the same rows as JSON, a batch costs one round trip, and the same SQL runs on PostgreSQL
// and on PGlite (which has no COPY from a client stream).
import { EntityManager, EntityMetadata } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { Statement } from "./statement";

/** A column written from an array parameter. */
export interface ArrayColumn {
  column: string;
  /** The type of the parameter carrying the column's values. */
  arrayType: string;
  /** The column's value as read from a row of the unnest, which `r` names. */
  read: string;
  /** A value as an element of the parameter's array literal. */
  text: (value: unknown) => string | null;
}

const absent = (value: unknown) => value === null || value === undefined;

function textOf(value: unknown): string | null {
  if (absent(value)) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Values as PostgreSQL's array literal; each is quoted, so that no text reads as NULL. */
export function arrayLiteral(values: (string | null)[]): string {
  const elements = values.map((value) =>
    value === null ? "NULL" : `"${value.replace(/[\\"]/g, "\\$&")}"`,
  );
  return `{${elements.join(",")}}`;
}

/** A column of type `type` (`text`, `uuid`, `text[]` …). */
function arrayColumn(column: string, type: string, isArray: boolean): ArrayColumn {
  const read = `r."${column}"`;
  if (isArray) {
    // Each row's list goes as the text of its own literal: an array of lists must be rectangular.
    return {
      column,
      arrayType: "text[]",
      read: `${read}::${type}[]`,
      text: (value) => (absent(value) ? null : arrayLiteral((value as unknown[]).map(textOf))),
    };
  }
  if (type === "json" || type === "jsonb") {
    const text = (value: unknown) => (absent(value) ? null : JSON.stringify(value));
    return { column, arrayType: `${type}[]`, read, text };
  }
  return { column, arrayType: `${type}[]`, read, text: textOf };
}

function mappedColumn(meta: EntityMetadata, column: ColumnMetadata): ArrayColumn {
  const type = meta.connection.driver.normalizeType(column);
  return arrayColumn(column.databaseName, type, column.isArray);
}

/** The bulk-written columns of one table, by the name its rows give them. */
export class TableColumns {
  private constructor(
    readonly table: string,
    private readonly byName: Map<string, ArrayColumn>,
    /** The column a row's update sets to the time of the update. */
    readonly updatedAt?: string,
  ) {}

  /** An entity's columns by property name: the values of a service's rows. */
  static ofEntity(meta: EntityMetadata): TableColumns {
    const byName = new Map(meta.columns.map((c) => [c.propertyName, mappedColumn(meta, c)]));
    return new TableColumns(meta.tableName, byName, meta.updateDateColumn?.databaseName);
  }

  /**
   * A table's columns by column name, from the metadata of the entity mapped to it, or from
   * `types` (`{ person_id: "uuid" }`) for a table no entity maps, such as a link table.
   */
  static ofTable(
    manager: EntityManager,
    table: string,
    types: Record<string, string> = {},
  ): TableColumns {
    const meta = manager.connection.entityMetadatas.find((m) => m.tableName === table);
    if (meta) {
      const byName = new Map(meta.columns.map((c) => [c.databaseName, mappedColumn(meta, c)]));
      return new TableColumns(table, byName, meta.updateDateColumn?.databaseName);
    }
    const byName = new Map(
      Object.entries(types).map(([name, type]) => {
        const isArray = type.endsWith("[]");
        return [name, arrayColumn(name, isArray ? type.slice(0, -2) : type, isArray)];
      }),
    );
    return new TableColumns(table, byName);
  }

  get(name: string): ArrayColumn {
    const column = this.byName.get(name);
    if (!column) throw new Error(`${this.table} has no column ${name} to write`);
    return column;
  }
}

export interface InsertOptions {
  /** Columns written with the values of another: `{ updated_at: "created_at" }`. */
  copies?: Record<string, string>;
  /**
   * The key of rows that may be there already: they are updated in place (every column written
   * but the key's, and the time of the update), or left as they are when only the key is written.
   */
  upsertOn?: string[];
}

/**
 * The statement writing `columns` of `table` from one array parameter each, numbered from $1 in
 * the order of `columns`.
 */
export function insertSql(
  columns: TableColumns,
  written: ArrayColumn[],
  options: InsertOptions = {},
): string {
  const copies = Object.entries(options.copies ?? {});
  const sourceOf = (name: string) => written.find((c) => c.column === name)!;
  const targets = [...written.map((c) => c.column), ...copies.map(([target]) => target)];
  const reads = [...written.map((c) => c.read), ...copies.map(([, from]) => sourceOf(from).read)];
  const arrays = written.map((c, i) => `$${i + 1}::${c.arrayType}`);
  const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");
  const insert = `INSERT INTO "${columns.table}" (${quoted(targets)})
    SELECT ${reads.join(", ")} FROM unnest(${arrays.join(", ")}) AS r (${quoted(written.map((c) => c.column))})`;
  if (!options.upsertOn) return insert;
  const key = options.upsertOn;
  const updates = targets
    .filter((target) => !key.includes(target))
    .map((target) => `"${target}" = EXCLUDED."${target}"`);
  if (updates.length > 0 && columns.updatedAt) updates.push(`"${columns.updatedAt}" = now()`);
  const action = updates.length > 0 ? `DO UPDATE SET ${updates.join(", ")}` : "DO NOTHING";
  return `${insert} ON CONFLICT (${quoted(key)}) ${action}`;
}

/** The array parameter of `column` for `values`. */
export function columnArray(column: ArrayColumn, values: unknown[]): string {
  return arrayLiteral(values.map((value) => column.text(value)));
}

/** The array parameters of `written` for `rows`, which give their values under `names`. */
export function rowArrays(written: ArrayColumn[], names: string[], rows: object[]): string[] {
  return written.map((column, i) =>
    arrayLiteral(rows.map((row) => column.text((row as Record<string, unknown>)[names[i]]))),
  );
}

/**
 * The statement writing `rows`, which all name the same columns (`names`, by the names `columns`
 * knows them), and its parameters.
 */
export function insertStatement(
  columns: TableColumns,
  names: string[],
  rows: object[],
  options: InsertOptions = {},
): Statement {
  const written = names.map((name) => columns.get(name));
  return { sql: insertSql(columns, written, options), parameters: rowArrays(written, names, rows) };
}

/** Writes rows of `table`, keyed by column name, in one statement; a no-op without rows. */
export async function insertRows(
  tx: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  options: InsertOptions & { types?: Record<string, string> } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = TableColumns.ofTable(tx, table, options.types);
  const statement = insertStatement(columns, Object.keys(rows[0]), rows, options);
  await tx.query(statement.sql, statement.parameters);
}
