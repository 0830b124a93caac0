// GraphiQL, bundled from npm into the hub's own assets (web/graphiql.html), answers a browser that
// opens /graphql; it loads nothing from elsewhere, so it works offline. Apollo's landing page,
// which loads Apollo Sandbox from a CDN, is turned off in server.ts.
import { RequestHandler } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { DASHBOARD_DIR } from "../dashboard";

export const GRAPHIQL_PAGE = path.join(DASHBOARD_DIR, "graphiql.html");

export function serveGraphiQL(): RequestHandler {
  return (req, res, next) => {
    const fromBrowser = req.accepts(["application/json", "text/html"]) === "text/html";
    if (!fromBrowser || req.query.query !== undefined || !existsSync(GRAPHIQL_PAGE)) return next();
    res.sendFile(GRAPHIQL_PAGE);
  };
}
