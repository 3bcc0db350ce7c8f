/** How many tries one request gets, and how long to wait between them. */
interface RetryPolicy {
  maxAttempts: number;
  /** The first backoff; each later one doubles it. */
  backoffBaseMs: number;
  /** No backoff is longer than this (default: no cap). */
  backoffMaxMs?: number;
  /** A wait the server asks for (Retry-After) longer than this is not waited out. */
  maxRetryAfterMs: number;
}

export interface RetryOptions<E extends Error> {
  policy: RetryPolicy;
  /** Injected so tests can watch the waits without spending them. */
  clock: { sleep(ms: number): Promise<void>; now(): number };
  /** Whether a thrown error may pass on another try; any other error is thrown as it is. */
  isRetryable(error: unknown): error is E;
  /** The wait the server asked for, when this failure honours it; else the backoff is used. */
  retryAfterMs(failure: E): number | undefined;
  /** The error thrown when no further try is made, from one line that says why. */
  giveUp(message: string, failure: E): Error;
  /** Epoch ms after which no wait is started (a run's budget). */
  deadline?: number;
  /** Told before each wait, to log it. */
  onRetry?(failure: E, attempt: number, delayMs: number): void;
}

/**
 * Runs `send` until it succeeds, waiting between tries as the server asks (Retry-After) or else
 * backing off exponentially. The arXiv fetcher and the translators share it, each with its own
 * policy: giving up with a clear line beats waiting longer than the run can afford.
 */
export async function withRetry<T, E extends Error>(
  send: () => Promise<T>,
  options: RetryOptions<E>,
): Promise<T> {
  const { policy, clock } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!options.isRetryable(error)) throw error;
      if (attempt >= policy.maxAttempts) {
        throw options.giveUp(`gave up after ${attempt} attempts: ${error.message}`, error);
      }
      const asked = options.retryAfterMs(error);
      if (asked !== undefined && asked > policy.maxRetryAfterMs) {
        const seconds = Math.ceil(asked / 1000);
        throw options.giveUp(
          `${error.message}; the server asks to wait ${seconds} s, longer than this run will`,
          error,
        );
      }
      const backoff = policy.backoffBaseMs * 2 ** (attempt - 1);
      const delay = asked ?? Math.min(backoff, policy.backoffMaxMs ?? Infinity);
      if (options.deadline !== undefined && clock.now() + delay > options.deadline) {
        throw options.giveUp(`${error.message}; no time left in this run to try again`, error);
      }
      options.onRetry?.(error, attempt, delay);
      await clock.sleep(delay);
    }
  }
}
