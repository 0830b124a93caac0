// The benchmark's outside world, in its own process: the subscribers, speaking graphql-transport-ws
// over raw `ws` sockets (a graphql-ws client per socket would cost more than what is measured),
// and the writer. The hubs' process then does only the hubs' work: its heap growth is the server's
// cost per connection, a busy hub cannot delay the clock that times it, and each process needs
// descriptors for one end of each socket only.
import { getHeapStatistics } from "node:v8";
import WebSocket from "ws";
import { deliveryTimes, DeliveryTimes } from "./fanout-times";

export interface ClientsSetup {
  /** Subscriber i connects to `subscribeUrls[i % length]`. */
  subscribeUrls: string[];
  writeUrl: string;
  token: string;
  homeCityId: string;
  subscribers: number;
  events: number;
  rate: number;
}

/** Indexes into the Int32Array of counters. */
export const Counter = {
  connected: 0,
  failedToConnect: 1,
  warmedUp: 2,
  delivered: 3,
  duplicates: 4,
  outOfOrder: 5,
  errors: 6,
  closedEarly: 7,
  writesFailed: 8,
} as const;
export const COUNTERS = 9;

export type ToClients =
  | { type: "setup"; setup: ClientsSetup }
  | { type: "open" }
  | { type: "warm-up" }
  | { type: "write" }
  | { type: "heap" }
  | { type: "counters" }
  | { type: "times" }
  | { type: "close" };
export type FromClients =
  | { type: "opened" }
  | { type: "warmed-up" }
  | { type: "written" }
  | { type: "heap"; used: number; rss: number }
  | { type: "counters"; counters: number[] }
  | { type: "times"; times: DeliveryTimes }
  | { type: "closed" };

interface NextPayload {
  data?: { delegationRecorded?: { name?: string } };
  errors?: unknown[];
  extensions?: { cursor?: string };
}

