// What the generator shows while it runs: a progress bar per pass on a terminal (one line per
// finished pass otherwise), and at the end the rows and rows per second of every table.
import { WriteStream } from "node:tty";
import { LoadReport, PassProgress } from "./load";

const BAR = 30;
const number = (value: number) => Math.round(value).toLocaleString("en-US");

export class ProgressBar {
  private pass = "";
  private started = 0;
  private drawn = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update({ pass, done, total }: PassProgress): void {
    const now = performance.now();
    if (pass !== this.pass) {
      this.pass = pass;
      this.started = now;
    }
    const finished = done === total;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const line = `${pass.padEnd(18)} ${number(done).padStart(9)}/${number(total)} ${number(rate).padStart(9)} units/s`;
    if (!(this.stream as WriteStream).isTTY) {
      if (finished) this.stream.write(`${line} in ${seconds.toFixed(1)} s\n`);
      return;
    }
    if (!finished && now - this.drawn < 100) return;
    this.drawn = now;
    const filled = Math.round((done / total) * BAR);
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR - filled)}] ${String(Math.floor((done / total) * 100)).padStart(3)}%`;
    this.stream.write(`\r${bar} ${line}\u001b[K${finished ? "\n" : ""}`);
  }
}

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
