import { DELIVERY_STATUSES } from "../mail/delivery";
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "./create-database";
import type { DatabaseTarget } from "./database-target";
import { rawStatements } from "./raw-statements";
import type { Claim, Delivery, DeliveryStore } from "../mail/delivery";
import { zeroedCounts } from "./zeroed-counts";

/** Stays well under SQLite's limit on bound parameters per statement. */
const QUERY_CHUNK = 5_000;
/** Rows per INSERT (four parameters each). */
const INSERT_CHUNK = 1_000;

/** The claimed delivery, if a row was claimed. */
function claimed(rows: readonly ClaimedRow[]): Delivery | null {
  const row = rows[0];
  return row
    ? {
        id: Number(row.id),
        editionId: Number(row.editionId),
        subscriberId: Number(row.subscriberId),
        status: "sending",
        attempts: Number(row.attempts),
      }
    : null;
}

/** A claimed row as the database returns it (integers may come back as bigint). */
interface ClaimedRow {
  id: number | bigint;
  editionId: number | bigint;
  subscriberId: number | bigint;
  attempts: number | bigint;
}

export function createDeliveryStore(db: Db, target: DatabaseTarget): DeliveryStore {
  /**
   * One statement: pick the oldest due row and take it only if it is still queued. On
   * PostgreSQL, SKIP LOCKED lets parallel senders pass over a row another one is taking.
   */
  const claimStatement = ({ editionId, now, leaseMs, linkTokenHash, only }: Claim) => {
    const lease = new Date(now.getTime() + leaseMs);
    const onlyClause = only === undefined ? Prisma.empty : Prisma.sql`AND "subscriberId" = ${only}`;
    const skipLocked =
      target.provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
    return Prisma.sql`
      UPDATE "Delivery"
      SET "status" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = ${lease},
          "handedOverAt" = NULL, "linkTokenHash" = ${linkTokenHash}, "updatedAt" = ${now}
      WHERE "id" = (
        SELECT "id" FROM "Delivery"
        WHERE "editionId" = ${editionId} AND "status" = 'queued'
          AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}) ${onlyClause}
        ORDER BY "id" LIMIT 1 ${skipLocked}
      ) AND "status" = 'queued'
      RETURNING "id", "editionId", "subscriberId", "attempts"`;
  };
  /**
   * The papers a digest carried. On SQLite one statement text for any number of papers (the ids
   * as one JSON array), so it is prepared once and binds 4 values instead of 4 per paper.
   */
  const insertMailed = (delivery: Delivery, arxivIds: readonly string[], now: Date) => {
    if (target.provider === "sqlite") {
      // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the join.
      return Prisma.sql`
        INSERT INTO "MailedPaper" ("subscriberId", "arxivId", "editionId", "createdAt")
        SELECT ${delivery.subscriberId}, "value", ${delivery.editionId}, ${now}
        FROM json_each(${JSON.stringify(arxivIds)}) WHERE true
        ON CONFLICT DO NOTHING`;
    }
    const rows = arxivIds.map(
      (arxivId) =>
        Prisma.sql`(${delivery.subscriberId}, ${arxivId}, ${delivery.editionId}, ${now})`,
    );
    return Prisma.sql`
      INSERT INTO "MailedPaper" ("subscriberId", "arxivId", "editionId", "createdAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT DO NOTHING`;
  };
  // The statements run once per message (claim, record) skip Prisma's query building.
  const hot = rawStatements(db, target);
  return {
    async statusBySubscriber(editionId, range) {
      const rows = await db.delivery.findMany({
        where: { editionId, subscriberId: { gte: range.from, lte: range.to } },
        select: { subscriberId: true, status: true },
      });
      return new Map(rows.map((row) => [row.subscriberId, row.status]));
    },
    async createMissing(editionId, subscriberIds) {
      // A row that exists (written earlier, or just now by another sender preparing the same
      // edition) is skipped by the unique (edition, subscriber) key: ON CONFLICT DO NOTHING works
      // on SQLite and PostgreSQL alike, and only inserted rows are counted. The caller already
      // left out the subscribers it knows have one, so nothing is read here first.
      let created = 0;
      const now = new Date();
      for (let start = 0; start < subscriberIds.length; start += INSERT_CHUNK) {
        const rows = subscriberIds
          .slice(start, start + INSERT_CHUNK)
          .map((subscriberId) => Prisma.sql`(${editionId}, ${subscriberId}, ${now}, ${now})`);
        created += await db.$executeRaw`
          INSERT INTO "Delivery" ("editionId", "subscriberId", "createdAt", "updatedAt")
          VALUES ${Prisma.join(rows)}
          ON CONFLICT DO NOTHING`;
      }
      return created;
    },
    async requeue(editionId, subscriberId, now) {
      const { count } = await db.delivery.updateMany({
        where: {
          editionId,
          subscriberId,
          OR: [{ status: { not: "sending" } }, { leaseUntil: { lt: now } }],
        },
        data: { status: "queued", nextAttemptAt: null, leaseUntil: null, attempts: 0 },
      });
      return count > 0;
    },
    async findForLink(id) {
      return db.delivery.findUnique({
        where: { id },
        select: { linkTokenHash: true, subscriberId: true },
      });
    },
    async claimNext(claim) {
      return claimed(await hot.all<ClaimedRow>(claimStatement(claim)));
    },
    async markSent(delivery, sent, next) {
      const now = new Date();
      const rows = await hot.transaction<ClaimedRow>(
        [
          Prisma.sql`
            UPDATE "Delivery"
            SET "status" = 'sent', "sentAt" = ${now}, "leaseUntil" = NULL, "lastError" = NULL,
                "messageId" = ${sent.messageId}, "subject" = ${sent.subject},
                "paperCount" = ${sent.arxivIds.length}, "updatedAt" = ${now}
            WHERE "id" = ${delivery.id}`,
          ...(sent.arxivIds.length === 0 ? [] : [insertMailed(delivery, sent.arxivIds, now)]),
        ],
        next && claimStatement(next),
      );
      return claimed(rows);
    },
    async mailedElsewhere(editionId, arxivIds, range) {
      const bySubscriber = new Map<number, Set<string>>();
      for (let start = 0; start < arxivIds.length; start += QUERY_CHUNK) {
        const rows = await db.mailedPaper.findMany({
          where: {
            arxivId: { in: arxivIds.slice(start, start + QUERY_CHUNK) },
            editionId: { not: editionId },
            subscriberId: { gte: range.from, lte: range.to },
          },
          select: { subscriberId: true, arxivId: true },
        });
        for (const row of rows) {
          const set = bySubscriber.get(row.subscriberId) ?? new Set<string>();
          set.add(row.arxivId);
          bySubscriber.set(row.subscriberId, set);
        }
      }
      return bySubscriber;
    },
    async markRetry(id, error, nextAttemptAt) {
      await db.delivery.update({
        where: { id },
        data: { status: "queued", lastError: error, nextAttemptAt, leaseUntil: null },
      });
    },
    async markFailed(id, error) {
      await db.delivery.update({
        where: { id },
        data: { status: "failed", lastError: error, leaseUntil: null },
      });
    },
    async markHandedOver(delivery, now) {
      // The claim is known by its attempt number: a row taken back and claimed again has another.
      // In the group commit on SQLite, so the senders' marks share their commits.
      const rows = await hot.transaction(
        [],
        Prisma.sql`
          UPDATE "Delivery" SET "handedOverAt" = ${now}
          WHERE "id" = ${delivery.id} AND "status" = 'sending' AND "attempts" = ${delivery.attempts}
          RETURNING "id"`,
      );
      return rows.length > 0;
    },
    async settleExpiredLeases(editionId, now) {
      const expired = { editionId, status: "sending", leaseUntil: { lt: now } } as const;
      const uncertain = await db.delivery.updateMany({
        where: { ...expired, handedOverAt: { not: null } },
        data: { status: "uncertain", lastError: "sender stopped during the send; fate unknown" },
      });
      const requeued = await db.delivery.updateMany({
        where: { ...expired, handedOverAt: null },
        data: {
          status: "queued",
          leaseUntil: null,
          lastError: "sender stopped before handing the message over; sent again",
        },
      });
      return { uncertain: uncertain.count, requeued: requeued.count };
    },
    async countSentSince(since) {
      return db.delivery.count({ where: { status: "sent", sentAt: { gte: since } } });
    },
    async countByStatus(editionId) {
      const groups = await db.delivery.groupBy({
        by: ["status"],
        where: { editionId },
        _count: { _all: true },
      });
      const counts = zeroedCounts(DELIVERY_STATUSES);
      for (const group of groups) counts[group.status] = group._count._all;
      return counts;
    },
    close: () => hot.close(),
  };
}
