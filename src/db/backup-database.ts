import fs from "node:fs";
import Database from "better-sqlite3";
import { describeFileError, InputError } from "../errors";
import type { DatabaseTarget } from "./database-target";

/**
 * Copies a SQLite database to `destination` with SQLite's online backup API: a consistent
 * snapshot even while `serve` or a `send` writes (a plain `cp` of a WAL database can copy a
 * half-written state). PostgreSQL has its own tool for this, which the message names.
 */
export async function backupDatabase(
  target: DatabaseTarget,
  destination: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ source: string; pages: number; bytes: number }> {
  if (target.provider === "postgresql") {
    throw new InputError(
      'DATABASE_URL is PostgreSQL: back it up with its own tool, e.g. pg_dump --format=custom --file=digest.dump "$DATABASE_URL" (docker compose exec db pg_dump -U digest -Fc digest > digest.dump)',
    );
  }
  if (!fs.existsSync(target.file)) throw new InputError(`no database at ${target.file} yet`);
  if (fs.existsSync(destination)) {
    throw new InputError(`${destination} exists already; name a new file (nothing overwritten)`);
  }
  const db = new Database(target.file, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 100; // pages a step: the writers of a live database get the lock in between
      },
    });
    return { source: target.file, pages: result.totalPages, bytes: fs.statSync(destination).size };
  } catch (error) {
    throw new InputError(`cannot write ${destination}: ${describeFileError(error)}`);
  } finally {
    db.close();
  }
}
