// `npm run bench:fanout -- [--subscribers 1000] [--events 200] [--rate 20] [--timeout 30]`:
// N WebSocket subscribers (at most 10,000) alternating between two hub instances in this process,
// on a fresh database on DATABASE_URL's PostgreSQL server, dropped at the end; M delegations
// written through instance A's HTTP API at R per second. Prints what arrived, what arrived twice
// or out of order, how late, and the memory per connection; exits with 1 unless every event
// reached every subscriber once and in order within `--timeout` seconds of the last write.
// Alongside deliveries it reports the fan-out's executions per event: one per group of
// subscribers sharing an operation, its variables and their visibility, on each instance.
import "reflect-metadata";
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { DataSource } from "typeorm";
import { DEFAULT_LIMITS, HubConfig } from "../src/config";
import { openDatabase } from "../src/data-source";
import { Role } from "../src/core/actor";
import { issueToken } from "../src/graphql/access/tokens";
import { factId, seed } from "../src/seed/seed";
import { fanoutCounts } from "../src/modules/events/event-fanout";
import { RunningHub, startHub } from "../src/server";
import { ClientsSetup, Counter, COUNTERS, FromClients, ToClients } from "./fanout-clients";

const MAX_SUBSCRIBERS = 10_000;
/** Descriptors besides the sockets: database pools, listeners, the runtime's own. */
const SPARE_FDS = 200;
/** After the last expected delivery, how long a duplicate still has to show up. */
const GRACE_MS = 1000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gc = (globalThis as { gc?: () => void }).gc;

function options() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: "string", default: "1000" },
      events: { type: "string", default: "200" },
      rate: { type: "string", default: "20" },
      timeout: { type: "string", default: "30" },
    },
  });
  const positive = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`--${name} must be a positive integer, got "${values[name]}"`);
    }
    return value;
  };
  const subscribers = positive("subscribers");
  if (subscribers > MAX_SUBSCRIBERS) throw new Error(`--subscribers is at most ${MAX_SUBSCRIBERS}`);
  return {
    subscribers,
    events: positive("events"),
    rate: positive("rate"),
    timeoutMs: positive("timeout") * 1000,
  };
}

/** Both ends of every socket live in this process: two descriptors per subscriber. */
function subscribersTheFdLimitAllows(wanted: number): number {
  const limit = execSync("ulimit -n", { shell: "/bin/sh" }).toString().trim();
  if (limit === "unlimited") return wanted;
  const allowed = Math.floor((Number(limit) - SPARE_FDS) / 2);
  if (allowed >= wanted) return wanted;
  if (allowed < 2) throw new Error(`ulimit -n is ${limit}: too few descriptors for a subscriber`);
  console.warn(
    `ulimit -n is ${limit}: ${wanted} subscribers need about ${wanted * 2 + SPARE_FDS} descriptors; running ${allowed}.`,
  );
  return allowed;
}

async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hub_bench_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function benchConfig(databaseUrl: string): HubConfig {
  return {
    port: 0,
    databaseUrl,
    dataDir: "memory://",
    maxPageSize: 500,
    defaultPageSize: 50,
    development: false,
    production: false,
    introspection: false,
    jwtSecret: randomBytes(32).toString("hex"),
    allowAnonymousRead: false,
    subscriberBuffer: 1000,
    corsOrigins: [],
    limits: { ...DEFAULT_LIMITS },
  };
}

/** Hub URLs on the loopback address, whatever name the hub reports for itself. */
const loopback = (hub: RunningHub, scheme: "http" | "ws") =>
  `${scheme}://127.0.0.1:${hub.port}/graphql`;

function ask<T extends FromClients["type"]>(
  worker: Worker,
  message: ToClients,
  reply: T,
): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve) => {
    const listen = (answer: FromClients) => {
      if (answer.type !== reply) return;
      worker.off("message", listen);
      resolve(answer as Extract<FromClients, { type: T }>);
    };
    worker.on("message", listen);
    worker.postMessage(message);
  });
}

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/** Process RSS, and the JS heap of the hubs' thread and of the subscribers' thread, after GC. */
async function memory(worker: Worker) {
  gc?.();
  await sleep(200);
  gc?.();
  const clients = await ask(worker, { type: "heap" }, "heap");
  return { rss: process.memoryUsage().rss, server: getHeapStatistics().used_heap_size, clients };
}

