/**
 * Each test file has a database of its own, copied from one that global-setup migrated and
 * seeded once for the run, so files run side by side.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
          },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  maxWorkers: 2,
  // Each file leaves ~25 MB behind in its worker (module registries jest cannot free): past this,
  // a worker's collector cost tripled the embedded run's time, so the worker is started afresh.
  workerIdleMemoryLimit: "300MB",
};
