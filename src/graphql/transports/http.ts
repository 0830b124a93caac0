// GraphQL over HTTP at /graphql: POST with a JSON body (one operation or a batch) and GET with the
// operation in the address (queries only). This file only reads requests and writes responses;
// every operation goes through the one pipeline (../pipeline/operation-pipeline.ts).
import express, { NextFunction, Request, Router } from "express";
import { ExecutionResult, GraphQLError, GraphQLFormattedError, OperationTypeNode } from "graphql";
import { randomUUID } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { HubConfig } from "../../config";
import { DataSource } from "typeorm";
import { Actor } from "../../core/actor";
import { tooComplex } from "../access/query-limits";
import { TokenVerifier } from "../access/tokens";
import { createContext } from "../context";
import { HubError } from "../../core/errors";
import { formatErrors } from "../../core/format-error";
import { OperationPipeline, Refusal } from "../pipeline/operation-pipeline";
import { OperationRequest, readOperationRequest } from "../pipeline/operation-request";
import { BodyRefusal, readJsonBody } from "./json-body";

const POST_KINDS = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION];
const GET_KINDS = [OperationTypeNode.QUERY];
// Browsers send these without asking first, so a page on another site could make a user's browser
// send a request; a request of this kind must carry a header that forces a preflight.
const SIMPLE_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];
const PREFLIGHT_HEADERS = ["apollo-require-preflight", "x-apollo-operation-name"];
const REQUEST_ID = /^[\w.-]{1,64}$/;
/** The body types express.json would read; others (and compressed bodies) go through Express. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** A request as Express hands it on, or as node's server does, with the body once read. */
type BodyRequest = IncomingMessage & { body?: unknown };
/** A response, with Express's `locals`, where the request log leaves the request's id. */
type Response = ServerResponse & { locals?: Record<string, unknown> };

/** What a request holds: one operation, or a batch of them (a JSON array). */
type Incoming = { one: OperationRequest } | { batch: OperationRequest[] };

interface Answer {
  status: number;
  /** The response's JSON text. */
  json: string;
}

function badRequest(message: string, status = 400): Refusal {
  return new Refusal([new HubError("BAD_REQUEST", message, { http: { status } })]);
}

export class HttpTransport {
  constructor(
    private readonly pipeline: OperationPipeline,
    private readonly db: DataSource,
    private readonly config: HubConfig,
    private readonly tokens: TokenVerifier,
  ) {}

  router(): Router {
    const router = Router();
    router.use(express.json({ limit: this.config.limits.bodyBytes }));
    router.post("/", (req, res) => this.serve(req, res, () => this.postRequests(req)));
    router.get("/", (req, res, next) => {
      // A browser asking for a page, not an operation, is served the page (when there is one).
      if (req.query.query === undefined && req.query.extensions === undefined) return next();
      void this.serve(req, res, () => ({ one: this.getRequest(req) }));
    });
    router.use(this.unreadableBody());
    return router;
  }

  /**
   * Whether `req` is a POST of plain JSON to /graphql, which the hub reads without Express
   * (`serveDirectly`): for such a request Express's router and body parser cost more CPU than
   * everything else the hub does. Any other request goes through `router()`.
   */
  takes(req: IncomingMessage): boolean {
    const path = (req.url ?? "").split("?")[0];
    return (
      req.method === "POST" &&
      path === "/graphql" &&
      PLAIN_JSON.test(req.headers["content-type"] ?? "") &&
      req.headers["content-encoding"] === undefined
    );
  }

  /** Answers a request that `takes` took: its body as express.json would read it, then a POST. */
  async serveDirectly(req: BodyRequest, res: Response): Promise<void> {
    try {
      req.body = await readJsonBody(req, this.config.limits.bodyBytes);
    } catch (error) {
      const requestId = requestIdOf(req, res);
      send(
        res,
        error instanceof BodyRefusal
          ? this.bodyRefusal(error.tooLarge, error.length, requestId)
          : this.refusal(error, requestId),
      );
      return;
    }
    await this.serve(req, res, () => this.postRequests(req));
  }

  /** Answers one request: the operations it holds, each through the pipeline. */
  private async serve(req: BodyRequest, res: Response, incoming: () => Incoming): Promise<void> {
    const requestId = requestIdOf(req, res);
    let answer: Answer;
    try {
      this.refuseCrossSite(req);
      const read = incoming();
      const actor = await this.actorOf(req);
      answer =
        "batch" in read
          ? await this.batch(read.batch, actor, requestId)
          : await this.one(read.one, actor, requestId, kindsOf(req));
    } catch (error) {
      answer = this.refusal(error, requestId);
    }
    send(res, answer);
  }

