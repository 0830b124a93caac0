// The hub's package folder, whether code runs compiled (dist/src) or from source (src, in tests).
import { existsSync } from "node:fs";
import path from "node:path";

function packageRootFrom(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

export const PACKAGE_ROOT = packageRootFrom(__dirname);
