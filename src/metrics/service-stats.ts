import type { EditionStatus } from "../arxiv/edition";
import type { DeliveryStatus } from "../mail/delivery";
import type { SubscriberStatus } from "../subscribers/subscriber";

/** One edition as the operator sees it in `editions list` and `stats`. */
export interface EditionSummary {
  date: string;
  status: EditionStatus;
  announcedAt: Date;
  papers: number;
  deliveries: Record<DeliveryStatus, number>;
  /** Bounces and complaints reported after sending (DSN, ARF, webhooks) about its digests. */
  feedback: Record<FeedbackKind, number>;
}

/** What a report after sending says about a digest (see src/inbound/feedback.ts). */
export const FEEDBACK_KINDS = ["hard", "soft", "complaint"] as const;
type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Counts over the whole service, for `stats` and `/metrics`. */
export interface ServiceCounts {
  subscribers: Record<SubscriberStatus, number>;
  deliveries: Record<DeliveryStatus, number>;
  editions: Record<EditionStatus, number>;
  /** Stored translations (the cache): each paper version and language translated once. */
  translations: { stored: number; byProvider: Record<string, number> };
}

/** One subscriber's digest of one edition. */
interface SubscriberDigest {
  editionDate: string;
  status: DeliveryStatus;
  sentAt: Date | null;
  papers: number;
}

/** Read-only counts for the operator; one grouped query per table. */
export interface StatsStore {
  counts(): Promise<ServiceCounts>;
  latestEditions(limit: number): Promise<EditionSummary[]>;
  /** A subscriber's latest digests, newest edition first. */
  deliveriesOf(subscriberId: number, limit: number): Promise<SubscriberDigest[]>;
}
