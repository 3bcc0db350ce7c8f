import type { Logger } from "pino";
import type { RetryClock, TranslatePolicy } from "./translate-policy";
import { TranslatorRequestError } from "./translator-errors";

export interface RetryContext {
  policy: TranslatePolicy;
  clock: RetryClock;
  /** Epoch ms after which no wait is started (the run's budget). */
  deadline: number;
  logger?: Pick<Logger, "warn">;
}

/**
 * Sends one request until it is answered: 429 waits for Retry-After (backoff without one), 5xx,
 * timeouts and dropped connections back off exponentially, up to `maxAttempts` tries. A refusal
 * that will not change (400, 401, 403, 404, quota) is thrown at once, and so is a wait longer
 * than the policy or the run's budget allows: a late digest is worse than an untranslated paper.
 */
export async function requestWithRetry<T>(
  send: () => Promise<T>,
  context: RetryContext,
): Promise<T> {
  const { policy, clock } = context;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof TranslatorRequestError)) throw error;
      if (error.failure === "fatal" || error.failure === "rejected") throw error;
      if (attempt >= policy.maxAttempts) {
        throw new TranslatorRequestError(
          `gave up after ${attempt} attempts: ${error.message}`,
          "transient",
          error.status,
        );
      }
      const backoff = Math.min(policy.backoffBaseMs * 2 ** (attempt - 1), policy.backoffMaxMs);
      const delay = error.failure === "rate-limited" ? (error.retryAfterMs ?? backoff) : backoff;
      if (error.failure === "rate-limited" && delay > policy.maxRetryAfterMs) {
        throw new TranslatorRequestError(
          `${error.message}; the server asks to wait ${Math.ceil(delay / 1000)} s, longer than this run will`,
          "transient",
          error.status,
        );
      }
      if (clock.now() + delay > context.deadline) {
        throw new TranslatorRequestError(
          `${error.message}; no time left in this run to try again`,
          "transient",
          error.status,
        );
      }
      context.logger?.warn(
        { attempt, delayMs: delay, reason: error.message },
        "translation request failed; trying again",
      );
      await clock.sleep(delay);
    }
  }
}
