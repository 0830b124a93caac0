// Where the embedded database keeps its files and its token key, and which folder the hub last
// started with: `npm run token` run without the hub's HUB_DATA_DIR would otherwise sign with a new
// key in ./data that the hub refuses as forged.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "./package-root";

const LAST_STARTED = path.join(
  PACKAGE_ROOT,
  "node_modules",
  ".cache",
  "foreign-affairs-hub",
  "data-dir",
);

/** The embedded database as the build leaves it, migrated and seeded (src/seed/embedded-image.ts). */
export const SEEDED_IMAGE = path.join(PACKAGE_ROOT, "dist", "seeded-embedded.tar.gz");

export function secretFile(dataDir: string): string {
  return path.join(dataDir, "jwt-secret");
}

/** Noted by `npm start` on the embedded database. */
export function rememberHubDataDir(dataDir: string): void {
  try {
    mkdirSync(path.dirname(LAST_STARTED), { recursive: true });
    writeFileSync(LAST_STARTED, `${dataDir}\n`);
  } catch {
    // Only a hint for `npm run token`; a read-only install runs without it.
  }
}

/** The folder the hub last started with, when it still holds a token key. */
export function lastHubDataDir(): string | undefined {
  if (!existsSync(LAST_STARTED)) return undefined;
  const dataDir = readFileSync(LAST_STARTED, "utf8").trim();
  return existsSync(secretFile(dataDir)) ? dataDir : undefined;
}
