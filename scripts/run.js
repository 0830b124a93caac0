// Runs a built entry point, e.g. `node scripts/run.js dist/src/main.js --flag`: every npm script
// goes through here, so it runs the compiled code at once and builds first only when a source
// changed since the last build (scripts/build.js).
const Module = require("node:module");
const path = require("node:path");
const { buildIfStale } = require("./build");

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run.js dist/<entry>.js [arguments]");
  process.exit(64);
}
buildIfStale();
const file = path.resolve(__dirname, "..", entry);
process.argv = [process.argv[0], file, ...args];
// As `node <file>` would: the entry becomes require.main, which print-schema.ts checks.
Module.runMain();
