// The writing half of a service's createMany: checked inputs arrive in chunks while later ones are
// still being checked, and each chunk's rows, then their audit entries, go to the database as
// multi-row statements, one after the other, while the next chunk is prepared.
import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { Row } from "../graphql/node";
import {
  columnRecord,
  groupedByColumns,
  hydrated,
  nextTurn,
  ROWS_PER_TURN,
  StatementQueue,
} from "./bulk-statements";
import { OrderedIds } from "./ordered-ids";
import { Statement } from "./statement";

/** An input that passed create's checks, and the column values it gives. */
export interface Accepted<I> {
  input: I;
  values: object;
}

export interface CreationSteps<T, I> {
  /** What `afterWrite` writes beside a new row. */
  afterWrite: (row: T, input: I) => Promise<void>;
  /** The statement writing the audit entries of new rows under the given ids. */
  audit: (rows: T[], entryIds: string[]) => Statement;
  /** Hears how many rows are written. */
  onWritten: (rows: number) => void;
}

export class BulkCreation<T extends Row, I> {
  private readonly queue = new StatementQueue();
  private readonly meta: EntityMetadata;
  /** Ids in increasing order for the rows and their entries, so that index inserts append. */
  private readonly ids = new OrderedIds();
  private readonly entryIds = new OrderedIds();
  private readonly chunks: Promise<{ rows: T[]; entryIds: string[] }>[] = [];
  private written = 0;

  constructor(
    private readonly tx: EntityManager,
    entity: EntityTarget<T>,
    private readonly steps: CreationSteps<T, I>,
  ) {
    this.meta = tx.connection.getMetadata(entity);
  }

  /** Starts writing a chunk of inputs; `finished` reports how it went. */
  add(accepted: Accepted<I>[]): void {
    if (accepted.length === 0) return;
    const chunk = this.write(accepted);
    // Its failure is reported by `finished`; until then no other statement is sent.
    chunk.catch(() => {});
    this.chunks.push(chunk);
  }

  /** The new rows in the order they were added, and the ids of their audit entries. */
  async finished(): Promise<{ created: T[]; entryIds: string[] }> {
    const chunks = await Promise.all(this.chunks);
    return {
      created: chunks.flatMap((chunk) => chunk.rows),
      entryIds: chunks.flatMap((chunk) => chunk.entryIds),
    };
  }

  /** Waits until nothing more is being sent; call before the transaction ends. */
  async close(): Promise<void> {
    await this.queue.close();
    await Promise.allSettled(this.chunks);
  }

  private async write(accepted: Accepted<I>[]): Promise<{ rows: T[]; entryIds: string[] }> {
    const ids = this.ids.take(accepted.length);
    const entryIds = this.entryIds.take(accepted.length);
    const records = accepted.map((a, i) => columnRecord(this.meta, ids[i], a.values));
    const inserts = [...groupedByColumns(records)].map(([columns, group]) =>
      this.insert(columns, group),
    );
    const written = new Map<string, T>();
    for (const insert of inserts) {
      for (const [i, raw] of (await insert).entries()) {
        if (i % ROWS_PER_TURN === 0) await nextTurn();
        written.set(raw.id, hydrated<T>(this.tx, this.meta, raw));
      }
    }
    const rows = ids.map((id) => written.get(id)!);
    for (const [i, row] of rows.entries()) await this.steps.afterWrite(row, accepted[i].input);
    await nextTurn();
    this.written += rows.length;
    this.steps.onWritten(this.written);
    const audit = this.steps.audit(rows, entryIds);
    await this.queue.send(() => this.tx.query(audit.sql, audit.parameters));
    return { rows, entryIds };
  }

  private insert(columns: string, records: Record<string, unknown>[]): Promise<ObjectLiteral[]> {
    const table = this.meta.tableName;
    const list = columns
      .split(", ")
      .map((c) => `"${c}"`)
      .join(", ");
    const json = JSON.stringify(records);
    return this.queue.send(() =>
      this.tx.query(
        `INSERT INTO "${table}" (${list}) SELECT ${list}
         FROM json_populate_recordset(NULL::"${table}", $1::json) RETURNING *`,
        [json],
      ),
    );
  }
}
