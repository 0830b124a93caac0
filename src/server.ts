// The hub's HTTP server: Apollo Server at /graphql on one port, over an open database.
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { HubConfig } from "./config";
import { createContext, HubContext } from "./graphql/context";
import { formatError } from "./graphql/format-error";
import { buildHubSchema } from "./graphql/schema";

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
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: () => apollo.stop(),
  };
}
