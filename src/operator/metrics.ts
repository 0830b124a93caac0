// /metrics in Prometheus's text format (prom-client): requests and their durations, event
// subscriptions open, events relayed, the PostgreSQL pool's connections, and the process's own
// figures. Each hub has its own registry; the process figures are registered once per process.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { DataSource } from "typeorm";
import { EventRelay } from "../modules/events";

/** Operation names are chosen by clients: past this many, the rest share one label value. */
const MAX_OPERATION_NAMES = 100;

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** node-postgres's pool keeps these counts; the embedded database has no pool. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function poolOf(db: DataSource): PoolCounts | undefined {
  const pool = (db.driver as { master?: Partial<PoolCounts> }).master;
  return typeof pool?.totalCount === "number" ? (pool as PoolCounts) : undefined;
}

export class HubMetrics {
  readonly registry: Registry;
  private readonly own = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: "hub_http_requests_total",
    help: "HTTP requests answered, by route, GraphQL operation name and status",
    labelNames: ["route", "operation", "status"] as const,
    registers: [this.own],
  });
  private readonly durations = new Histogram({
    name: "hub_http_request_duration_seconds",
    help: "Time from a request's arrival to its answer's last byte",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.own],
  });

  constructor(db: DataSource, relay: EventRelay, openSubscriptions: () => number) {
    new Gauge({
      name: "hub_subscriptions_open",
      help: "Event subscriptions open over WebSocket",
      registers: [this.own],
      collect() {
        this.set(openSubscriptions());
      },
    });
    let counted = 0;
    new Counter({
      name: "hub_events_relayed_total",
      help: "Events read from the outbox and handed to this hub's subscribers",
      registers: [this.own],
      collect() {
        this.inc(relay.relayed - counted);
        counted = relay.relayed;
      },
    });
    new Gauge({
      name: "hub_db_pool_connections",
      help: "PostgreSQL pool connections: total, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers: [this.own],
      collect() {
        const pool = poolOf(db);
        if (!pool) return;
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
    this.registry = Registry.merge([processMetrics(), this.own]);
  }

  observe(route: string, operation: string | undefined, status: number, seconds: number): void {
    this.requests.inc({ route, operation: this.operationLabel(operation), status: String(status) });
    this.durations.observe({ route }, seconds);
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return "";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return "other";
    this.operations.add(name);
    return name;
  }
}