  private refuseCrossSite(req: IncomingMessage): void {
    const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    const simple = type === "" || SIMPLE_TYPES.includes(type);
    if (simple && !PREFLIGHT_HEADERS.some((header) => req.headers[header])) {
      throw badRequest(
        "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): " +
          "send it with `content-type: application/json` or an `apollo-require-preflight` header",
      );
    }
    if (req.method === "POST" && type !== "application/json") {
      throw badRequest("A POST's body must be `application/json`", 415);
    }
  }

  private postRequests(req: BodyRequest): Incoming {
    const body: unknown = req.body;
    if (!Array.isArray(body)) return { one: this.read(body) };
    if (body.length === 0) throw badRequest("A batch needs at least one operation");
    if (body.length > this.config.limits.batch) {
      throw new Refusal([
        tooComplex("operations per batch", this.config.limits.batch, body.length),
      ]);
    }
    return { batch: body.map((item) => this.read(item)) };
  }

  private getRequest(req: Request): OperationRequest {
    const { query, operationName, variables, extensions } = req.query;
    return this.read({
      query,
      operationName,
      variables: jsonParameter(variables, "variables"),
      extensions: jsonParameter(extensions, "extensions"),
    });
  }

  private read(value: unknown): OperationRequest {
    try {
      return readOperationRequest(value);
    } catch (error) {
      if (error instanceof HubError) throw new Refusal([error]);
      throw error;
    }
  }

  private async actorOf(req: IncomingMessage): Promise<Actor> {
    try {
      return await this.tokens.actor(req.headers.authorization);
    } catch (error) {
      if (error instanceof HubError) throw new Refusal([error]);
      throw error;
    }
  }

  private async one(
    request: OperationRequest,
    actor: Actor,
    requestId: string,
    kinds: readonly OperationTypeNode[],
  ): Promise<Answer> {
    const prepared = this.pipeline.prepare(request, actor, kinds);
    const ctx = createContext(this.db, this.config, actor, { requestId });
    const result = await this.pipeline.execute(prepared, ctx);
    const json = typeof result === "string" ? result : this.resultJson(result, requestId);
    return { status: 200, json };
  }

  /** Each operation of a batch is answered on its own, a refusal included, in order. */
  private async batch(
    requests: OperationRequest[],
    actor: Actor,
    requestId: string,
  ): Promise<Answer> {
    const answers: string[] = [];
    for (const request of requests) {
      try {
        answers.push((await this.one(request, actor, requestId, POST_KINDS)).json);
      } catch (error) {
        answers.push(this.refusal(error, requestId).json);
      }
    }
    return { status: 200, json: `[${answers.join(",")}]` };
  }

  private refusal(error: unknown, requestId: string): Answer {
    const refusal =
      error instanceof Refusal
        ? error
        : new Refusal([new GraphQLError("unexpected", { originalError: error as Error })]);
    const errors = formatErrors(refusal.errors, {
      development: this.config.development,
      requestId,
    });
    const status = error instanceof Refusal ? refusal.status : 500;
    return { status, json: JSON.stringify({ errors }) };
  }

  private resultJson(result: ExecutionResult, requestId: string): string {
    const errors: GraphQLFormattedError[] | undefined =
      result.errors &&
      formatErrors(result.errors, { development: this.config.development, requestId });
    return JSON.stringify({ ...(errors && { errors }), data: result.data });
  }

  /** A body that is not JSON, or too large, gets a GraphQL-shaped error, not an HTML page. */
  private unreadableBody() {
    return (
      error: { status?: number; type?: string; length?: number; received?: number },
      req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (!error.status || error.status >= 500) return next(error);
      const tooLarge = error.type === "entity.too.large";
      // A compressed body's length is not known before it is inflated: what was read, then.
      const length = error.length ?? error.received ?? 0;
      send(res, this.bodyRefusal(tooLarge, length, requestIdOf(req, res), error.status));
    };
  }

  private bodyRefusal(tooLarge: boolean, length: number, requestId: string, status = 400): Answer {
    if (!tooLarge) {
      return this.refusal(badRequest("The request body is not valid JSON", status), requestId);
    }
    const limit = this.config.limits.bodyBytes;
    const refusal = new Refusal([tooComplex("body size in bytes", limit, length)]);
    return { ...this.refusal(refusal, requestId), status: 413 };
  }
}

function kindsOf(req: IncomingMessage): readonly OperationTypeNode[] {
  return req.method === "GET" ? GET_KINDS : POST_KINDS;
}

/** The id the request log gave the request (src/operator/request-log.ts), else one of its own. */
function requestIdOf(req: IncomingMessage, res: Response): string {
  const logged = res.locals?.requestId as string | undefined;
  if (logged) return logged;
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", id);
  return id;
}

function jsonParameter(value: unknown, name: string): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badRequest(`\`${name}\` must be JSON`);
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`\`${name}\` must be JSON`);
  }
}

function send(res: Response, answer: Answer): void {
  res.statusCode = answer.status;
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-type", "application/json; charset=utf-8");
  if (answer.status === 405) res.setHeader("allow", "POST");
  res.end(`${answer.json}\n`);
}
