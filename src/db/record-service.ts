// The write path every module's service shares: one transaction per mutation, optimistic locking
// on `version`, and the database's refusals turned into client errors. Audit entries and hub
// events join the same transaction here, so a refused or rolled-back write leaves neither.
import { DataSource, EntityManager, EntityTarget } from "typeorm";
import { requireCity, SHARED } from "../core/actor";
import { Conflict, HubError, NotFound } from "../core/errors";
import { checkId, checkInput } from "../core/input-checks";
import { Row } from "../core/node";
import { SourceRow } from "../core/source";
import { Dependents, shareSources, writeSources } from "./record-sources";
import { Accepted, BulkCreation, NewRow } from "./bulk-creation";
import { nextTurn, ROWS_PER_STATEMENT, ROWS_PER_TURN } from "./bulk-statements";
import { translateDatabaseError } from "./database-errors";
import { refusalsOf } from "./refusals";
import { Creation, ServiceContext } from "./service-context";

export type ColumnValues<T> = { [K in keyof T]?: T[K] | null };

/** The city whose editors may write a record; SHARED for directory records, null: admins only. */
export type OwnerCity = string | null | typeof SHARED;

/** An input of a batch that `create` would refuse, by its place in the batch. */
export interface BatchRefusal {
  index: number;
  error: HubError;
}

export interface BatchOptions {
  /** Write the inputs that pass even when others are refused. */
  partial?: boolean;
  /** Check only. */
  dryRun?: boolean;
  /**
   * Whether the caller has refused inputs of its own (rows of a file it could not read), asked
   * as the inputs arrive: from then on it holds the batch back as a refusal of its own would.
   */
  heldBack?: () => boolean;
  /** Hears how far checking (of an array of inputs) and writing have got, in inputs. */
  onProgress?: (pass: "checking" | "writing", done: number, total: number) => void;
  /** Where the input at `index` comes from, written as its record's source. */
  sourceOf?: (index: number) => SourceRow;
}

/**
 * The inputs of a batch: a list, or a stream that the batch starts in its own transaction, so
 * that what makes the inputs may read the database (through `tx`) while the batch holds it.
 */
export type BatchInputs<I> = Iterable<I> | ((tx: EntityManager) => AsyncIterable<I>);

export interface BatchOutcome {
  /** The ids of the records written, in the order of their inputs. */
  createdIds: string[];
  refusals: BatchRefusal[];
}

/** Rolls back a batch that has refusals and writes nothing, once every input has been checked. */
class RefusedBatch extends Error {
  constructor(readonly refusals: BatchRefusal[]) {
    super("the batch has refused inputs");
  }
}

export abstract class RecordService<
  T extends Row,
  CreateInput extends object,
  UpdateInput extends object,
