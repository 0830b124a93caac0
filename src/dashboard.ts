// The dashboard: the page built from web/ into dist/web (`npm run build`), served at `/` next to
// the API. It talks to the hub only through /graphql, like any other client.
import express, { Express } from "express";
import { existsSync } from "node:fs";
import path from "node:path";

/** The package's root, whether this file runs compiled (dist/src) or from source (src). */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

export const DASHBOARD_DIR = path.join(packageRoot(__dirname), "dist", "web");

/** Serves the built page when there is one; a hub built without it still serves the API. */
export function serveDashboard(app: Express, dir = DASHBOARD_DIR): boolean {
  if (!existsSync(path.join(dir, "index.html"))) return false;
  app.use("/", express.static(dir, { index: "index.html", fallthrough: true }));
  return true;
}
