// What an operator runs the hub with, beside the API: CORS for other sites' pages, a log line and
// metrics for every request, /healthz, /readyz and /metrics, and GraphiQL on GET /graphql.
import express, { Router } from "express";
import { DataSource } from "typeorm";
import { HubConfig } from "../config";
import { EventRelay } from "../modules/events";
import { corsFor } from "./cors";
import { serveGraphiQL } from "./graphiql";
import { HubMetrics } from "./metrics";
import { checkReadiness } from "./readiness";
import { Intake, requestLog } from "./request-log";

/** What every request goes through first (the log line and metrics, CORS), and the routes. */
export interface Operator {
  intake: Intake;
  routes: Router;
}

/** `openSubscriptions` counts the operations open on the hub's WebSockets now, for /metrics. */
export function operatorRoutes(
  config: HubConfig,
  db: DataSource,
  relay: EventRelay,
  openSubscriptions: () => number,
): Operator {
  const metrics = new HubMetrics(db, relay, openSubscriptions);
  const log = requestLog(metrics);
  const cors = corsFor(config);
  const intake: Intake = (req, res, next) => log(req, res, () => cors(req, res, next));
  const router = express.Router();
  router.use(intake);
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness(db, relay);
    res.status(readiness.status === "ready" ? 200 : 503).json(readiness);
  });
  router.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  router.get("/graphql", serveGraphiQL());
  return { intake, routes: router };
}
