import { Prisma } from "../../src/generated/sqlite/client";
import { openDatabase } from "../../src/db/create-database";
import { databaseTarget } from "../../src/db/database-target";

/** Who the bulk list holds: `count` subscribers, a few of whom match `keyword`. */
export interface BulkList {
  count: number;
  /** Every `matchEvery`-th subscriber holds `keyword`; the others a query nothing matches. */
  matchEvery: number;
  /** Every `pausedEvery`-th subscriber is paused (and must get nothing). */
  pausedEvery: number;
  keyword: string;
}

/**
 * Writes a large list in two statements whatever its length (a recursive CTE counts the rows;
 * nothing binds a variable per row), then returns the addresses that should be mailed: active
 * subscribers holding `keyword`. Only for setting up tests and benches on an empty, migrated
 * database: the import command is the product's way in.
 */
export async function writeBulkList(databaseUrl: string, list: BulkList): Promise<string[]> {
  const target = databaseTarget(databaseUrl);
  const db = await openDatabase(target);
  const status = (name: string) =>
    target.provider === "postgresql"
      ? Prisma.sql`CAST(${name} AS "SubscriberStatus")`
      : Prisma.sql`${name}`;
  const now = new Date();
  try {
    await db.$executeRaw`
      INSERT INTO "Subscriber" ("email", "status", "createdAt", "updatedAt", "confirmedAt")
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${list.count})
      SELECT 'reader' || i || '@example.org',
             CASE WHEN i % ${list.pausedEvery} = 0 THEN ${status("paused")} ELSE ${status("active")} END,
             ${now}, ${now}, ${now}
      FROM n`;
    await db.$executeRaw`
      INSERT INTO "Keyword" ("subscriberId", "query", "position")
      SELECT "id",
             CASE WHEN "id" % ${list.matchEvery} = 0 THEN ${list.keyword}
                  ELSE 'zzyzx quaternion sandwich' END,
             0
      FROM "Subscriber"`;
    const rows = await db.subscriber.findMany({
      where: { status: "active", keywords: { some: { query: list.keyword } } },
      select: { email: true },
    });
    return rows.map((row) => row.email);
  } finally {
    await db.$disconnect();
  }
}
