// An operator's view of a running hub over real HTTP: liveness and readiness, Prometheus metrics,
// the request log line with its request id, and CORS for the origins configured.
import { logger } from "../../src/core/logger";
import { Role } from "../../src/core/actor";
import { EventRelay } from "../../src/modules/events";
import { checkReadiness } from "../../src/operator/readiness";
import { startTestHub, TestHub } from "../support/test-hub";

const OFFICE = "https://office.example";
let hub: TestHub;
let origin: string;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub({ seeded: false, config: { corsOrigins: [OFFICE] } });
  origin = hub.url.replace(/\/graphql$/, "");
  admin = await hub.token(Role.ADMIN);
});
afterAll(() => hub.close());
afterEach(() => jest.restoreAllMocks());

const countriesQuery = (name: string) => ({ query: `query ${name} { countries { totalCount } }` });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${admin}`, ...headers },
    body: JSON.stringify(body),
  });

describe("probes", () => {
  it("GET /healthz answers while the process is up", async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      uptimeSeconds: expect.any(Number),
    });
  });

  it("GET /readyz checks the database, the migrations and the event relay", async () => {
    const response = await fetch(`${origin}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", eventRelay: "ok" },
    });
  });

  it("is not ready while a migration is pending or the relay does not listen", async () => {
    const idleRelay = new EventRelay(hub.db, hub.config.databaseUrl);
    await hub.db.undoLastMigration({ transaction: "each" });
    try {
      expect(await checkReadiness(hub.db, idleRelay)).toEqual({
        status: "not ready",
        checks: {
          database: "ok",
          migrations: "migrations are pending",
          eventRelay: "not listening for event notifications",
        },
      });
    } finally {
      await hub.db.runMigrations({ transaction: "each" });
    }
    expect((await checkReadiness(hub.db, idleRelay)).checks.migrations).toBe("ok");
  });
});

describe("metrics and the request log", () => {
  it("logs one line per request with its operation, status, duration and request id", async () => {
    const info = jest.spyOn(logger, "info");
    const response = await post(countriesQuery("CountOfCountries"), { "x-request-id": "abc-123" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    await new Promise((resolve) => setImmediate(resolve));
    const lines = info.mock.calls.map(([line]) => line as unknown as Record<string, unknown>);
    expect(lines).toContainEqual({
      requestId: "abc-123",
      method: "POST",
      route: "/graphql",
      operation: "CountOfCountries",
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it("gives a request without a usable id one of its own", async () => {
    const response = await post(countriesQuery("Again"), { "x-request-id": "no spaces, please" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves Prometheus metrics of requests, subscriptions, events and the pool", async () => {
    await post(countriesQuery("CountedOnce"));
    const response = await fetch(`${origin}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /hub_http_requests_total\{route="\/graphql",operation="CountedOnce",status="200"\} 1\n/,
    );
    expect(text).toMatch(/hub_http_request_duration_seconds_count\{route="\/graphql"\} \d+/);
    expect(text).toMatch(/hub_subscriptions_open 0\n/);
    expect(text).toMatch(/hub_events_relayed_total \d+\n/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    if (hub.config.databaseUrl) {
      expect(text).toMatch(/hub_db_pool_connections\{state="total"\} [1-9]\d*\n/);
    }
  });
});

describe("CORS", () => {
  it("answers a preflight from a configured origin", async () => {
    const response = await fetch(hub.url, {
      method: "OPTIONS",
      headers: {
        origin: OFFICE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(OFFICE);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
  });

  it("names no other origin", async () => {
    const response = await post(countriesQuery("Elsewhere"), { origin: "https://other.example" });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
