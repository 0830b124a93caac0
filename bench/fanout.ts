// `npm run bench:fanout -- [--subscribers 1000] [--events 200] [--rate 20] [--timeout 30] [--interval 0]`:
// N WebSocket subscribers (at most 10,000), in a process of their own, alternating between two hub
// instances in this process,
// on a fresh database on DATABASE_URL's PostgreSQL server, dropped at the end; M delegations
// written through instance A's HTTP API at R per second. Prints what arrived, what arrived twice
// or out of order, how late, and the memory per connection; exits with 1 unless every event
// reached every subscriber once and in order within `--timeout` seconds of the last write.
// Alongside deliveries it reports the fan-out's executions per event: one per group of
// subscribers sharing an operation, its variables and their visibility, on each instance.
import "reflect-metadata";
import { ChildProcess, execSync, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import pg from "pg";
import { DataSource } from "typeorm";
import { DEFAULT_LIMITS, HubConfig } from "../src/config";
import { openDatabase } from "../src/data-source";
import { Role } from "../src/core/actor";
import { issueToken } from "../src/graphql/access/tokens";
import { factId, seed } from "../src/seed/seed";
import { fanoutCounts } from "../src/modules/events/event-fanout";
import { RunningHub, startHub } from "../src/server";
import { ClientsSetup, Counter, FromClients, ToClients } from "./fanout-clients";
import { Spread } from "./fanout-times";

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
      interval: { type: "string", default: "0" },
    },
  });
  const positive = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`--${name} must be a positive integer, got "${values[name]}"`);
    }
    return value;
  };
  const whole = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`--${name} must be a whole number, got "${values[name]}"`);
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
    interval: whole("interval"),
  };
}

/** Each process holds one end of every socket: a descriptor per subscriber. */
function subscribersTheFdLimitAllows(wanted: number): number {
  const limit = execSync("ulimit -n", { shell: "/bin/sh" }).toString().trim();
  if (limit === "unlimited") return wanted;
  const allowed = Number(limit) - SPARE_FDS;
  if (allowed >= wanted) return wanted;
  if (allowed < 2) throw new Error(`ulimit -n is ${limit}: too few descriptors for a subscriber`);
  console.warn(
    `ulimit -n is ${limit}: ${wanted} subscribers need about ${wanted + SPARE_FDS} descriptors; running ${allowed}.`,
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

function benchConfig(databaseUrl: string, interval: number): HubConfig {
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
    fanoutIntervalMs: interval,
    corsOrigins: [],
    limits: { ...DEFAULT_LIMITS },
  };
}

/** Hub URLs on the loopback address, whatever name the hub reports for itself. */
const loopback = (hub: RunningHub, scheme: "http" | "ws") =>
  `${scheme}://127.0.0.1:${hub.port}/graphql`;

function ask<T extends FromClients["type"]>(
  clients: ChildProcess,
  message: ToClients,
  reply: T,
): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve) => {
    const listen = (answer: FromClients) => {
      if (answer.type !== reply) return;
      clients.off("message", listen);
      resolve(answer as Extract<FromClients, { type: T }>);
    };
    clients.on("message", listen);
    clients.send(message);
  });
}

