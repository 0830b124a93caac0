// The hub's one logger: structured JSON lines on standard output (pino), so that an operator's log
// collector can read them. Tests run quiet unless HUB_LOG_LEVEL asks otherwise.
import pino from "pino";

const quietByDefault = process.env.NODE_ENV === "test" || process.env.JEST_WORKER_ID !== undefined;

export const logger = pino({
  level: process.env.HUB_LOG_LEVEL || (quietByDefault ? "silent" : "info"),
  base: { service: "foreign-affairs-exchange-hub" },
});

export type Logger = typeof logger;
