/** Tests by kind: fast pure unit tests, and integration tests against real components. */
// ts-jest reports what it finds compiling each file on its own (tsconfig.json's isolatedModules):
// syntax and isolated-module errors. The whole type check is `npm run typecheck`, which covers
// test/ too; run inside jest it made a cold `npm run test:unit` about four times slower, and
// ts-jest does not support it with the node16 module kind.
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
      transform: { "^.+\\.ts$": tsJest },
      globalSetup: "<rootDir>/test/unit/global-setup.ts",
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
      transform: { "^.+\\.ts$": tsJest },
      globalSetup: "<rootDir>/test/integration/global-setup.ts",
      slowTestThreshold: 30,
      // These start servers, databases and CLI processes; on a loaded 2-core machine a few take
      // longer than jest's default 5 s without anything being wrong. A hang still fails.
      testTimeout: 60_000,
    },
  ],
};
