// The hub's HTTP server: Apollo Server at /graphql on one port, over an open database.
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express, { NextFunction, Request, Response } from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { HubConfig } from "./config";
import { createContext, HubContext } from "./graphql/context";
import { formatError } from "./graphql/format-error";
import { buildHubSchema } from "./graphql/schema";

/** A body that is not JSON, or too large, gets a GraphQL-shaped error rather than an HTML page. */
function refuseUnreadableBody(
  error: { status?: number; type?: string },
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!error.status || error.status >= 500) return next(error);
  const message =
    error.type === "entity.too.large"
      ? "The request body is too large"
      : "The request body is not valid JSON";
  res.status(error.status).json({ errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] });
}

export interface RunningHub {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, db: DataSource): Promise<RunningHub> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<HubContext>({
    schema: await buildHubSchema(),
    formatError: (formatted, error) => formatError(formatted, error, config.development),
    includeStacktraceInErrorResponses: config.development,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(db, config) }),
  );
  app.use(refuseUnreadableBody);
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: () => apollo.stop(),
  };
}
