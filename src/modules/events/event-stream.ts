// One subscriber's queue of events: replayed history first, then the live stream, each cursor at
// most once and in order. It is bounded, so a subscriber that stops reading cannot hold events
// (or the other subscribers) back: past the bound it is told to resume later with `since`.
import { HubEventRow } from "./hub-event";

export class EventStream implements AsyncIterableIterator<HubEventRow> {
  private readonly ready: HubEventRow[] = [];
  private held: HubEventRow[] | null = [];
  private last: bigint;
  private waiting?: (result: IteratorResult<HubEventRow>) => void;
  private done = false;

  constructor(
    since: bigint,
    private readonly limit: number,
    private readonly overflow: (lastDelivered: string) => void,
    private readonly detach: () => void,
  ) {
    this.last = since;
  }

  /** A live event; held back until the replay has been queued. */
  push(event: HubEventRow): void {
    if (this.held) this.held.push(event);
    else this.enqueue(event);
  }

  /** The history from before the subscription started, then whatever arrived meanwhile. */
  replayed(history: HubEventRow[]): void {
    const held = this.held ?? [];
    this.held = null;
    for (const event of [...history, ...held]) this.enqueue(event);
  }

  private enqueue(event: HubEventRow): void {
    if (this.done || BigInt(event.cursor) <= this.last) return;
    this.last = BigInt(event.cursor);
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
    } else if (this.ready.length >= this.limit) {
      const resumeFrom = this.ready.length ? BigInt(this.ready[0].cursor) - 1n : this.last;
      this.finish();
      this.overflow(resumeFrom.toString());
    } else {
      this.ready.push(event);
    }
  }

  next(): Promise<IteratorResult<HubEventRow>> {
    const event = this.ready.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<HubEventRow>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.ready.length = 0;
    this.detach();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }
}
