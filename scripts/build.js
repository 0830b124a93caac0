// Builds the hub once: TypeScript into dist/ and the dashboard into dist/web, then stamps
// dist/.built. `npm install` runs it (`prepare`, only when sources are newer than the stamp) so
// that `npm start` and the other scripts run the built code at once; `npm run build` always builds.
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync, writeFileSync, utimesSync } = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const STAMP = path.join(ROOT, "dist", ".built");
/** Everything a build reads; a change to any of them makes the last build stale. */
const SOURCES = [
  "src",
  "web",
  "migrations",
  "ormconfig.ts",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
];

function newestChange(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (entry !== "node_modules") newest = Math.max(newest, newestChange(path.join(file, entry)));
  }
  return newest;
}

function isStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestChange(path.join(ROOT, source)) > built.mtimeMs);
}

function run(step, script, args) {
  console.error(`  ${step}…`);
  const result = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(`${step} failed`);
    process.exit(result.status ?? 1);
  }
}

function build(reason) {
  const started = new Date();
  console.error(`Building the hub (${reason}):`);
  run("TypeScript", "node_modules/typescript/bin/tsc", ["-p", "tsconfig.build.json"]);
  run("the dashboard and GraphiQL", "node_modules/vite/bin/vite.js", [
    "build",
    "--config",
    "web/vite.config.ts",
  ]);
  run("the seeded embedded database", "dist/src/seed/embedded-image.js", []);
  // Stamped with the start time, so that a source saved during the build makes it stale again.
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
  console.error(`Built in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s.`);
}

/** Builds when a source changed since the last build; returns whether it did. */
function buildIfStale() {
  if (!isStale()) return false;
  build(existsSync(STAMP) ? "sources changed since the last build" : "first build");
  return true;
}

module.exports = { buildIfStale };

if (require.main === module) {
  const ifStale = process.argv.includes("--if-stale");
  // An install without devDependencies (a production image built elsewhere) has no compiler.
  if (ifStale && !existsSync(path.join(ROOT, "node_modules/typescript"))) process.exit(0);
  if (ifStale) buildIfStale();
  else build("npm run build");
}
