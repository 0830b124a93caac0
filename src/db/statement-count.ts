// Counts SQL statements at the driver, so that tests and benchmarks can prove a nested query
// costs one statement per level rather than one per row. Background work (the event relay's
// reads) runs uncounted, so that it never shows up in a request's figure.
import { AsyncLocalStorage } from "node:async_hooks";

let issued = 0;
const uncounted = new AsyncLocalStorage<true>();

export function countStatement(): void {
  if (!uncounted.getStore()) issued += 1;
}

export function statementsIssued(): number {
  return issued;
}

/** Runs `work` without counting its statements. */
export function withoutCounting<T>(work: () => Promise<T>): Promise<T> {
  return uncounted.run(true, work);
}
