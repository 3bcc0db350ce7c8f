import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MigrationChangedError } from "../errors";
import type { DatabaseTarget } from "./database-target";

/** One committed migration: its folder's name, its SQL, and the checksum Prisma records for it. */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** A migration the database records as applied, with the checksum of its SQL at the time. */
export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** The applied migrations as Prisma's table records them (a rolled-back try does not count). */
export const APPLIED_MIGRATIONS_SQL = `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

export function defaultMigrationsRoot(): string {
  // src/db and dist/db are both two levels below the project root.
  return path.resolve(__dirname, "..", "..", "prisma");
}

/** The migrations this version ships for `provider`, oldest first. */
export function shippedMigrations(
  provider: DatabaseTarget["provider"],
  migrationsRoot = defaultMigrationsRoot(),
): Migration[] {
  const dir = path.join(migrationsRoot, provider, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: sha256(sql) };
    });
}

/**
 * The applied migrations whose shipped file is no longer what was applied. As in Prisma, a file
 * that differs only in line endings (a Windows checkout) still matches.
 */
export function changedMigrations(
  shipped: readonly Migration[],
  applied: readonly AppliedMigration[],
): string[] {
  const byName = new Map(shipped.map((migration) => [migration.name, migration]));
  const changed = applied.filter((row) => {
    const migration = byName.get(row.name);
    if (!migration || migration.checksum === row.checksum) return false;
    const endings = [migration.sql.replace(/\r\n/g, "\n"), migration.sql.replace(/\r?\n/g, "\r\n")];
    return !endings.some((sql) => sha256(sql) === row.checksum);
  });
  return [...new Set(changed.map((row) => row.name))];
}

/**
 * Throws a MigrationChangedError when an applied migration was edited since: the database was
 * built by other SQL than this version ships, so going on could only hide the difference.
 */
export function refuseChangedMigrations(
  shipped: readonly Migration[],
  applied: readonly AppliedMigration[],
): void {
  const changed = changedMigrations(shipped, applied);
  if (changed.length > 0) throw new MigrationChangedError(changed);
}

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
