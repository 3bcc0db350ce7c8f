/** Every state a subscriber can be in. */
export const SUBSCRIBER_STATUSES = [
  "pending",
  "active",
  "paused",
  "unsubscribed",
  "bounced",
] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/** Still on the list (asked, receiving or paused): the states one can leave from. */
export const ON_THE_LIST: readonly SubscriberStatus[] = ["pending", "active", "paused"];
export type ChineseVariant = "zh-CN" | "zh-TW";

/** A subscriber with their keyword queries in their chosen order. */
export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  language: ChineseVariant;
  timeZone: string;
  /** Permanent refusals of the address in a row. */
  hardBounces: number;
  createdAt: Date;
  keywords: string[];
}

export interface NewSubscriber {
  email: string;
  keywords: string[];
  status: SubscriberStatus;
  language: ChineseVariant;
  timeZone: string;
}

/** Which subscribers `SubscriberStore.pages` reads. */
export interface SubscriberPageQuery {
  status?: SubscriberStatus;
  /** Only those with a delivery of this edition still to be sent (queued or sending). */
  toBeSentIn?: number;
  /** The first id to read (inclusive). */
  fromId?: number;
  /** Rows per page (default SUBSCRIBER_PAGE). */
  pageSize?: number;
}

/**
 * Subscribers read per page: keywords come with each page in one statement binding one variable
 * per subscriber, so a page stays well under SQLite's 32,766.
 */
export const SUBSCRIBER_PAGE = 1_000;

/** Collects every page (for a caller whose output is the whole list anyway). */
export async function allPages<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

/** The subscription data the pipeline and the CLI read and write. */
export interface SubscriberStore {
  findByEmail(email: string): Promise<Subscriber | null>;
  /** Those of these addresses that are subscribers (read SUBSCRIBER_PAGE addresses a statement). */
  findByEmails(emails: readonly string[]): Promise<Subscriber[]>;
  create(subscriber: NewSubscriber): Promise<Subscriber>;
  /**
   * Adds these subscribers (none of them on the list yet) with their keywords, in one
   * transaction with a few multi-row statements: the import's way in. Returns how many.
   */
  createMany(subscribers: readonly NewSubscriber[]): Promise<number>;
  /**
   * Every subscriber the query selects, in id order, a page at a time: a list of any length is
   * read with a bounded number of bound variables per statement and a bounded window in memory.
   */
  pages(query?: SubscriberPageQuery): AsyncIterable<Subscriber[]>;
  remove(email: string): Promise<boolean>;
  /** Marks the subscriber as gone; returns false when they had already left. */
  unsubscribe(id: number): Promise<boolean>;
  /**
   * Counts a permanent refusal of the address; at `limit` in a row it is marked bounced and put on
   * the suppression list (suppression.ts), together.
   */
  recordHardBounce(id: number, limit: number): Promise<SubscriberStatus>;
  /** A message went through: the run of refusals is over. */
  clearHardBounces(id: number): Promise<void>;
}
