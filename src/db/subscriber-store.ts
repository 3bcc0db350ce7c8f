import type { Subscriber, SubscriberStore } from "../subscribers/subscriber";
import type { Db } from "./create-database";

/** The include that loads a subscriber's keywords in their order (for `toSubscriber`). */
export const withKeywords = { keywords: { orderBy: { position: "asc" as const } } };

type Row = Awaited<ReturnType<Db["subscriber"]["findFirstOrThrow"]>> & {
  keywords: { query: string }[];
};

/** A subscriber row loaded `withKeywords`, as the rest of the program sees it. */
export function toSubscriber(row: Row): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    language: row.language === "zh-TW" ? "zh-TW" : "zh-CN",
    timeZone: row.timeZone,
    hardBounces: row.hardBounces,
    createdAt: row.createdAt,
    keywords: row.keywords.map((k) => k.query),
  };
}

export function createSubscriberStore(db: Db): SubscriberStore {
  return {
    async findByEmail(email) {
      const row = await db.subscriber.findUnique({ where: { email }, include: withKeywords });
      return row ? toSubscriber(row) : null;
    },
    async create(s) {
      const row = await db.subscriber.create({
        data: {
          email: s.email,
          status: s.status,
          language: s.language,
          timeZone: s.timeZone,
          confirmedAt: s.status === "active" ? new Date() : null,
          keywords: { create: s.keywords.map((query, position) => ({ query, position })) },
        },
        include: withKeywords,
      });
      return toSubscriber(row);
    },
    async list() {
      const rows = await db.subscriber.findMany({ include: withKeywords, orderBy: { id: "asc" } });
      return rows.map(toSubscriber);
    },
    async listActive() {
      const rows = await db.subscriber.findMany({
        where: { status: "active" },
        include: withKeywords,
        orderBy: { id: "asc" },
      });
      return rows.map(toSubscriber);
    },
    async findByIds(ids) {
      const rows = await db.subscriber.findMany({
        where: { id: { in: [...ids] } },
        include: withKeywords,
      });
      return rows.map(toSubscriber);
    },
    async unsubscribe(id) {
      const { count } = await db.subscriber.updateMany({
        where: { id, status: { not: "unsubscribed" } },
        data: { status: "unsubscribed" },
      });
      return count > 0;
    },
    async recordHardBounce(id, limit) {
      const row = await db.subscriber.update({
        where: { id },
        data: { hardBounces: { increment: 1 } },
      });
      if (row.hardBounces < limit || row.status !== "active") return row.status;
      const detail = `${row.hardBounces} hard bounces in a row`;
      await db.$transaction([
        db.subscriber.update({ where: { id }, data: { status: "bounced" } }),
        db.suppression.upsert({
          where: { email: row.email },
          create: { email: row.email, reason: "bounce", detail },
          update: {},
        }),
      ]);
      return "bounced";
    },
    async clearHardBounces(id) {
      await db.subscriber.updateMany({
        where: { id, hardBounces: { gt: 0 } },
        data: { hardBounces: 0 },
      });
    },
    async remove(email) {
      const { count } = await db.subscriber.deleteMany({ where: { email } });
      return count > 0;
    },
  };
}
