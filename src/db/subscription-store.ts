import type { Db } from "./create-database";
import {
  toSubscriber,
  withKeywords,
  type ChineseVariant,
  type Subscriber,
  type SubscriberStatus,
} from "./subscriber-store";

/** A subscriber with the hashes its links are checked against. */
interface SubscriberWithTokens {
  subscriber: Subscriber;
  confirmTokenHash: string | null;
  confirmTokenExpiresAt: Date | null;
  manageTokenHash: string | null;
}

/** A request to subscribe, stored as a pending subscriber until the link in the mail is used. */
interface PendingRequest {
  email: string;
  keywords: readonly string[];
  language: ChineseVariant;
  timeZone: string;
  now: Date;
}

interface SubscriberSettings {
  language?: ChineseVariant;
  timeZone?: string;
}

/**
 * What the subscription pages and mails need from the database beyond `SubscriberStore`:
 * tokens, the per-address mail limit, requests that expire, settings and keyword edits.
 */
export interface SubscriptionStore {
  findWithTokens(id: number): Promise<SubscriberWithTokens | null>;
  findWithTokensByEmail(email: string): Promise<SubscriberWithTokens | null>;
  /**
   * Creates the address as pending, or turns an address that is not subscribed (pending, left,
   * bounced) pending again with these keywords. Active and paused subscribers are not touched.
   */
  savePending(request: PendingRequest): Promise<Subscriber>;
  /**
   * Takes the address's one link mail for the hour: true (and the time recorded) when none went
   * out since `notSince`. A conditional update, so two requests at once cannot both mail.
   */
  claimLinkMail(id: number, now: Date, notSince: Date): Promise<boolean>;
  /** Gives back a claimed link mail that could not be sent. */
  releaseLinkMail(id: number): Promise<void>;
  setConfirmToken(id: number, hash: string, expiresAt: Date): Promise<void>;
  setManageToken(id: number, hash: string): Promise<void>;
  /** pending → active; false when the subscriber was not pending. */
  activate(id: number, now: Date): Promise<boolean>;
  /** Moves the subscriber from one of `from` to `to`; false when it was in none of them. */
  changeStatus(
    id: number,
    from: readonly SubscriberStatus[],
    to: SubscriberStatus,
  ): Promise<boolean>;
  replaceKeywords(id: number, keywords: readonly string[]): Promise<Subscriber>;
  updateSettings(id: number, settings: SubscriberSettings): Promise<Subscriber>;
  /**
   * Requests pending since before `cutoff` expire: never-confirmed addresses are deleted, ones
   * that were subscribed before go back to unsubscribed. Returns how many expired.
   */
  expirePending(cutoff: Date): Promise<number>;
  /** The delivery a digest link names, with its edition's date and its subscriber (one query). */
  findDeliveryForLink(
    id: number,
  ): Promise<{ linkTokenHash: string | null; subscriber: Subscriber; editionDate: string } | null>;
}

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
      const { count } = await db.subscriber.updateMany({
        where: { id, status: "pending" },
        data: { status: "active", confirmedAt: now, pendingSince: null, hardBounces: 0 },
      });
      return count > 0;
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
