import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import type { DatabaseTarget } from "./database-target";

/**
 * The Prisma client type the stores program against. Both generated clients come from identical
 * models (prisma/sqlite and prisma/postgresql), so the PostgreSQL client fits this type.
 */
export type Db = SqliteClient;

/** A SQLite writer waits this long for another process's lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/** Opens the Prisma client with the driver adapter that matches the target. */
export function createDatabase(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    const adapter = new PrismaPg(
      { connectionString: target.url },
      target.schema ? { schema: target.schema } : undefined,
    );
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}
