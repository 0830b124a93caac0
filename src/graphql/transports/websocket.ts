// graphql-ws on the same port and path as HTTP. The connection_init payload carries the same
// bearer token as HTTP, messages are bounded by the same size limit, and every operation goes
// through the same pipeline (../pipeline/operation-pipeline.ts) as an HTTP request. A connection
// lives no longer than its token: at the token's expiry it is closed with 4403.
import { ExecutionArgs, ExecutionResult, GraphQLError, OperationTypeNode } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { DataSource } from "typeorm";
import { WebSocketServer } from "ws";
import { HubConfig } from "../../config";
import { EventRelay } from "../../modules/events";
import { Actor } from "../../core/actor";
import { tooComplex } from "../access/query-limits";
import { TokenVerifier } from "../access/tokens";
import { createContext } from "../context";
import { HubContext } from "../../records/context";
import { HubError } from "../../core/errors";
import { formatErrors } from "../../core/format-error";
import { OperationPipeline, PreparedOperation, Refusal } from "../pipeline/operation-pipeline";
import { readOperationRequest } from "../pipeline/operation-request";

const ALL_KINDS = [
  OperationTypeNode.QUERY,
  OperationTypeNode.MUTATION,
  OperationTypeNode.SUBSCRIPTION,
];
/** setTimeout holds at most this many milliseconds; a later expiry is checked again then. */
const LONGEST_TIMER = 2 ** 31 - 1;

type Connection = {
  actor?: Actor;
  expiry?: NodeJS.Timeout;
  /** Names the connection in logs and errors; each operation's errors quote it. */
  connectionId?: string;
};

export function serveWebSockets(
  httpServer: http.Server,
  pipeline: OperationPipeline,
  db: DataSource,
  config: HubConfig,
  relay: EventRelay,
): { dispose(): Promise<void>; openOperations(): number } {
  const tokens = new TokenVerifier(config);
  const prepared = new WeakMap<object, PreparedOperation>();
  const connections = new Set<{ subscriptions: Record<string, unknown> }>();
  const format = (errors: readonly GraphQLError[], requestId: string) =>
    formatErrors(errors, { development: config.development, requestId });
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: "/graphql",
    maxPayload: config.limits.bodyBytes,
  });
  const server = useServer<Record<string, unknown>, Connection>(
    {
      schema: pipeline.schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        ctx.extra.connectionId = randomUUID();
        try {
          const actor = await tokens.actor(
            typeof authorization === "string" ? authorization : undefined,
          );
          if (actor.role === null && !config.allowAnonymousRead) return false;
          ctx.extra.actor = actor;
          connections.add(ctx);
          closeAtExpiry(ctx.extra, () =>
            ctx.extra.socket.close(CloseCode.Forbidden, "token expired"),
          );
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        connections.delete(ctx);
      },
      onSubscribe: (ctx, id, payload) => {
        const requestId = ctx.extra.connectionId!;
        const actor = ctx.extra.actor!;
        try {
          const open = Object.keys(ctx.subscriptions).length;
          if (open > config.limits.subscriptionsPerConnection) {
            throw new Refusal([
              tooComplex(
                "operations open on one connection",
                config.limits.subscriptionsPerConnection,
                open,
              ),
            ]);
          }
          const operation = pipeline.prepare(readRequest(payload), actor, ALL_KINDS);
          const contextValue: HubContext = createContext(db, config, actor, {
            events: relay,
            requestId,
            eventChannel: {
              operationId: id,
              socket: ctx.extra.socket,
              connection: ctx.extra.request.socket,
            },
          });
          prepared.set(contextValue, operation);
          return {
            schema: pipeline.schema,
            document: operation.prepared.document,
            operationName: operation.prepared.operation.name?.value,
            variableValues: operation.variables,
            contextValue,
          };
        } catch (error) {
          if (error instanceof Refusal) return error.errors;
          throw error;
        }
      },
      execute: async (args: ExecutionArgs) => {
        const result = await pipeline.execute(
          prepared.get(args.contextValue as object)!,
          args.contextValue as HubContext,
        );
        return typeof result === "string" ? (JSON.parse(result) as ExecutionResult) : result;
      },
      subscribe: (args: ExecutionArgs) =>
        pipeline.subscribe(
          prepared.get(args.contextValue as object)!,
          args.contextValue as HubContext,
        ),
      onNext: (ctx, _id, _payload, _args, result) => ({
        ...result,
        ...(result.errors && { errors: format(result.errors, ctx.extra.connectionId!) }),
      }),
      onError: (ctx, _id, _payload, errors) => format(errors, ctx.extra.connectionId!),
    },
    wsServer,
  );
  return {
    async dispose() {
      await server.dispose();
    },
    openOperations() {
      let open = 0;
      for (const { subscriptions } of connections) open += Object.keys(subscriptions).length;
      return open;
    },
  };
}

/** A subscribe message's payload, read as an HTTP body is (persisted queries included). */
function readRequest(payload: unknown) {
  try {
    return readOperationRequest(payload);
  } catch (error) {
    if (error instanceof HubError) throw new Refusal([error]);
    throw error;
  }
}

/** Closes the connection when its token expires, however far off that is. */
function closeAtExpiry(connection: Partial<Connection>, close: () => void): void {
  const expiresAt = connection.actor?.expiresAt;
  if (expiresAt === undefined) return;
  const wait = expiresAt - Date.now();
  if (wait <= 0) return close();
  // The connection, not this timer, is what keeps the process serving.
  connection.expiry = setTimeout(
    () => closeAtExpiry(connection, close),
    Math.min(wait, LONGEST_TIMER),
  ).unref();
}
