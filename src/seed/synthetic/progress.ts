// What the generator reports at the end: the rows and rows per second of every table (its progress
// bar is src/core/progress-bar.ts).
import { number } from "../../core/progress-bar";
import { LoadReport } from "./load";

/** The rows written per table, with the database's insert rate for each and overall. */
export function loadSummary(report: LoadReport): string {
  const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
  const lines = report.tables.map(
    (t) =>
      `${t.table.padEnd(22)} ${number(t.rows).padStart(11)} ${t.seconds.toFixed(1).padStart(9)} ${number(t.rows / t.seconds).padStart(10)}`,
  );
  return [
    `${"table".padEnd(22)} ${"rows".padStart(11)} ${"seconds".padStart(9)} ${"rows/s".padStart(10)}`,
    ...lines,
    `${"all (wall time)".padEnd(22)} ${number(rows).padStart(11)} ${report.seconds.toFixed(1).padStart(9)} ${number(rows / report.seconds).padStart(10)}`,
    `Per table: the database's time on its inserts. Rebuilding foreign keys and indexes took ` +
      `${report.rebuildSeconds.toFixed(1)} s and VACUUM (ANALYZE) ${report.vacuumSeconds.toFixed(1)} s; ` +
      `the wall time includes generating the rows and the rebuild.`,
  ].join("\n");
}
