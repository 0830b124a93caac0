// The writing half of a service's createMany: checked inputs arrive in chunks while later ones are
// still being checked, and each chunk's rows go to the database with their audit entries in one
// multi-row statement, built whole before it is queued, while the next chunk is prepared.
import { EntityManager, EntityMetadata, EntityTarget } from "typeorm";
import { Row } from "../core/node";
import { groupedByProperties, StatementQueue } from "./bulk-statements";
import { arrayLiteral, insertSql, rowArrays, TableColumns } from "./bulk-insert";
import { entityJson } from "./entity-json";
import { OrderedIds } from "./ordered-ids";
import { Statement } from "./statement";

/** An input that passed create's checks, and the column values it gives. */
export interface Accepted<I> {
  input: I;
  values: object;
}

/** A row written: the input it came from, the id it was given and the id of its audit entry. */
export interface NewRow<I> {
  id: string;
  entryId: string;
  accepted: Accepted<I>;
}

export interface CreationSteps<I, K> {
  /**
   * Writes what lives beside a new row, once the row is there, and gives what `finished` reports
   * of it: only that is kept, so that a large batch does not hold every input until it ends.
   */
  afterWrite: (row: NewRow<I>) => Promise<K>;
  /**
   * The part of the rows' statement that writes their audit entries from `source`, which yields
   * (entry_id, entity_id, after), with parameters numbered from `first` on.
   */
  audit: (source: string, first: number) => Statement;
  /** Hears how many rows are written. */
  onWritten: (rows: number) => void;
}

/**
 * Chunks added and not yet written before `add` waits: checking stays a little ahead of the
 * database, and a large batch does not hold the inputs of every chunk it has checked at once.
 */
const CHUNKS_AHEAD = 3;

export class BulkCreation<T extends Row, I, K> {
  private readonly queue = new StatementQueue();
  private readonly meta: EntityMetadata;
  private readonly columns: TableColumns;
  private readonly after: string;
  /** Ids in increasing order for the rows and their entries, so that index inserts append. */
  private readonly ids = new OrderedIds();
  private readonly entryIds = new OrderedIds();
  private readonly chunks: Promise<K[]>[] = [];
  private readonly settled: Promise<void>[] = [];
  private written = 0;

  constructor(
    private readonly tx: EntityManager,
    entity: EntityTarget<T>,
    private readonly steps: CreationSteps<I, K>,
  ) {
    this.meta = tx.connection.getMetadata(entity);
    this.columns = TableColumns.ofEntity(this.meta);
    this.after = entityJson(this.meta, "w");
  }

  /**
   * Starts writing a chunk of inputs, once no more than CHUNKS_AHEAD are waiting to be written;
   * `finished` reports how it went.
   */
  async add(accepted: Accepted<I>[]): Promise<void> {
    if (accepted.length === 0) return;
    const chunk = this.write(accepted);
    // Its failure is reported by `finished`; until then no other statement is sent.
    const settled = chunk.then(
      () => {},
      () => {},
    );
    this.chunks.push(chunk);
    this.settled.push(settled);
    // Chunks are written in the order they are added.
    await this.settled[this.settled.length - 1 - CHUNKS_AHEAD];
  }

  /** What `afterWrite` gave of the new rows, in the order they were added. */
  async finished(): Promise<K[]> {
    return (await Promise.all(this.chunks)).flat();
  }

  /** Waits until nothing more is being sent; call before the transaction ends. */
  async close(): Promise<void> {
    await this.queue.close();
    await Promise.all(this.settled);
  }

  private async write(accepted: Accepted<I>[]): Promise<K[]> {
    const ids = this.ids.take(accepted.length);
    const entryIds = this.entryIds.take(accepted.length);
    const rows = accepted.map((a, i) => ({ id: ids[i], entryId: entryIds[i], accepted: a }));
    const values = accepted.map((a) => a.values);
    const statements = [...groupedByProperties(values)].map(([properties, group]) =>
      this.rowsWithEntries(
        properties === "" ? [] : properties.split(","),
        group.map((i) => ids[i]),
        group.map((i) => values[i]),
        group.map((i) => entryIds[i]),
      ),
    );
    await Promise.all(
      statements.map((s) => this.queue.send(() => this.tx.query(s.sql, s.parameters))),
    );
    const kept: K[] = [];
    for (const row of rows) kept.push(await this.steps.afterWrite(row));
    this.written += rows.length;
    this.steps.onWritten(this.written);
    return kept;
  }

  /** The statement writing rows whose values name the same properties, and their audit entries. */
  private rowsWithEntries(
    properties: string[],
    ids: string[],
    values: object[],
    entryIds: string[],
  ): Statement {
    const written = ["id", ...properties].map((property) => this.columns.get(property));
    const rows = [arrayLiteral(ids), ...rowArrays(written.slice(1), properties, values)];
    // The rows' ids are the first of their arrays; their entries' ids follow the last.
    const entries = rows.length + 1;
    const source = `(SELECT e.entry_id, w.id AS entity_id, ${this.after} AS after
      FROM written w JOIN unnest($1::uuid[], $${entries}::uuid[]) AS e (row_id, entry_id)
        ON e.row_id = w.id)`;
    const audit = this.steps.audit(source, entries + 1);
    return {
      sql: `WITH written AS (${insertSql(this.columns, written)} RETURNING *)
        ${audit.sql}`,
      parameters: [...rows, arrayLiteral(entryIds), ...audit.parameters],
    };
  }
}