async function until(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** The RSS and JS heap of the hubs' process and of the subscribers' one, after GC. */
async function memory(clients: ChildProcess) {
  gc?.();
  await sleep(200);
  gc?.();
  const subscribers = await ask(clients, { type: "heap" }, "heap");
  const hubs = { rss: process.memoryUsage().rss, used: getHeapStatistics().used_heap_size };
  return { hubs, subscribers };
}

/**
 * CPU time used so far by this process, the hubs' one, in ms: unlike wall time it does not grow
 * when other processes take the CPU.
 */
function hubsCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** p50 / p95 / p99 / max. */
const spread = ({ p50, p95, p99, max }: Spread) =>
  `${ms(p50)} / ${ms(p95)} / ${ms(p99)} / ${ms(max)}`;

async function main(): Promise<void> {
  const started = now();
  const loadAtStart = loadavg()[0];
  const wanted = options();
  const subscribers = subscribersTheFdLimitAllows(wanted.subscribers);
  const { events, rate, timeoutMs } = wanted;
  const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await freshDatabase(serverUrl);
  const config = benchConfig(database.url, wanted.interval);
  const opened: { db: DataSource; hub?: RunningHub }[] = [];
  let clients: ChildProcess | undefined;
  try {
    const dbA = await openDatabase(config);
    opened.push({ db: dbA });
    await seed(dbA);
    opened.push({ db: await openDatabase(config) });
    for (const instance of opened) instance.hub = await startHub(config, instance.db);
    const [hubA, hubB] = opened.map((instance) => instance.hub!);
    const setup: ClientsSetup = {
      subscribeUrls: [loopback(hubA, "ws"), loopback(hubB, "ws")],
      writeUrl: loopback(hubA, "http"),
      token: await issueToken(config.jwtSecret, { role: Role.ADMIN }),
      homeCityId: factId("city-nanchang"),
      subscribers,
      events,
      rate,
    };
    clients = fork(path.join(__dirname, "fanout-clients.js"), { execArgv: ["--expose-gc"] });
    clients.send({ type: "setup", setup });
    const running = clients;
    let counters: number[] = [];
    const counted = async () => {
      counters = (await ask(running, { type: "counters" }, "counters")).counters;
      return counters;
    };
    const counter = (name: keyof typeof Counter) => counters[Counter[name]];

    const before = await memory(clients);
    const connecting = { at: now(), cpu: hubsCpuMs() };
    await ask(clients, { type: "open" }, "opened");
    const connectMs = now() - connecting.at;
    const connectCpu = hubsCpuMs() - connecting.cpu;
    // One event every subscriber must hear before timing starts: it proves each subscription is
    // registered with its instance's relay, which graphql-ws does not acknowledge.
    await ask(clients, { type: "warm-up" }, "warmed-up");
    const warmedUp = await until(
      async () => (await counted())[Counter.warmedUp] >= counter("connected"),
      timeoutMs,
    );
    const after = await memory(clients);

    const fanout = async () => ({
      executions: (await fanoutCounts.executions.get()).values[0]?.value ?? 0,
      deliveries: (await fanoutCounts.deliveries.get()).values[0]?.value ?? 0,
    });
    const fanoutBeforeWrites = await fanout();
    const cpuBeforeWrites = hubsCpuMs();
    await ask(clients, { type: "write" }, "written");
    const expected = subscribers * events;
    await until(async () => (await counted())[Counter.delivered] >= expected, timeoutMs);
    const drainedAt = now();
    const deliveryCpu = hubsCpuMs() - cpuBeforeWrites;
    await sleep(GRACE_MS);

    const { times } = await ask(clients, { type: "times" }, "times");
    await counted();
    const delivered = counter("delivered");
    const fanoutAfterWrites = await fanout();
    const perEvent = (name: "executions" | "deliveries") =>
      ((fanoutAfterWrites[name] - fanoutBeforeWrites[name]) / events).toFixed(1);
    const perSecond = (span: number) => (((events - 1) * 1000) / span).toFixed(1);
    const perConnection = (bytes: number) => kib(bytes / subscribers);
    const rows: [string, string][] = [
      ["subscribers", `${subscribers} (${Math.ceil(subscribers / 2)} on A, the rest on B)`],
      ["fan-out interval (HUB_FANOUT_INTERVAL_MS)", `${wanted.interval} ms`],
      ["connected / failed to connect", `${counter("connected")} / ${counter("failedToConnect")}`],
      ["every subscription live (warm-up event heard by all)", warmedUp ? "yes" : "NO"],
      ["events written through A / failed", `${events} / ${counter("writesFailed")}`],
      [
        "writes per second: asked / sent / answered",
        `${rate} / ${perSecond(times.lastSent - times.firstSent)} / ${perSecond(times.lastAnswered - times.firstSent)}`,
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
      ["write round trip (HTTP)", spread(times.roundTrip)],
      ["memory per connection: hubs' process RSS", perConnection(after.hubs.rss - before.hubs.rss)],
      ["memory per connection: hubs' JS heap", perConnection(after.hubs.used - before.hubs.used)],
      [
        "memory per connection: subscribers' process RSS / JS heap",
        `${perConnection(after.subscribers.rss - before.subscribers.rss)} / ${perConnection(after.subscribers.used - before.subscribers.used)}`,
      ],
      ["garbage collected before measuring", gc ? "yes" : "no (run node with --expose-gc)"],
      [
        "hubs' process CPU per connection opened / per delivery, writes included",
        `${ms(connectCpu / subscribers)} / ${((deliveryCpu * 1000) / delivered).toFixed(1)} µs`,
      ],
      ["time to open and subscribe all", ms(connectMs)],
      [
        "time from first send to last answer / to last delivery",
        `${ms(times.lastAnswered - times.firstSent)} / ${ms(drainedAt - times.firstSent)}`,
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
    await ask(clients, { type: "close" }, "closed");
  } finally {
    clients?.kill();
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
