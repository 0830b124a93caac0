// A progress bar per pass on a terminal (one line per finished pass otherwise), for the import
// and the synthetic generator.
import { WriteStream } from "node:tty";

const BAR = 30;
/** A count as the bar and the reports write it: rounded, with thousands separators. */
export const number = (value: number) => Math.round(value).toLocaleString("en-US");

export class ProgressBar {
  private pass = "";
  private started = 0;
  private drawn = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update({ pass, done, total }: { pass: string; done: number; total: number }): void {
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
