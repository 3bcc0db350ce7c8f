import Database from "better-sqlite3";
import type { Prisma } from "../generated/sqlite/client";
import type { Db } from "./create-database";
import type { DatabaseTarget } from "./database-target";
import { groupCommit } from "./group-commit";

/**
 * Runs the send path's raw SQL (written once with `Prisma.sql`). Through Prisma each statement
 * costs about half a millisecond of CPU, several times what the SMTP exchange costs nodemailer;
 * on SQLite the statements therefore go straight to a connection of their own.
 */
export interface RawStatements {
  all<T>(query: Prisma.Sql): Promise<T[]>;
  /**
   * These statements in one transaction; returns the rows of `returning`, run last in it. On
   * SQLite the transactions asked for in one turn of the event loop share one commit.
   */
  transaction<T>(queries: readonly Prisma.Sql[], returning?: Prisma.Sql): Promise<T[]>;
  close(): void;
}

/** One caller's statements, and the query whose rows it wants back. */
interface Transaction {
  queries: readonly Prisma.Sql[];
  returning?: Prisma.Sql;
}

/** Pages (4 KB) the WAL may hold before the send connection copies them back. */
const WAL_CHECKPOINT_PAGES = 10_000;

/** A writer that finds the database locked tries again after this long, up to the limit. */
const BUSY_RETRY_MS = 5;
const BUSY_LIMIT_MS = 15_000;

/** SQLite: a direct better-sqlite3 connection; PostgreSQL: Prisma's own (its driver is async). */
export function rawStatements(db: Db, target: DatabaseTarget): RawStatements {
  if (target.provider === "postgresql") {
    return {
      all: <T>(query: Prisma.Sql) => db.$queryRaw<T[]>(query),
      transaction: async <T>(queries: readonly Prisma.Sql[], returning?: Prisma.Sql) => {
        // A lone statement is a transaction of its own, without BEGIN and COMMIT round trips.
        if (queries.length === 0 && returning) return db.$queryRaw<T[]>(returning);
        const results = await db.$transaction([
          ...queries.map((query) => db.$executeRaw(query)),
          ...(returning ? [db.$queryRaw<T[]>(returning)] : []),
        ]);
        return returning ? (results[results.length - 1] as T[]) : [];
      },
      close: () => undefined,
    };
  }
  let connection: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  const open = () => {
    if (!connection) {
      // No busy wait: a lock held by Prisma's connection in this same thread (a transaction
      // between two awaits) would never be let go while this thread waits. Retried below instead.
      connection = new Database(target.file, { timeout: 0 });
      connection.pragma("synchronous = NORMAL");
      // A checkpoint copies the WAL's pages into the database and syncs it; the send path
      // rewrites the same few pages with every message, so a longer WAL (40 MB at most instead of
      // 4) copies each of them once per many messages. The last connection to close checkpoints.
      connection.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    }
    return connection;
  };
  const prepared = (query: Prisma.Sql) => {
    let statement = statements.get(query.sql);
    if (!statement) {
      statement = open().prepare(query.sql);
      statements.set(query.sql, statement);
    }
    return statement;
  };
  const all = (query: Prisma.Sql) => prepared(query).all(...query.values.map(sqliteValue));
  // Made once: better-sqlite3 builds a wrapper (and its BEGIN/COMMIT statements) per call.
  let inTransaction:
    Database.Transaction<(batch: readonly Transaction[]) => unknown[][]> | undefined;
  const transactions = () => {
    inTransaction ??= open().transaction((batch) =>
      batch.map(({ queries, returning }) => {
        for (const query of queries) prepared(query).run(...query.values.map(sqliteValue));
        return returning ? all(returning) : [];
      }),
    );
    return inTransaction;
  };
  const transaction = groupCommit((batch: readonly Transaction[]) =>
    whenUnlocked(() => transactions().immediate(batch)),
  );
  return {
    all: <T>(query: Prisma.Sql) => whenUnlocked(() => all(query) as T[]),
    transaction: async <T>(queries: readonly Prisma.Sql[], returning?: Prisma.Sql) =>
      (await transaction({ queries, returning })) as T[],
    close: () => connection?.close(),
  };
}

/** Values as Prisma's SQLite adapter writes them, so both connections compare them alike. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Runs `work`, again after a short pause while another connection holds the write lock. */
async function whenUnlocked<T>(work: () => T): Promise<T> {
  const giveUpAt = Date.now() + BUSY_LIMIT_MS;
  for (;;) {
    try {
      return work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code?.startsWith("SQLITE_BUSY") || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    }
  }
}
