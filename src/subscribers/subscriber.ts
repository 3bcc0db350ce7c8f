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

interface NewSubscriber {
  email: string;
  keywords: string[];
  status: SubscriberStatus;
  language: ChineseVariant;
  timeZone: string;
}

/** The subscription data the pipeline and the CLI read and write. */
export interface SubscriberStore {
  findByEmail(email: string): Promise<Subscriber | null>;
  create(subscriber: NewSubscriber): Promise<Subscriber>;
  list(): Promise<Subscriber[]>;
  listActive(): Promise<Subscriber[]>;
  findByIds(ids: readonly number[]): Promise<Subscriber[]>;
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
