import {
  SUBSCRIBER_PAGE,
  type NewSubscriber,
  type Subscriber,
  type SubscriberPageQuery,
  type SubscriberStore,
} from "../subscribers/subscriber";
import type { Db } from "./create-database";
import type { DatabaseTarget } from "./database-target";

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

export function createSubscriberStore(
  db: Db,
  provider: DatabaseTarget["provider"],
): SubscriberStore {
  return {
    async findByEmail(email) {
      const row = await db.subscriber.findUnique({ where: { email }, include: withKeywords });
      return row ? toSubscriber(row) : null;
    },
    async findByEmails(emails) {
      const found: Subscriber[] = [];
      for (let start = 0; start < emails.length; start += SUBSCRIBER_PAGE) {
        const rows = await db.subscriber.findMany({
          where: { email: { in: emails.slice(start, start + SUBSCRIBER_PAGE) } },
          include: withKeywords,
        });
        found.push(...rows.map(toSubscriber));
      }
      return found;
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
    createMany: (subscribers) => createSubscribers(db, provider, subscribers),
    pages: (query = {}) => subscriberPages(db, query),
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

/**
 * New subscribers and their keywords in one transaction of two statements, each reading its rows
 * from one JSON array (one bound value, so no batch comes near SQLite's 32,766 bound variables):
 * through Prisma every bound value costs CPU, and createMany cost about a millisecond a
 * subscriber. The keywords find their subscriber's new id by address.
 */
async function createSubscribers(
  db: Db,
  provider: DatabaseTarget["provider"],
  subscribers: readonly NewSubscriber[],
): Promise<number> {
  const now = new Date();
  const people = JSON.stringify(
    subscribers.map(({ email, status, language, timeZone }) => ({
      email,
      status,
      language,
      timeZone,
    })),
  );
  const keywords = JSON.stringify(
    subscribers.flatMap(({ email, keywords }) =>
      keywords.map((query, position) => ({ email, query, position })),
    ),
  );
  const [added] = await db.$transaction(
    provider === "postgresql"
      ? [
          db.$executeRaw`
            INSERT INTO "Subscriber"
              ("email", "status", "language", "timeZone", "createdAt", "updatedAt", "confirmedAt")
            SELECT "email", CAST("status" AS "SubscriberStatus"), "language", "timeZone",
                   ${now}, ${now}, CASE WHEN "status" = 'active' THEN CAST(${now} AS timestamp(3)) END
            FROM jsonb_to_recordset(${people}::jsonb)
              AS r("email" text, "status" text, "language" text, "timeZone" text)`,
          db.$executeRaw`
            INSERT INTO "Keyword" ("subscriberId", "query", "position")
            SELECT s."id", k."query", k."position"
            FROM jsonb_to_recordset(${keywords}::jsonb) AS k("email" text, "query" text, "position" int)
            JOIN "Subscriber" s ON s."email" = k."email"`,
        ]
      : [
          db.$executeRaw`
            INSERT INTO "Subscriber"
              ("email", "status", "language", "timeZone", "createdAt", "updatedAt", "confirmedAt")
            SELECT value ->> 'email', value ->> 'status', value ->> 'language',
                   value ->> 'timeZone', ${now}, ${now},
                   CASE WHEN value ->> 'status' = 'active' THEN ${now} END
            FROM json_each(${people})`,
          db.$executeRaw`
            INSERT INTO "Keyword" ("subscriberId", "query", "position")
            SELECT s."id", k.value ->> 'query', k.value ->> 'position'
            FROM json_each(${keywords}) AS k
            JOIN "Subscriber" s ON s."email" = k.value ->> 'email'`,
        ],
  );
  return added ?? 0;
}

/**
 * Keyset pages (`id >= next ORDER BY id LIMIT n`): each page costs the same however far into
 * the list it is, and Prisma loads its keywords with one `IN` of at most a page of ids.
 */
async function* subscriberPages(
  db: Db,
  { status, toBeSentIn, fromId = 0, pageSize = SUBSCRIBER_PAGE }: SubscriberPageQuery,
): AsyncGenerator<Subscriber[]> {
  const pending =
    toBeSentIn === undefined
      ? {}
      : {
          deliveries: {
            some: {
              editionId: toBeSentIn,
              status: { in: ["queued" as const, "sending" as const] },
            },
          },
        };
  for (let next = fromId; ;) {
    const rows = await db.subscriber.findMany({
      where: { id: { gte: next }, ...(status && { status }), ...pending },
      include: withKeywords,
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (rows.length > 0) yield rows.map(toSubscriber);
    if (rows.length < pageSize) return;
    next = rows[rows.length - 1]!.id + 1;
  }
}
