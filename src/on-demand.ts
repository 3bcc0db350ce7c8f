/* eslint-disable @typescript-eslint/no-require-imports -- loading on demand is this file's job */

/**
 * Modules loaded on first use rather than at start-up. Each is large and only some commands need
 * it (resident memory each adds on Node 20: MJML 56 MB, the inbound poller with imapflow and
 * mailparser 25 MB, the web server with fastify 18 MB, prom-client 11 MB, the PostgreSQL driver
 * 14 MB); `send` to thousands of subscribers needs none of them. `require`, not `import()`: the
 * unit tests run under jest without --experimental-vm-modules, which `import()` needs there.
 */
export const onDemand = {
  /** Only when the digest layout is compiled, not when a precompiled one is read. */
  mjml: () => require("mjml") as typeof import("mjml"),
  sqliteClient: () => ({
    ...(require("./generated/sqlite/client") as typeof import("./generated/sqlite/client")),
    ...(require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3")),
  }),
  /** The migrations runner's own PostgreSQL connection. */
  pg: () => require("pg") as typeof import("pg"),
  postgresClient: () => ({
    ...(require("./generated/postgresql/client") as typeof import("./generated/postgresql/client")),
    ...(require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg")),
  }),
};
