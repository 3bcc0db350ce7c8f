/* eslint-disable @typescript-eslint/no-require-imports -- loading on demand is this file's job */

/**
 * The database drivers, loaded on first use like the modules of src/on-demand.ts: a process
 * loads the Prisma client of the one provider it uses, and the PostgreSQL driver (14 MB resident
 * on Node 20) only when DATABASE_URL names PostgreSQL. Here, in db/, because no other folder
 * touches Prisma or SQL.
 */
export const databaseDrivers = {
  sqliteClient: () => ({
    ...(require("../generated/sqlite/client") as typeof import("../generated/sqlite/client")),
    ...(require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3")),
  }),
  /** The migrations runner's own PostgreSQL connection. */
  pg: () => require("pg") as typeof import("pg"),
  postgresClient: () => ({
    ...(require("../generated/postgresql/client") as typeof import("../generated/postgresql/client")),
    ...(require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg")),
  }),
};