/**
 * CPU time used so far by this thread, the hubs' one, in ms: unlike wall time it does not grow
 * when other processes take the CPU. Linux's per-thread accounting; NaN where there is none.
 */
function hubThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const ticksPerSecond = Number(execSync("getconf CLK_TCK").toString());
    // Fields after the command name start with the 3rd; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

function percentiles(values: Float64Array) {
  const sorted = values.slice().sort();
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** p50 / p95 / p99 / max. */
const spread = (values: Float64Array) => {
  const { p50, p95, p99, max } = percentiles(values);
  return `${ms(p50)} / ${ms(p95)} / ${ms(p99)} / ${ms(max)}`;
};

/**
 * Each delivery's delay after its write was sent and after it was answered, and per event the
 * spread from its first subscriber to its last.
 */
function deliveryTimes(
  received: Float64Array,
  sentAt: Float64Array,
  ackedAt: Float64Array,
  subscribers: number,
  events: number,
) {
  const fromSend: number[] = [];
  const fromAnswer: number[] = [];
  const onInstance: number[][] = [[], []];
  const fanOut: number[] = [];
  for (let seq = 0; seq < events; seq++) {
    let first = Infinity;
    let last = -Infinity;
    for (let subscriber = 0; subscriber < subscribers; subscriber++) {
      const at = received[subscriber * events + seq];
      if (Number.isNaN(at)) continue;
      fromSend.push(at - sentAt[seq]);
      fromAnswer.push(at - ackedAt[seq]);
      onInstance[subscriber % 2].push(at - sentAt[seq]);
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    if (last >= first) fanOut.push(last - first);
  }
  return {
    fromSend: Float64Array.from(fromSend),
    fromAnswer: Float64Array.from(fromAnswer),
    onInstance: onInstance.map((values) => Float64Array.from(values)),
    fanOut: Float64Array.from(fanOut),
  };
}

async function main(): Promise<void> {
  const started = now();
  const loadAtStart = loadavg()[0];
  const wanted = options();
  const subscribers = subscribersTheFdLimitAllows(wanted.subscribers);
  const { events, rate, timeoutMs } = wanted;
  const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await freshDatabase(serverUrl);
  const config = benchConfig(database.url);
  const opened: { db: DataSource; hub?: RunningHub }[] = [];
  let worker: Worker | undefined;
  try {
    const dbA = await openDatabase(config);
    opened.push({ db: dbA });
    await seed(dbA);
    opened.push({ db: await openDatabase(config) });
    for (const instance of opened) instance.hub = await startHub(config, instance.db);
    const [hubA, hubB] = opened.map((instance) => instance.hub!);
    const shared = (length: number) => new SharedArrayBuffer(length * 8);
    const setup: ClientsSetup = {
      subscribeUrls: [loopback(hubA, "ws"), loopback(hubB, "ws")],
      writeUrl: loopback(hubA, "http"),
      token: await issueToken(config.jwtSecret, { role: Role.ADMIN }),
      homeCityId: factId("city-nanchang"),
      subscribers,
      events,
      rate,
      received: shared(subscribers * events),
      sentAt: shared(events),
      ackedAt: shared(events),
      counters: new SharedArrayBuffer(COUNTERS * 4),
    };
    const received = new Float64Array(setup.received).fill(NaN);
    const sentAt = new Float64Array(setup.sentAt).fill(NaN);
    const ackedAt = new Float64Array(setup.ackedAt).fill(NaN);
    const counters = new Int32Array(setup.counters);
    const counter = (name: keyof typeof Counter) => Atomics.load(counters, Counter[name]);
    worker = new Worker(path.join(__dirname, "fanout-clients.js"), { workerData: setup });
    await new Promise((resolve) => worker!.once("online", resolve));

    const before = await memory(worker);
    const connecting = { at: now(), cpu: hubThreadCpuMs() };
    await ask(worker, { type: "open" }, "opened");
    const connectMs = now() - connecting.at;
    const connectCpu = hubThreadCpuMs() - connecting.cpu;
    // One event every subscriber must hear before timing starts: it proves each subscription is
    // registered with its instance's relay, which graphql-ws does not acknowledge.
    await ask(worker, { type: "warm-up" }, "warmed-up");
    const warmedUp = await until(() => counter("warmedUp") >= counter("connected"), timeoutMs);
    const after = await memory(worker);

    const counted = async () => ({
      executions: (await fanoutCounts.executions.get()).values[0]?.value ?? 0,
      deliveries: (await fanoutCounts.deliveries.get()).values[0]?.value ?? 0,
    });
    const countedBeforeWrites = await counted();
    const cpuBeforeWrites = hubThreadCpuMs();
    await ask(worker, { type: "write" }, "written");
    const expected = subscribers * events;
    await until(() => counter("delivered") >= expected, timeoutMs);
    const drainedAt = now();
    const deliveryCpu = hubThreadCpuMs() - cpuBeforeWrites;
    await sleep(GRACE_MS);

    const times = deliveryTimes(received, sentAt, ackedAt, subscribers, events);
    const delivered = counter("delivered");
    const countedAfterWrites = await counted();
    const perEvent = (name: "executions" | "deliveries") =>
      ((countedAfterWrites[name] - countedBeforeWrites[name]) / events).toFixed(1);
    const lastAnswer = ackedAt.reduce((last, at) => (at > last ? at : last), -Infinity);
    const perSecond = (span: number) => (((events - 1) * 1000) / span).toFixed(1);
    const perConnection = (bytes: number) => kib(bytes / subscribers);
    const rows: [string, string][] = [
      ["subscribers", `${subscribers} (${Math.ceil(subscribers / 2)} on A, the rest on B)`],
      ["connected / failed to connect", `${counter("connected")} / ${counter("failedToConnect")}`],
      ["every subscription live (warm-up event heard by all)", warmedUp ? "yes" : "NO"],
      ["events written through A / failed", `${events} / ${counter("writesFailed")}`],
      [
        "writes per second: asked / sent / answered",
        `${rate} / ${perSecond(sentAt[events - 1] - sentAt[0])} / ${perSecond(lastAnswer - sentAt[0])}`,
      ],
      ["delivered / expected", `${delivered} / ${expected}`],
      ["missing", `${expected - delivered}`],
      [
        "per event: executions (groups run, both instances) / deliveries sent",
        `${perEvent("executions")} / ${perEvent("deliveries")}`,
      ],
      ["duplicates (same event twice on one subscriber)", `${counter("duplicates")}`],
      ["out of order (cursor not above the previous one)", `${counter("outOfOrder")}`],
      ["errors / closed early", `${counter("errors")} / ${counter("closedEarly")}`],
      ["latency from send", spread(times.fromSend)],
      ["latency from the write's answer (after commit)", spread(times.fromAnswer)],
      ["latency from send, subscribers on A", spread(times.onInstance[0])],
      ["latency from send, subscribers on B", spread(times.onInstance[1])],
      ["first to last subscriber of one event", spread(times.fanOut)],
      ["write round trip (HTTP)", spread(Float64Array.from(sentAt, (at, i) => ackedAt[i] - at))],
      ["memory per connection: process RSS", perConnection(after.rss - before.rss)],
      ["memory per connection: hubs' JS heap", perConnection(after.server - before.server)],
      [
        "memory per connection: subscribers' JS heap",
        perConnection(after.clients.used - before.clients.used),
      ],
      ["garbage collected before measuring", gc ? "yes" : "no (run node with --expose-gc)"],
      [
        "hubs' thread CPU per connection opened / per delivery, writes included",
        `${ms(connectCpu / subscribers)} / ${((deliveryCpu * 1000) / delivered).toFixed(0)} µs`,
      ],
      ["time to open and subscribe all", ms(connectMs)],
      [
        "time from first send to last answer / to last delivery",
        `${ms(lastAnswer - sentAt[0])} / ${ms(drainedAt - sentAt[0])}`,
      ],
      ["run time, setup to results", ms(now() - started)],
      [
        "1-minute load average at start / end, on CPUs",
        `${loadAtStart.toFixed(2)} / ${loadavg()[0].toFixed(2)}, on ${availableParallelism()}`,
      ],
    ];
    console.log("| measure | value (latencies: p50 / p95 / p99 / max) |\n| --- | --- |");
    for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
    if (delivered !== expected || counter("duplicates") || counter("outOfOrder")) {
      process.exitCode = 1;
    }
    await ask(worker, { type: "close" }, "closed");
  } finally {
    await worker?.terminate();
    for (const instance of opened.reverse()) {
      await instance.hub?.close();
      await instance.db.destroy();
    }
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
