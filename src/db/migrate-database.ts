import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DatabaseUnavailableError, messageOf, redactUserInfo } from "../errors";
import { databaseDrivers } from "./database-drivers";
import type { DatabaseTarget } from "./database-target";
import {
  APPLIED_MIGRATIONS_SQL,
  defaultMigrationsRoot,
  refuseChangedMigrations,
  shippedMigrations,
  type AppliedMigration,
  type Migration,
} from "./shipped-migrations";

/**
 * Applies the committed migrations (prisma/<provider>/migrations/*) that the database lacks.
 *
 * Why not `prisma migrate deploy`: its WebAssembly schema engine cannot read PostgreSQL through
 * @prisma/adapter-pg (prisma/orm#27403, "Column type 'name' could not be deserialized"), and a
 * child process costs a second on every command. This runner keeps Prisma's own bookkeeping table
 * (`_prisma_migrations`, same columns and checksums), so `prisma migrate status` still agrees.
 * Each migration runs in one transaction under a lock, so two processes starting together
 * apply it once. Before any runs, an applied migration whose migration.sql has changed since
 * (its checksum differs from the recorded one) is refused: the database was built by other SQL.
 */
export async function migrateDatabase(
  target: DatabaseTarget,
  migrationsRoot = defaultMigrationsRoot(),
): Promise<string[]> {
  const migrations = shippedMigrations(target.provider, migrationsRoot);
  return target.provider === "postgresql"
    ? migratePostgres(target, migrations)
    : migrateSqlite(target.file, migrations);
}

const SQLITE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 15_000 });
  try {
    // WAL lets the web server read while a send run writes.
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_BOOKKEEPING);
    refuseChangedMigrations(
      migrations,
      db.prepare(APPLIED_MIGRATIONS_SQL).all() as AppliedMigration[],
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      const run = db.transaction(() => {
        const done = db
          .prepare(
            `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`,
          )
          .get(migration.name);
        if (done) return false;
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(crypto.randomUUID(), migration.checksum, migration.name);
        return true;
      });
      if (run.immediate()) applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

const POSTGRES_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** A server that does not answer is reported after this long, not after the OS's minutes. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Any constant works; it only has to be the same in every process of this application. */
const MIGRATION_LOCK_KEY = 7_204_031;

async function migratePostgres(
  target: Extract<DatabaseTarget, { provider: "postgresql" }>,
  migrations: Migration[],
): Promise<string[]> {
  const client = new (databaseDrivers.pg().Client)({
    connectionString: target.url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // Every command migrates first, so this is where a server that is down or refuses us is met.
  await client.connect().catch((error: unknown) => {
    throw new DatabaseUnavailableError(
      redactUserInfo(target.url.replace(/\?.*$/, "")),
      messageOf(error),
    );
  });
  try {
    if (target.schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(target.schema)}`);
      await client.query(`SET search_path TO ${client.escapeIdentifier(target.schema)}`);
    }
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(POSTGRES_BOOKKEEPING);
    refuseChangedMigrations(
      migrations,
      (await client.query<AppliedMigration>(APPLIED_MIGRATIONS_SQL)).rows,
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      const done = await client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL`,
        [migration.name],
      );
      if (done.rowCount) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.end();
  }
}
