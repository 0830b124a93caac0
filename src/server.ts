// The hub's server: GraphQL over HTTP and over graphql-ws at /graphql on one port, both through
// one operation pipeline (src/graphql/pipeline), over an open database; the dashboard at /.
import express from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { HubConfig } from "./config";
import { serveDashboard } from "./dashboard";
import { TokenVerifier } from "./graphql/access/tokens";
import { OperationPipeline } from "./graphql/pipeline/operation-pipeline";
import { buildHubSchema } from "./graphql/schema";
import { HttpTransport } from "./graphql/transports/http";
import { serveWebSockets } from "./graphql/transports/websocket";
import { EventFanout, EventRelay } from "./modules/events";
import { operatorRoutes } from "./operator";

export interface RunningHub {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, db: DataSource): Promise<RunningHub> {
  const app = express();
  // Both ways to /graphql answer alike; the one without Express would not say "Express".
  app.disable("x-powered-by");
  const httpServer = http.createServer();
  const relay = new EventRelay(db, config.databaseUrl);
  await relay.start();
  const fanout = new EventFanout(relay, config.fanoutIntervalMs);
  const pipeline = new OperationPipeline(await buildHubSchema(), db, config, fanout.subscribe);
  const webSockets = serveWebSockets(httpServer, pipeline, db, config, relay);
  const transport = new HttpTransport(pipeline, db, config, new TokenVerifier(config));
  const operator = operatorRoutes(config, db, relay, () => webSockets.openOperations());
  app.use(operator.routes);
  app.use("/graphql", transport.router());
  serveDashboard(app);
  // A POST of plain JSON to /graphql, what clients send most, is served without Express (whose
  // router and body parser cost more CPU than the rest of such a request), after the same intake.
  httpServer.on("request", (req, res) => {
    if (!transport.takes(req)) return app(req, res);
    operator.intake(req, res, () => void transport.serveDirectly(req, res));
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    async close() {
      // Take no new connection, end the subscriptions, let requests in flight finish.
      const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await webSockets.dispose();
      fanout.stop();
      await drained;
      await relay.stop();
    },
  };
}
