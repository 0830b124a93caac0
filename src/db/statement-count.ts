// Counts SQL statements at the driver, so that tests and benchmarks can prove a nested query
// costs one statement per level rather than one per row. Background work (the event relay's
// reads) marks its statements, so that it never shows up in a request's figure. A mark in the
// text rather than an AsyncLocalStorage, which would turn on promise hooks for the whole process
// to serve tests alone.

/** The start of a statement that is not counted. */
export const UNCOUNTED = "/* uncounted */ ";

let issued = 0;

/** Counts a statement as the driver receives it: its text, or a query config that holds it. */
export function countStatement(statement: unknown): void {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown })?.text;
  if (typeof text !== "string" || !text.startsWith(UNCOUNTED)) issued += 1;
}

export function statementsIssued(): number {
  return issued;
}
