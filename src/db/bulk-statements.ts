// Multi-row statements for writes in bulk: items go in chunks of a size PostgreSQL takes easily,
// one statement a chunk, and the next chunk's parameters are built while the database runs the
// current one, so that the two processors of a small machine work at the same time.
/** Items a multi-row statement carries. */
export const ROWS_PER_STATEMENT = 2000;

/** Items handled between two turns of the event loop. */
export const ROWS_PER_TURN = 100;

/**
 * Lets the event loop turn: the socket's replies are read and the rest of a large parameter
 * written, so that the database does not wait for the end of a long stretch of JavaScript.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `send` on each chunk of `items` in order, one at a time, with `prepare` of the next chunk
 * done while the previous one is being sent and run.
 */
export async function inChunks<T, P, R>(
  items: T[],
  prepare: (chunk: T[], offset: number) => P,
  send: (prepared: P) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next: P | undefined =
    items.length > 0 ? prepare(items.slice(0, ROWS_PER_STATEMENT), 0) : undefined;
  for (let offset = 0; next !== undefined; offset += ROWS_PER_STATEMENT) {
    const running = send(next);
    const following = offset + ROWS_PER_STATEMENT;
    next =
      following < items.length
        ? prepare(items.slice(following, following + ROWS_PER_STATEMENT), following)
        : undefined;
    results.push(await running);
  }
  return results;
}

/**
 * The places of rows' values by the properties they name, so that a column one leaves out keeps
 * its default.
 */
export function groupedByProperties(values: object[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const [i, row] of values.entries()) {
    const properties = Object.keys(row).join(",");
    const group = groups.get(properties);
    if (group) group.push(i);
    else groups.set(properties, [i]);
  }
  return groups;
}

/**
 * Statements of one transaction sent one at a time in the order they are queued, so that the
 * parameters of later ones can be built while earlier ones run. Once one fails, those not yet
 * sent fail with its error, and once the queue is closed none is sent: none can run after the
 * transaction has ended.
 */
export class StatementQueue {
  private last: Promise<unknown> = Promise.resolve();
  private open = true;
  private failure: unknown;

  send<R>(statement: () => Promise<R>): Promise<R> {
    const result = this.last.then(() => {
      if (this.failure) throw this.failure;
      if (!this.open) throw new Error("the batch's transaction is over");
      return statement();
    });
    this.last = result.catch((error: unknown) => {
      this.failure ??= error;
    });
    return result;
  }

  /** Sends nothing more, once the statement being run has finished. */
  async close(): Promise<void> {
    this.open = false;
    await this.last;
  }
}
