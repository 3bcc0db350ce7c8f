import { openDatabase } from "./create-database";
import type { DatabaseTarget } from "./database-target";
import { APPLIED_MIGRATIONS_SQL, type AppliedMigration } from "./shipped-migrations";

/**
 * Asks the database whether it answers and which migrations it has applied, without migrating
 * (for `doctor`). Throws when it does not answer within `timeoutMs`; a database with no
 * migrations table yet has applied none.
 */
export async function probeDatabase(
  target: DatabaseTarget,
  timeoutMs: number,
): Promise<{ applied: AppliedMigration[] }> {
  const db = await openDatabase(target);
  try {
    await within(timeoutMs, db.$queryRawUnsafe("SELECT 1"));
    const applied = await within(
      timeoutMs,
      db.$queryRawUnsafe<AppliedMigration[]>(APPLIED_MIGRATIONS_SQL),
    ).catch(() => []);
    return { applied };
  } finally {
    await db.$disconnect();
  }
}

/** Rejects after `ms`, so no probe can hang the command. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
