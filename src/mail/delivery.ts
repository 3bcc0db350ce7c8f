/** Every state a delivery can be in (docs/glossary.md). */
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "uncertain"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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

/** Subscriber ids from `from` to `to`, both included: a page of subscribers, bound as two values. */
interface SubscriberRange {
  from: number;
  to: number;
}

interface SentDigest {
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
  /**
   * Puts one subscriber's delivery back in the queue, whatever became of it, for a resend the
   * operator asked for; refused (false) while another sender holds a live claim on it.
   */
  requeue(editionId: number, subscriberId: number, now: Date): Promise<boolean>;
  /** The state of each subscriber's delivery of this edition, for those in range who have one. */
  statusBySubscriber(
    editionId: number,
    range: SubscriberRange,
  ): Promise<Map<number, DeliveryStatus>>;
  /**
   * Records the send and the papers it carried, in one transaction; with `next`, claims the
   * next delivery in that same transaction (one commit per message instead of two).
   */
  markSent(delivery: Delivery, sent: SentDigest, next?: Claim): Promise<Delivery | null>;
  /** Of these papers, which each subscriber in range was already mailed in another edition. */
  mailedElsewhere(
    editionId: number,
    arxivIds: readonly string[],
    range: SubscriberRange,
  ): Promise<Map<number, Set<string>>>;
  markRetry(id: number, error: string, nextAttemptAt: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /**
   * Records, durably, that this claim's message is being handed over (see HandOver). False when
   * the claim is no longer this sender's (its lease ran out and the row was taken back): then the
   * message must not go out.
   */
  markHandedOver(delivery: Delivery, now: Date): Promise<boolean>;
  /**
   * Deliveries whose sender died mid-send (their lease ran out): those it had handed over may
   * have arrived, so they become `uncertain`; the others cannot have, and go back to the queue.
   */
  settleExpiredLeases(
    editionId: number,
    now: Date,
  ): Promise<{ uncertain: number; requeued: number }>;
  countByStatus(editionId: number): Promise<Record<DeliveryStatus, number>>;
  /** Messages handed over since `since`, over all editions (for the hourly limit). */
  countSentSince(since: Date): Promise<number>;
  /** Closes the send path's own connection, if it opened one. */
  close(): void;
}
