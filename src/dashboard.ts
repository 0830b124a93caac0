// The dashboard: the page built from web/ into dist/web (`npm run build`), served at `/` next to
// the API. It talks to the hub only through /graphql, like any other client.
import express, { Express } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "./core/package-root";

export const DASHBOARD_DIR = path.join(PACKAGE_ROOT, "dist", "web");

/** Serves the built page when there is one; a hub built without it still serves the API. */
export function serveDashboard(app: Express, dir = DASHBOARD_DIR): boolean {
  if (!existsSync(path.join(dir, "index.html"))) return false;
  app.use("/", express.static(dir, { index: "index.html", fallthrough: true }));
  return true;
}
