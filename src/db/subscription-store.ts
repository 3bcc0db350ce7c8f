import type { SubscriberWithTokens, SubscriptionStore } from "../subscribers/subscription";
import type { Db } from "./create-database";
import { toSubscriber, withKeywords } from "./subscriber-store";

type TokenRow = Parameters<typeof toSubscriber>[0] & {
  confirmTokenHash: string | null;
  confirmTokenExpiresAt: Date | null;
  manageTokenHash: string | null;
};

function withTokens(row: TokenRow | null): SubscriberWithTokens | null {
  if (!row) return null;
  return {
    subscriber: toSubscriber(row),
    confirmTokenHash: row.confirmTokenHash,
    confirmTokenExpiresAt: row.confirmTokenExpiresAt,
    manageTokenHash: row.manageTokenHash,
  };
}

const keywordRows = (keywords: readonly string[]) =>
  keywords.map((query, position) => ({ query, position }));

/** The subscription store over Prisma (SQLite or PostgreSQL alike). */
export function createSubscriptionStore(db: Db): SubscriptionStore {
  const find = async (id: number) =>
    toSubscriber(await db.subscriber.findUniqueOrThrow({ where: { id }, include: withKeywords }));
  return {
    async findWithTokens(id) {
      return withTokens(await db.subscriber.findUnique({ where: { id }, include: withKeywords }));
    },
    async findWithTokensByEmail(email) {
      return withTokens(
        await db.subscriber.findUnique({ where: { email }, include: withKeywords }),
      );
    },
    async savePending(r) {
      const fields = { language: r.language, timeZone: r.timeZone };
      const row = await db.subscriber.upsert({
        where: { email: r.email },
        create: {
          email: r.email,
          status: "pending",
          ...fields,
          pendingSince: r.now,
          keywords: { create: keywordRows(r.keywords) },
        },
        update: {},
      });
      if (row.status === "active" || row.status === "paused") return find(row.id);
      await db.$transaction([
        db.subscriber.update({
          where: { id: row.id },
          data: {
            ...fields,
            status: "pending",
            pendingSince: row.status === "pending" ? (row.pendingSince ?? r.now) : r.now,
          },
        }),
        db.keyword.deleteMany({ where: { subscriberId: row.id } }),
        db.keyword.createMany({
          data: keywordRows(r.keywords).map((k) => ({ ...k, subscriberId: row.id })),
        }),
      ]);
      return find(row.id);
    },
    async claimLinkMail(id, now, notSince) {
      const { count } = await db.subscriber.updateMany({
        where: { id, OR: [{ linkMailedAt: null }, { linkMailedAt: { lt: notSince } }] },
        data: { linkMailedAt: now },
      });
      return count > 0;
    },
    async releaseLinkMail(id) {
      await db.subscriber.update({ where: { id }, data: { linkMailedAt: null } });
    },
    async setConfirmToken(id, hash, expiresAt) {
      await db.subscriber.update({
        where: { id },
        data: { confirmTokenHash: hash, confirmTokenExpiresAt: expiresAt },
      });
    },
    async setManageToken(id, hash) {
      await db.subscriber.update({ where: { id }, data: { manageTokenHash: hash } });
    },
    async activate(id, now) {
      return db.$transaction(async (tx) => {
        const row = await tx.subscriber.findUnique({ where: { id }, select: { email: true } });
        const { count } = await tx.subscriber.updateMany({
          where: { id, status: "pending" },
          data: { status: "active", confirmedAt: now, pendingSince: null, hardBounces: 0 },
        });
        if (count > 0 && row) await tx.suppression.deleteMany({ where: { email: row.email } });
        return count > 0;
      });
    },
    async changeStatus(id, from, to) {
      const { count } = await db.subscriber.updateMany({
        where: { id, status: { in: [...from] } },
        data: { status: to },
      });
      return count > 0;
    },
    async replaceKeywords(id, keywords) {
      await db.$transaction([
        db.keyword.deleteMany({ where: { subscriberId: id } }),
        db.keyword.createMany({
          data: keywordRows(keywords).map((k) => ({ ...k, subscriberId: id })),
        }),
      ]);
      return find(id);
    },
    async updateSettings(id, settings) {
      await db.subscriber.update({ where: { id }, data: settings });
      return find(id);
    },
    async expirePending(cutoff) {
      const stale = {
        status: "pending" as const,
        OR: [{ pendingSince: { lt: cutoff } }, { pendingSince: null, createdAt: { lt: cutoff } }],
      };
      const cleared = { confirmTokenHash: null, confirmTokenExpiresAt: null, pendingSince: null };
      const [deleted, reverted] = await db.$transaction([
        db.subscriber.deleteMany({ where: { ...stale, confirmedAt: null } }),
        db.subscriber.updateMany({
          where: { ...stale, confirmedAt: { not: null } },
          data: { status: "unsubscribed", ...cleared },
        }),
      ]);
      return deleted.count + reverted.count;
    },
    async findDeliveryForLink(id) {
      const row = await db.delivery.findUnique({
        where: { id },
        select: {
          linkTokenHash: true,
          subscriber: { include: withKeywords },
          edition: { select: { date: true } },
        },
      });
      return row
        ? {
            linkTokenHash: row.linkTokenHash,
            subscriber: toSubscriber(row.subscriber),
            editionDate: row.edition.date,
          }
        : null;
    },
  };
}
