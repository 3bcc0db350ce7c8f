/* eslint-disable @typescript-eslint/no-require-imports -- loading on demand is this file's job */

/**
 * Third-party modules loaded on first use rather than at start-up. Each is large and only some
 * commands need it (resident memory each adds on Node 20: MJML 56 MB, the inbound poller with
 * imapflow and mailparser 25 MB, the web server with fastify 18 MB, prom-client 11 MB, the
 * PostgreSQL driver 14 MB); `send` to thousands of subscribers needs none of them. The command
 * bodies that use them load from cli/on-demand-commands.ts, the database drivers from
 * db/database-drivers.ts. `require`, not `import()`: the unit tests run under jest without
 * --experimental-vm-modules, which `import()` needs there.
 */
export const onDemand = {
  /** Only when the digest layout is compiled, not when a precompiled one is read. */
  mjml: () => require("mjml") as typeof import("mjml"),
  /** Only for logs on a terminal. */
  pinoPretty: () => require("pino-pretty") as typeof import("pino-pretty"),
};
