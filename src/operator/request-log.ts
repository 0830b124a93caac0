// One JSON log line per HTTP request (pino): method, route, GraphQL operation name, status,
// duration and a request id, which is the caller's X-Request-Id when it sends a usable one and is
// sent back in the answer's X-Request-Id, so that a client's report can be found in the log.
import { randomUUID } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "../core/logger";
import { HubMetrics } from "./metrics";

const USABLE_ID = /^[\w.:-]{1,128}$/;
const NAMED_OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
const OPERATOR_ROUTES = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * A request as Express hands it on, or as node's server does when the hub reads the body itself
 * (POST /graphql): the parsed body, and the address's parameters when Express read them.
 */
export type LoggedRequest = IncomingMessage & { body?: unknown; query?: unknown };

/** A response, with Express's `locals` where the request id is left for the transports. */
export type LoggedResponse = ServerResponse & { locals?: Record<string, unknown> };

/** node's and Express's way on to the next handler. */
export type Intake = (req: LoggedRequest, res: LoggedResponse, next: () => void) => void;

interface GraphQLParams {
  operationName?: unknown;
  query?: unknown;
}

function operationName(params: GraphQLParams | undefined): string | undefined {
  if (!params) return undefined;
  if (typeof params.operationName === "string" && params.operationName) {
    return params.operationName;
  }
  return typeof params.query === "string" ? params.query.match(NAMED_OPERATION)?.[1] : undefined;
}

/** The operation's name, or the names of a batch's operations joined by commas. */
function operationOf(req: LoggedRequest): string | undefined {
  const body: unknown = req.body;
  if (Array.isArray(body)) {
    const names = body.map((params) => operationName(params) ?? "anonymous");
    return names.join(",");
  }
  return operationName((body as GraphQLParams) ?? (req.query as GraphQLParams));
}

function routeOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0];
  if (path === "/graphql" || OPERATOR_ROUTES.has(path)) return path;
  return "static";
}

export function requestLog(metrics: HubMetrics): Intake {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: routers mounted further on rewrite req.url while they handle it.
    const route = routeOf(req.url);
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && USABLE_ID.test(header) ? header : randomUUID();
    res.locals ??= {};
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const operation = route === "/graphql" ? operationOf(req) : undefined;
      metrics.observe(route, operation, res.statusCode, seconds);
      const line = {
        requestId,
        method: req.method,
        route,
        operation,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
      };
      // The API's requests are the log; static files and probes only when asked for.
      if (route === "/graphql") logger.info(line, "request");
      else logger.debug(line, "request");
    });
    next();
  };
}