> {
  protected abstract readonly Entity: EntityTarget<T>;
  protected abstract readonly typeName: string;
  /** Records written with each row, which share its sources. */
  protected readonly dependents: Dependents[] = [];
  protected readonly db: DataSource;

  constructor(protected readonly ctx: ServiceContext) {
    this.db = ctx.db;
  }

  /** The city a row (or the values of a row about to be written) belongs to. */
  protected abstract ownerCity(row: Partial<T>): OwnerCity;

  /** Validates an input and turns it into column values; `existing` is null on create. */
  protected abstract columns(
    tx: EntityManager,
    input: Partial<CreateInput> & Partial<UpdateInput>,
    existing: T | null,
  ): Promise<ColumnValues<T>>;

  /** Writes what lives beside the row (link tables, history) once the row exists. */
  protected async afterWrite(
    _tx: EntityManager,
    _row: T,
    _input: Partial<CreateInput> & Partial<UpdateInput>,
    _previous: T | null,
  ): Promise<void> {}

  async create(input: CreateInput, sources?: SourceRow[]): Promise<T> {
    checkInput(input, "input");
    if (sources) checkInput(sources, "sources");
    return this.write(async (tx) => {
      const values = await this.columns(tx, input, null);
      requireCity(this.ctx.actor, this.ownerCity(values as Partial<T>), "input");
      const inserted = await tx.insert(this.Entity, values as never);
      const row = await tx.findOneByOrFail(this.Entity, {
        id: inserted.identifiers[0].id,
      } as never);
      await this.afterWrite(tx, row, input, null);
      if (sources) await this.writeSources(tx, new Map([[row.id, sources]]));
      await this.recordChange(tx, "create", null, row);
      return row;
    });
  }

  /**
   * Creates many records in one transaction by the rules of `create`: each input is checked as
   * `create` checks it, and rows with their audit entries are written by multi-row statements
   * while the next inputs are checked, or still arrive; the events follow once all are written.
   * While any input is refused nothing is written (what was is rolled back), unless `partial`.
   */
  async createMany(
    inputs: BatchInputs<CreateInput>,
    options: BatchOptions = {},
  ): Promise<BatchOutcome> {
    try {
      return await this.write((tx) => this.checkAndCreate(tx, inputs, options));
    } catch (error) {
      if (error instanceof RefusedBatch) return { createdIds: [], refusals: error.refusals };
      throw error;
    }
  }

  private async checkAndCreate(
    tx: EntityManager,
    inputs: BatchInputs<CreateInput>,
    options: BatchOptions,
  ): Promise<BatchOutcome> {
    const progress = options.onProgress ?? (() => {});
    const total = Array.isArray(inputs) ? inputs.length : undefined;
    const refusals: BatchRefusal[] = [];
    const refused = () => refusals.length > 0 || Boolean(options.heldBack?.());
    // Writing is reported once checking is over, as one pass after the other.
    let checked = 0;
    let written = 0;
    const writing = () => !options.dryRun && (options.partial || !refused());
    const reportWriting = () => {
      const accepted = checked - refusals.length;
      if (writing() && accepted > 0) progress("writing", written, accepted);
    };
    let checking = true;
    const creation = new BulkCreation<T, CreateInput, Creation>(tx, this.Entity, {
      afterWrite: (row) => this.afterCreation(tx, row),
      audit: (source, first) =>
        this.ctx.changes.creationEntriesFrom(this.ctx, this.typeName, source, first),
      onWritten: (done) => {
        written = done;
        if (!checking) reportWriting();
      },
    });
    // The index of each accepted input, in the order the rows are created.
    const acceptedIndexes: number[] = [];
    try {
      let accepted: Accepted<CreateInput>[] = [];
      const writeAccepted = async () => {
        const chunk = accepted;
        accepted = [];
        if (writing()) await creation.add(chunk);
      };
      for await (const input of typeof inputs === "function" ? inputs(tx) : inputs) {
        const index = checked++;
        if (total && index % ROWS_PER_STATEMENT === 0) progress("checking", index, total);
        if (index % ROWS_PER_TURN === 0) await nextTurn();
        try {
          accepted.push({ input, values: await this.checkedCreate(tx, input) });
          acceptedIndexes.push(index);
        } catch (error) {
          if (!(error instanceof HubError)) throw error;
          refusals.push({ index, error });
        }
        if (accepted.length === ROWS_PER_STATEMENT) await writeAccepted();
      }
      await writeAccepted();
      if (total) progress("checking", total, total);
      checking = false;
      reportWriting();
      const created = await creation.finished();
      if (refused() && !options.partial) throw new RefusedBatch(refusals);
      const { sourceOf } = options;
      if (sourceOf) {
        const sources = created.map((row, i) => [row.entityId, [sourceOf(acceptedIndexes[i])]]);
        await this.writeSources(tx, new Map(sources as [string, SourceRow[]][]));
      }
      await this.ctx.changes.recordCreationEvents(tx, this.typeName, created);
      return { createdIds: created.map((row) => row.entityId), refusals };
    } finally {
      await creation.close();
    }
  }

  private async writeSources(tx: EntityManager, byRecord: Map<string, SourceRow[]>) {
    await writeSources(tx, byRecord);
    await shareSources(tx, this.dependents, [...byRecord.keys()]);
  }

  private async checkedCreate(tx: EntityManager, input: CreateInput): Promise<ColumnValues<T>> {
    checkInput(input, "input");
    const values = await this.columns(tx, input, null);
    requireCity(this.ctx.actor, this.ownerCity(values as Partial<T>), "input");
    return values;
  }

  /** Writes what lives beside a row written in bulk; gives what its event needs. */
  private async afterCreation(tx: EntityManager, row: NewRow<CreateInput>): Promise<Creation> {
    // The values it was written with: all that `ownerCity` and `afterWrite` read.
    const written = { ...row.accepted.values, id: row.id } as T;
    await this.afterWrite(tx, written, row.accepted.input, null);
    const owner = this.ownerCity(written);
    return {
      entityId: row.id,
      entryId: row.entryId,
      cityId: typeof owner === "string" ? owner : null,
    };
  }

  async update(id: string, version: number, input: UpdateInput, sources?: SourceRow[]): Promise<T> {
    checkId(id, "id");
    checkInput(input, "input");
    if (sources) checkInput(sources, "sources");
    return this.write(async (tx) => {
      const existing = await this.lockVersion(tx, id, version);
      const values = await this.columns(tx, input, existing);
      requireCity(
        this.ctx.actor,
        this.ownerCity({ ...existing, ...values } as Partial<T>),
        "input",
      );
      await tx.update(this.Entity, { id, version } as never, values as never);
      const row = await tx.findOneByOrFail(this.Entity, { id } as never);
      await this.afterWrite(tx, row, input, existing);
      if (sources) await writeSources(tx, new Map([[id, sources]]));
      await this.recordChange(tx, "update", existing, row);
      return row;
    });
  }

  async remove(id: string): Promise<string> {
    checkId(id, "id");
    return this.write(async (tx) => {
      const existing = await this.lockVersion(tx, id);
      await tx.delete(this.Entity, { id } as never);
      await tx.query(`DELETE FROM record_source WHERE record_id = $1`, [id]);
      await this.recordChange(tx, "delete", existing, null);
      return id;
    }, true);
  }

  /**
   * Locks the row for this write, once the actor may write it; a `version` other than the current
   * one is a CONFLICT.
   */
  protected async lockVersion(tx: EntityManager, id: string, version?: number | null): Promise<T> {
    const row = await this.lockRow(tx, id);
    requireCity(this.ctx.actor, this.ownerCity(row), "id");
    if (version !== undefined && version !== null && row.version !== version) {
      throw new Conflict(
        `${this.typeName} ${id} was changed by someone else (version ${row.version}, you sent ${version}); read it again`,
        "version",
      );
    }
    return row;
  }

  protected async lockRow(tx: EntityManager, id: string): Promise<T> {
    const row = await tx.findOne(this.Entity, {
      where: { id } as never,
      lock: { mode: "pessimistic_write" },
    });
    if (!row) throw new NotFound(this.typeName, id, "id");
    return row;
  }

  /**
   * Records the change in the audit log and the event outbox, inside the write's transaction; call
   * it last, as the event takes the lock that orders cursors by commit.
   */
  protected async recordChange(
    tx: EntityManager,
    action: string,
    before: T | null,
    after: T | null,
  ): Promise<void> {
    const row = (after ?? before)!;
    const owner = this.ownerCity(row);
    const entryId = await this.ctx.changes.recordAudit(tx, this.ctx, {
      action,
      entityType: this.typeName,
      entityId: row.id,
      before,
      after,
    });
    await this.ctx.changes.recordEvent(tx, {
      action,
      entityType: this.typeName,
      entityId: row.id,
      cityId: typeof owner === "string" ? owner : null,
      entryId,
    });
  }

  protected async write<R>(work: (tx: EntityManager) => Promise<R>, removing = false): Promise<R> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      throw translateDatabaseError(error, await refusalsOf(this.db), removing);
    }
  }
}

/** The value an update should write: the new one when the input names the field, else the old. */
export function merged<V>(input: V | undefined, existing: V | null | undefined): V | null {
  return input !== undefined ? input : (existing ?? null);
}
