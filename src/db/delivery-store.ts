import type { Db } from "./create-database";

export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "uncertain";

export interface Delivery {
  id: number;
  editionId: number;
  subscriberId: number;
  status: DeliveryStatus;
  attempts: number;
}

/** A sender's request for the next delivery that is due. */
export interface Claim {
  editionId: number;
  now: Date;
  leaseMs: number;
  /** Hash of the token the message's unsubscribe link will carry. */
  linkTokenHash: string;
  /** Only this subscriber's delivery. */
  only?: number;
}

export interface SentDigest {
  messageId: string;
  subject: string;
  arxivIds: readonly string[];
}

/** The outbox: one delivery per (edition, subscriber), moved through its states by claims. */
export interface DeliveryStore {
  /** Creates the deliveries that do not exist yet; returns how many were created. */
  createMissing(editionId: number, subscriberIds: readonly number[]): Promise<number>;
  /**
   * Takes the next queued delivery that is due, for `leaseMs`. The claim is a conditional
   * update, so two senders never take the same row.
   */
  claimNext(claim: Claim): Promise<Delivery | null>;
  /** The delivery whose unsubscribe link carries this id. */
  findForLink(id: number): Promise<{ linkTokenHash: string | null; subscriberId: number } | null>;
  /** Records the send and the papers it carried, in one transaction. */
  markSent(delivery: Delivery, sent: SentDigest): Promise<void>;
  /** Of these papers, which each subscriber was already mailed in another edition. */
  mailedElsewhere(
    editionId: number,
    arxivIds: readonly string[],
  ): Promise<Map<number, Set<string>>>;
  markRetry(id: number, error: string, nextAttemptAt: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Deliveries whose sender died mid-send: their fate is unknown, so they become `uncertain`. */
  markExpiredLeasesUncertain(editionId: number, now: Date): Promise<number>;
  countByStatus(editionId: number): Promise<Record<DeliveryStatus, number>>;
  /** Messages handed over since `since`, over all editions (for the hourly limit). */
  countSentSince(since: Date): Promise<number>;
}

export function createDeliveryStore(db: Db): DeliveryStore {
  return {
    async createMissing(editionId, subscriberIds) {
      const existing = await db.delivery.findMany({
        where: { editionId },
        select: { subscriberId: true },
      });
      const have = new Set(existing.map((d) => d.subscriberId));
      const missing = subscriberIds.filter((id) => !have.has(id));
      if (missing.length === 0) return 0;
      const { count } = await db.delivery.createMany({
        data: missing.map((subscriberId) => ({ editionId, subscriberId })),
      });
      return count;
    },
    async findForLink(id) {
      return db.delivery.findUnique({
        where: { id },
        select: { linkTokenHash: true, subscriberId: true },
      });
    },
    async claimNext({ editionId, now, leaseMs, linkTokenHash, only }) {
      for (;;) {
        const candidate = await db.delivery.findFirst({
          where: {
            editionId,
            status: "queued",
            OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
            ...(only === undefined ? {} : { subscriberId: only }),
          },
          orderBy: { id: "asc" },
        });
        if (!candidate) return null;
        const { count } = await db.delivery.updateMany({
          where: { id: candidate.id, status: "queued" },
          data: {
            status: "sending",
            attempts: { increment: 1 },
            leaseUntil: new Date(now.getTime() + leaseMs),
            linkTokenHash,
          },
        });
        if (count === 1) {
          return { ...candidate, status: "sending", attempts: candidate.attempts + 1 };
        }
      }
    },
    async markSent(delivery, sent) {
      await db.$transaction(async (tx) => {
        await tx.delivery.update({
          where: { id: delivery.id },
          data: {
            status: "sent",
            sentAt: new Date(),
            leaseUntil: null,
            lastError: null,
            messageId: sent.messageId,
            subject: sent.subject,
            paperCount: sent.arxivIds.length,
          },
        });
        const known = await tx.mailedPaper.findMany({
          where: { subscriberId: delivery.subscriberId, arxivId: { in: [...sent.arxivIds] } },
          select: { arxivId: true },
        });
        const have = new Set(known.map((k) => k.arxivId));
        await tx.mailedPaper.createMany({
          data: sent.arxivIds
            .filter((arxivId) => !have.has(arxivId))
            .map((arxivId) => ({
              subscriberId: delivery.subscriberId,
              arxivId,
              editionId: delivery.editionId,
            })),
        });
      });
    },
    async mailedElsewhere(editionId, arxivIds) {
      const bySubscriber = new Map<number, Set<string>>();
      for (let start = 0; start < arxivIds.length; start += 5_000) {
        const rows = await db.mailedPaper.findMany({
          where: {
            arxivId: { in: arxivIds.slice(start, start + 5_000) },
            editionId: { not: editionId },
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
    async markExpiredLeasesUncertain(editionId, now) {
      const { count } = await db.delivery.updateMany({
        where: { editionId, status: "sending", leaseUntil: { lt: now } },
        data: { status: "uncertain", lastError: "sender stopped during the send; fate unknown" },
      });
      return count;
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
      const counts = { queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0 };
      for (const group of groups) counts[group.status] = group._count._all;
      return counts;
    },
  };
}
