// One subscription's delivery over its WebSocket. It starts by replaying the history after its
// `since` cursor, page by page, then joins its group of the fan-out for the live stream; when its
// socket falls `subscriberBuffer` messages behind it leaves the group and replays again from the
// last event it sent, at the pace its socket takes them, until it has caught up. Either way each
// event is sent once, in cursor order: `covered` is the cursor up to which nothing is left to send.
import type { Socket } from "node:net";
import type WebSocket from "ws";
import { HubContext, readerContext } from "../../records/context";
import { EventSelection } from "./event-filters";
import type { EventFanout } from "./event-fanout";
import { selectedEvents } from "./event-history";
import { eventPayloads, FramedBatch, nextMessage, Operation } from "./event-messages";

const PAGE = 500;

/** Where a subscription's events go: its graphql-ws operation on its socket. */
export interface EventChannel {
  operationId: string;
  socket: WebSocket;
  /** The TCP connection under `socket`: corked, a batch's messages leave in one write. */
  connection: Pick<Socket, "cork" | "uncork">;
}

/**
 * graphql-ws iterates it as the operation's source stream: it yields nothing itself (it sends its
 * messages, serialised once for its whole group, on the socket) and ends when the operation does.
 */
export class EventSubscriber implements AsyncIterableIterator<never> {
  private covered: bigint;
  private outstanding = 0;
  private done = false;
  private fanout?: EventFanout;
  /** What it runs for each event, and the group it shares the runs with; set by `start`. */
  operation?: Operation;
  groupKey?: string;
  private readonly message: (payload: string) => string;
  private room?: () => void;
  private ended?: { resolve(result: IteratorResult<never>): void; reject(error: unknown): void };

  constructor(
    readonly context: HubContext,
    private readonly channel: EventChannel,
    readonly selection: EventSelection,
    since: bigint | null,
  ) {
    this.covered = since ?? context.events!.lastDelivered;
    this.message = nextMessage(channel.operationId);
  }

  /** Starts delivery of `operation`'s answers, replay first. */
  start(fanout: EventFanout, operation: Operation, groupKey: string): void {
    this.fanout = fanout;
    this.operation = operation;
    this.groupKey = groupKey;
    void this.replay();
  }

  /** A batch of live events from the subscriber's group; gives how many it sent. */
  offer(batch: FramedBatch): number {
    const { cursors } = batch;
    let from = 0;
    while (from < cursors.length && cursors[from] <= this.covered) from++;
    if (this.done || from === cursors.length) return 0;
    if (this.outstanding >= this.context.config.subscriberBuffer) {
      this.replayAgain();
      return 0;
    }
    this.covered = cursors[cursors.length - 1];
    const messages = batch.messages(this.channel.operationId);
    this.send(from === 0 ? messages : messages.slice(from));
    return messages.length - from;
  }

  /** Leaves the live stream for paged replay from the last event sent. */
  replayAgain(): void {
    this.fanout!.leave(this);
    void this.replay();
  }

  private send(messages: (string | Buffer)[]): void {
    const { socket, connection } = this.channel;
    this.outstanding += messages.length;
    const sent = (error?: Error) => {
      this.outstanding -= messages.length;
      if (error) this.finish();
      else if (this.room && this.outstanding <= this.context.config.subscriberBuffer / 2) {
        this.room();
        this.room = undefined;
      }
    };
    connection.cork();
    // Text frames, as graphql-ws requires, whether a message is a string or encoded already.
    messages.forEach((message, i) =>
      socket.send(message, { binary: false }, i === messages.length - 1 ? sent : undefined),
    );
    connection.uncork();
  }

  private async replay(): Promise<void> {
    const relay = this.context.events!;
    try {
      while (!this.done) {
        await this.roomToSend();
        // Caught up: from here on every later event reaches the group after this member joined.
        if (this.covered >= relay.lastDelivered) return this.fanout!.join(this);
        await this.fanout!.replays.run(() => this.sendPage(relay.lastDelivered));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private async sendPage(upTo: bigint): Promise<void> {
    const rows = await selectedEvents(this.context.db, this.selection, this.covered, upTo, PAGE);
    const matching = rows.filter(this.selection.matches);
    const payloads = await eventPayloads(this.operation!, readerContext(this.context), matching);
    if (this.done) return;
    this.fanout!.counts.executions.inc(matching.length);
    this.fanout!.counts.deliveries.inc(matching.length);
    if (payloads.length) this.send(payloads.map(this.message));
    this.covered = rows.length < PAGE ? upTo : BigInt(rows[rows.length - 1].cursor);
  }

  private roomToSend(): Promise<void> {
    if (this.outstanding <= this.context.config.subscriberBuffer / 2) return Promise.resolve();
    return new Promise((resolve) => (this.room = resolve));
  }

  next(): Promise<IteratorResult<never>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.ended = { resolve, reject }));
  }

  return(): Promise<IteratorResult<never>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.fanout?.leave(this);
    this.room?.();
    this.ended?.resolve({ value: undefined, done: true });
  }

  /** Ends the operation with an error, which graphql-ws reports to the client. */
  private fail(error: unknown): void {
    const ended = this.ended;
    this.ended = undefined;
    this.finish();
    ended?.reject(error);
  }
}
