import fs from "node:fs";
import path from "node:path";
import type { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { databaseDrivers } from "./database-drivers";
import type { DatabaseTarget } from "./database-target";

/**
 * The Prisma client type the stores program against. Both generated clients come from identical
 * models (prisma/sqlite and prisma/postgresql), so the PostgreSQL client fits this type.
 */
export type Db = SqliteClient;

/** A SQLite writer waits this long for another process's lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * Opens the Prisma client and readies its connection. SQLite runs in WAL mode (set by the
 * migrations runner) with synchronous=NORMAL: a commit no longer waits for the disk, which is
 * what lets the outbox record each send cheaply; an application crash loses nothing, only a
 * power cut can lose the last commits.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  const db = createDatabase(target);
  if (target.provider === "sqlite") await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  return db;
}

/** Resolves once the database answers a query (the health check). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}

/** The Prisma client with the driver adapter that matches the target (no connection yet). */
function createDatabase(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    const { PrismaPg, PrismaClient: PostgresClient } = databaseDrivers.postgresClient();
    // Prisma qualifies its own queries with the schema; the search path makes raw SQL agree.
    const adapter = new PrismaPg(
      {
        connectionString: target.url,
        ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
      },
      target.schema ? { schema: target.schema } : undefined,
    );
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
  const { PrismaBetterSQLite3, PrismaClient } = databaseDrivers.sqliteClient();
  const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}
