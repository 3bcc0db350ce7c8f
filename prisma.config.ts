import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The Prisma CLI's view of the database: schema folder and driver adapter follow the
 * DATABASE_URL scheme, so `prisma migrate deploy` never needs a downloaded engine.
 */
const url = process.env.DATABASE_URL ?? "file:./data/arxiv-digest.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  adapter: async () =>
    provider === "postgresql"
      ? new PrismaPg({ connectionString: url })
      : new PrismaBetterSQLite3({ url }),
});
