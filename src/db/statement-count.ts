// Counts SQL statements at the driver, so that tests and benchmarks can prove a nested query
// costs one statement per level rather than one per row.
let issued = 0;

export function countStatement(): void {
  issued += 1;
}

export function statementsIssued(): number {
  return issued;
}
