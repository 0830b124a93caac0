import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The layers of src/, each importing only those before it (docs/architecture.md):
// core → db (persistence) → records (type descriptions) → modules → graphql (transports) → the
// entry points (src/*.ts, src/seed, src/operator). Paths are matched as written, relative to the importing file.
const up = "^(\\.\\./)+";
const layerAbove = (layers) => ({
  regex: `${up}(${layers.join("|")})(/|$)`,
  message:
    "imports point down the layers: core → db → records → modules → graphql (docs/architecture.md)",
});
const entryPoints = {
  regex: `${up}(main|server|import|token|token-cities|migrate|dashboard|data-source)$|${up}(seed|operator)(/|$)`,
  message: "entry points import the layers, never the other way round",
};
const moduleInternals = (prefix) => ({
  regex: `^${prefix}(?!\\.)[^/]+/.+`,
  message: "another module is reached through its index.ts only",
});
const restrict = (files, patterns) => ({
  files,
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  { ignores: ["dist/", "data/", "node_modules/", "coverage/", "jest.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error and its order.
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true } },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  restrict(
    ["src/core/**/*.ts", "src/config.ts"],
    [layerAbove(["db", "records", "modules", "graphql"]), entryPoints],
  ),
  restrict(["src/db/**/*.ts"], [layerAbove(["records", "modules", "graphql"]), entryPoints]),
  restrict(["src/records/**/*.ts"], [layerAbove(["modules", "graphql"]), entryPoints]),
  restrict(
    ["src/modules/*/*.ts"],
    [layerAbove(["graphql"]), entryPoints, moduleInternals("\\.\\./")],
  ),
  restrict(
    ["src/modules/*/*/*.ts"],
    [layerAbove(["graphql"]), entryPoints, moduleInternals("\\.\\./\\.\\./")],
  ),
  restrict(["src/modules/*.ts"], [layerAbove(["graphql"]), entryPoints, moduleInternals("\\./")]),
  restrict(
    ["src/graphql/**/*.ts", "src/*.ts", "src/seed/**/*.ts", "src/operator/**/*.ts"],
    [{ regex: "(^|/)modules/[^/]+/.+", message: "a module is reached through its index.ts only" }],
  ),
  {
    // The request context names the events relay's type; a type only, gone at run time.
    files: ["src/records/context.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ ...layerAbove(["modules", "graphql"]), allowTypeImports: true }] },
      ],
    },
  },
  {
    // The build and run scripts are plain CommonJS, run before anything is compiled.
    files: ["scripts/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The fan-out floor: plain ES modules run by node, with no TypeScript in between.
    files: ["bench/fanout-floor/*.mjs"],
    languageOptions: {
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        URL: "readonly",
      },
    },
  },
  {
    // GraphQL responses are read as the test's query shapes them.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
