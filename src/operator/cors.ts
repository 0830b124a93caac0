// Cross-origin calls from the pages of the sites in HUB_CORS_ORIGINS (`*` for any). Without it the
// hub answers its own page only, and a browser refuses other sites' calls as before.
import cors from "cors";
import { HubConfig } from "../config";
import { Intake } from "./request-log";

const none: Intake = (_req, _res, next) => next();

export function corsFor(config: HubConfig): Intake {
  if (config.corsOrigins.length === 0) return none;
  return cors({
    origin: config.corsOrigins.includes("*") ? "*" : config.corsOrigins,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: [
      "content-type",
      "authorization",
      "apollo-require-preflight",
      "x-apollo-operation-name",
      "x-request-id",
    ],
    exposedHeaders: ["x-request-id"],
    maxAge: 600,
  });
}
