// graphql-ws on the same port and path as queries. The connection_init payload carries the same
// bearer token as HTTP; each operation passes the same access checks and limits before it runs,
// and every event sent carries its cursor in `extensions.cursor` for resuming with `since`.
import { GraphQLError, GraphQLSchema, OperationTypeNode, parse, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import http from "node:http";
import { DataSource } from "typeorm";
import { WebSocketServer } from "ws";
import { HubConfig } from "../config";
import { EventRelay } from "../modules/events";
import { Actor, requireWriter } from "../core/actor";
import { checkQueryLimits } from "./access/query-limits";
import { TokenVerifier } from "./access/tokens";
import { createContext } from "./context";
import { HubContext } from "../records/context";
import { formatError } from "./format-error";

type Connection = {
  actor?: Actor;
};

export function serveSubscriptions(
  httpServer: http.Server,
  schema: GraphQLSchema,
  db: DataSource,
  config: HubConfig,
  relay: EventRelay,
): { dispose(): Promise<void> } {
  const tokens = new TokenVerifier(config);
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error, config.development));
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const server = useServer<Record<string, unknown>, Connection>(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const actor = await tokens.actor(
            typeof authorization === "string" ? authorization : undefined,
          );
          if (actor.role === null && !config.allowAnonymousRead) return false;
          ctx.extra.actor = actor;
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const document = parse(payload.query);
        const invalid = validate(schema, document);
        if (invalid.length) return invalid;
        const operation = document.definitions.find(
          (d) =>
            d.kind === "OperationDefinition" &&
            (!payload.operationName || d.name?.value === payload.operationName),
        );
        if (!operation || operation.kind !== "OperationDefinition") {
          return [
            new GraphQLError("No operation to run", { extensions: { code: "BAD_USER_INPUT" } }),
          ];
        }
        const actor = ctx.extra.actor!;
        try {
          if (operation.operation === OperationTypeNode.MUTATION) requireWriter(actor);
          checkQueryLimits(
            schema,
            document,
            operation,
            payload.variables ?? {},
            config.limits,
            config.defaultPageSize,
          );
        } catch (error) {
          return [error as GraphQLError];
        }
        const contextValue: HubContext = createContext(db, config, actor, {
          events: relay,
          closeConnection: (code, reason) => ctx.extra.socket.close(code, reason),
        });
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        const cursor = (args.contextValue as HubContext).eventCursor;
        return {
          ...result,
          ...(result.errors && { errors: format(result.errors) }),
          extensions: { ...result.extensions, ...(cursor && { cursor }) },
        };
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );
  return {
    async dispose() {
      await server.dispose();
    },
  };
}