const QUERY = `subscription { delegationRecorded { name } }`;
const RECORD = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`;
const NAME_PREFIX = "fanout ";
const WARMUP = `${NAME_PREFIX}warm-up`;
/**
 * The one message the hub should send, matched whole: parsing 200,000 messages a second with
 * JSON.parse would make this process, not the hubs, the bottleneck. Anything else is parsed.
 */
const EXPECTED_NEXT =
  /^\{"id":"1","type":"next","payload":\{"data":\{"delegationRecorded":\{"name":"(fanout (?:\d+|warm-up))"\}\},"extensions":\{"cursor":"(\d+)"\}\}\}$/;

/** Sockets opening at once: more would overflow the listen backlog and cost retries. */
const OPENING_AT_ONCE = 100;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(setup: ClientsSetup): void {
  /** Per subscriber × event: when it arrived, in ms since the epoch; NaN until it does. */
  const received = new Float64Array(setup.subscribers * setup.events).fill(NaN);
  /** Per event: when its write was sent, and when the hub answered (after the commit). */
  const sentAt = new Float64Array(setup.events).fill(NaN);
  const ackedAt = new Float64Array(setup.events).fill(NaN);
  const counters = new Int32Array(COUNTERS);
  const count = (counter: number) => counters[counter]++;
  const sockets: WebSocket[] = [];
  let closing = false;

  const onEvent = (subscriber: number, payload: NextPayload) => {
    const name = payload.data?.delegationRecorded?.name;
    if (payload.errors || !name?.startsWith(NAME_PREFIX)) return void count(Counter.errors);
    if (name === WARMUP) return void count(Counter.warmedUp);
    const slot = subscriber * setup.events + Number(name.slice(NAME_PREFIX.length));
    if (!Number.isNaN(received[slot])) return void count(Counter.duplicates);
    received[slot] = now();
    count(Counter.delivered);
  };

  /** Resolves once the hub has acknowledged the connection and the subscribe has been sent. */
  const open = (subscriber: number) =>
    new Promise<void>((settle) => {
      const url = setup.subscribeUrls[subscriber % setup.subscribeUrls.length];
      const socket = new WebSocket(url, "graphql-transport-ws");
      sockets[subscriber] = socket;
      let lastCursor = 0;
      let acknowledged = false;
      const send = (message: object) => socket.send(JSON.stringify(message));
      socket.on("open", () =>
        send({ type: "connection_init", payload: { authorization: `Bearer ${setup.token}` } }),
      );
      socket.on("message", (raw) => {
        const text = raw.toString();
        const expected = EXPECTED_NEXT.exec(text);
        if (expected) {
          const cursor = Number(expected[2]);
          if (!(cursor > lastCursor)) count(Counter.outOfOrder);
          lastCursor = cursor;
          return onEvent(subscriber, { data: { delegationRecorded: { name: expected[1] } } });
        }
        const message = JSON.parse(text);
        if (message.type === "next") {
          const cursor = Number(message.payload.extensions?.cursor);
          if (!(cursor > lastCursor)) count(Counter.outOfOrder);
          lastCursor = Math.max(lastCursor, cursor);
          onEvent(subscriber, message.payload);
        } else if (message.type === "connection_ack") {
          acknowledged = true;
          send({ id: "1", type: "subscribe", payload: { query: QUERY } });
          count(Counter.connected);
          settle();
        } else if (message.type === "ping") {
          send({ type: "pong" });
        } else if (message.type !== "pong") {
          count(Counter.errors);
        }
      });
      socket.on("error", () => undefined);
      socket.on("close", () => {
        if (!acknowledged) {
          count(Counter.failedToConnect);
          settle();
        } else if (!closing) count(Counter.closedEarly);
      });
    });

  const openAll = async () => {
    let next = 0;
    const opener = async () => {
      while (next < setup.subscribers) await open(next++);
    };
    await Promise.all(Array.from({ length: OPENING_AT_ONCE }, opener));
  };

  const record = async (name: string): Promise<boolean> => {
    const response = await fetch(setup.writeUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${setup.token}` },
      body: JSON.stringify({
        query: RECORD,
        variables: {
          input: {
            direction: "INBOUND",
            name,
            size: 3,
            startDate: "2012-06-01",
            homeCityId: setup.homeCityId,
            counterpartCountryCode: "FI",
          },
        },
      }),
    });
    const body = (await response.json()) as { data?: { createDelegation?: { id: string } } };
    return Boolean(body.data?.createDelegation?.id);
  };

  /** Sends on a fixed schedule, not waiting for answers: a slow hub cannot slow the offered rate. */
  const writeAll = async () => {
    const start = now();
    const writes: Promise<void>[] = [];
    for (let seq = 0; seq < setup.events; seq++) {
      await sleep(start + (seq * 1000) / setup.rate - now());
      sentAt[seq] = now();
      const failed = () => void count(Counter.writesFailed);
      const answered = (ok: boolean) => {
        ackedAt[seq] = now();
        if (!ok) failed();
      };
      writes.push(record(`${NAME_PREFIX}${seq}`).then(answered, failed));
    }
    await Promise.all(writes);
  };

  const closeAll = () => {
    closing = true;
    const live = sockets.filter((socket) => socket.readyState !== WebSocket.CLOSED);
    let left = live.length;
    if (!left) reply({ type: "closed" });
    for (const socket of live) {
      socket.once("close", () => --left || reply({ type: "closed" }));
      socket.close(1000);
    }
  };

  process.on("message", (message: ToClients) => {
    if (message.type === "open") void openAll().then(() => reply({ type: "opened" }));
    else if (message.type === "warm-up") {
      void record(WARMUP)
        .catch(() => false)
        .then((ok) => {
          if (!ok) count(Counter.writesFailed);
          reply({ type: "warmed-up" });
        });
    } else if (message.type === "write") void writeAll().then(() => reply({ type: "written" }));
    else if (message.type === "heap") {
      (globalThis as { gc?: () => void }).gc?.();
      reply({
        type: "heap",
        used: getHeapStatistics().used_heap_size,
        rss: process.memoryUsage().rss,
      });
    } else if (message.type === "counters") reply({ type: "counters", counters: [...counters] });
    else if (message.type === "times") {
      const { subscribers, events } = setup;
      reply({
        type: "times",
        times: deliveryTimes(received, sentAt, ackedAt, subscribers, events),
      });
    } else if (message.type === "close") closeAll();
  });
}

const reply = (message: FromClients) => process.send!(message);

process.once("message", (message: ToClients) => {
  if (message.type === "setup") run(message.setup);
});
