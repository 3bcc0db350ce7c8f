/**
 * The sending limits in one place: the SMTP pool and the delivery worker both read them.
 */
export const SEND_POLICY = {
  /** Digests rendered and handed to the transport at once. */
  concurrency: 5,
  /** A claim lasts this long; a sender silent for longer is presumed dead. */
  leaseMs: 10 * 60_000,
  /** Transient failures (4xx, timeouts) are retried this many times in all. */
  maxAttempts: 5,
  /** First retry after a minute, doubling, never more than an hour apart. */
  retryBaseMs: 60_000,
  retryMaxMs: 60 * 60_000,
} as const;

/** When to try again after the given number of attempts. */
export function nextAttemptAt(now: Date, attempts: number): Date {
  const delay = Math.min(SEND_POLICY.retryBaseMs * 2 ** (attempts - 1), SEND_POLICY.retryMaxMs);
  return new Date(now.getTime() + delay);
}
