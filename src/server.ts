// The hub's server: Apollo Server and graphql-ws subscriptions at /graphql on one port, over an
// open database. Tokens are read and request bodies bounded here, before any GraphQL work.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { NextFunction, Request, Response } from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { HubConfig } from "./config";
import { serveDashboard } from "./dashboard";
import { accessPlugin } from "./graphql/access/access-plugin";
import { tooComplex } from "./graphql/access/query-limits";
import { TokenVerifier } from "./graphql/access/tokens";
import { serveCompiledQueries } from "./graphql/compiled-queries";
import { createContext } from "./graphql/context";
import { HubContext } from "./records/context";
import { formatError } from "./graphql/format-error";
import { buildHubSchema } from "./graphql/schema";
import { serveSubscriptions } from "./graphql/subscriptions";
import { EventRelay } from "./modules/events";

function refuse(res: Response, status: number, error: { message: string; extensions: object }) {
  // `http` tells Apollo which status to answer with; here the status is set directly.
  const extensions = { ...error.extensions, http: undefined };
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}

/** A body that is not JSON, or too large, gets a GraphQL-shaped error rather than an HTML page. */
function refuseUnreadableBody(config: HubConfig) {
  return (
    error: { status?: number; type?: string; length?: number },
    _req: Request,
    res: Response,
    next: NextFunction,
  ) => {
    if (!error.status || error.status >= 500) return next(error);
    if (error.type === "entity.too.large") {
      return refuse(
        res,
        413,
        tooComplex("body size in bytes", config.limits.bodyBytes, error.length ?? 0),
      );
    }
    refuse(res, error.status, {
      message: "The request body is not valid JSON",
      extensions: { code: "BAD_USER_INPUT" },
    });
  };
}

/** Batched requests are allowed up to a count, checked before any operation is parsed. */
function limitBatch(config: HubConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Array.isArray(req.body) && req.body.length > config.limits.batch) {
      return refuse(
        res,
        400,
        tooComplex("operations per batch", config.limits.batch, req.body.length),
      );
    }
    next();
  };
}

export interface RunningHub {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, db: DataSource): Promise<RunningHub> {
  const app = express();
  const httpServer = http.createServer(app);
  const tokens = new TokenVerifier(config);
  const schema = await buildHubSchema();
  const relay = new EventRelay(db, config.databaseUrl);
  await relay.start();
  const subscriptions = serveSubscriptions(httpServer, schema, db, config, relay);
  const apollo = new ApolloServer<HubContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, config.development),
    includeStacktraceInErrorResponses: config.development,
    introspection: config.introspection,
    allowBatchedHttpRequests: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Field traces are for Apollo Studio, which the hub does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      accessPlugin(config),
      {
        // Stop taking subscriptions first, then let Apollo drain HTTP requests in flight.
        async serverWillStart() {
          return {
            async drainServer() {
              await subscriptions.dispose();
              await relay.stop();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  app.use(
    "/graphql",
    express.json({ limit: config.limits.bodyBytes }),
    limitBatch(config),
    serveCompiledQueries(schema, db, config, tokens),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(db, config, await tokens.actor(req.headers.authorization)),
    }),
  );
  serveDashboard(app);
  app.use(refuseUnreadableBody(config));
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: () => apollo.stop(),
  };
}
