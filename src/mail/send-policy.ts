import type { SmtpPoolPolicy } from "../transport/create-mail-transport";

/**
 * Every limit on sending, in one place: the SMTP pool (create-mail-transport.ts) and the delivery
 * worker (send-edition.ts) both read it. The rates and the lease come from the configuration;
 * the rest are fixed here.
 */
export interface SendPolicy extends SmtpPoolPolicy {
  /** SMTP connections kept open at once, and messages per connection before it is renewed. */
  maxConnections: number;
  maxMessages: number;
  /** Messages per second over all connections (nodemailer's own limiter enforces it). */
  ratePerSecond: number;
  /** Messages per rolling hour; 0 means no hourly limit. A run that reaches it stops cleanly. */
  ratePerHour: number;
  /** Digests being rendered and handed over at once (one per SMTP connection). */
  concurrency: number;
  /** How long a claim lasts; a claim older than this belongs to a sender presumed dead. */
  leaseMs: number;
  /** Transient failures (4xx, timeouts, dropped connections) are tried this many times in all. */
  maxAttempts: number;
  /** First retry after a minute, doubling, never more than an hour apart. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Permanent refusals in a row after which an address counts as bounced and is skipped. */
  hardBounceLimit: number;
  /** SMTP timeouts; together they bound one send well below the lease. */
  connectionTimeoutMs: number;
  socketTimeoutMs: number;
}

export const DEFAULT_SEND_POLICY: SendPolicy = {
  maxConnections: 5,
  maxMessages: 100,
  ratePerSecond: 20,
  ratePerHour: 0,
  concurrency: 5,
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
  retryBaseMs: 60_000,
  retryMaxMs: 60 * 60_000,
  hardBounceLimit: 3,
  connectionTimeoutMs: 30_000,
  socketTimeoutMs: 60_000,
};

/** When to try again after the given number of attempts. */
export function nextAttemptAt(policy: SendPolicy, now: Date, attempts: number): Date {
  const delay = Math.min(policy.retryBaseMs * 2 ** (attempts - 1), policy.retryMaxMs);
  return new Date(now.getTime() + delay);
}
