import type { Logger } from "pino";
import { withRetry } from "../http/retry";
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
export function requestWithRetry<T>(send: () => Promise<T>, context: RetryContext): Promise<T> {
  return withRetry(send, {
    policy: context.policy,
    clock: context.clock,
    deadline: context.deadline,
    isRetryable: (error): error is TranslatorRequestError =>
      error instanceof TranslatorRequestError &&
      (error.failure === "transient" || error.failure === "rate-limited"),
    // Only a 429's Retry-After is waited for; a 5xx backs off by the policy whatever it says.
    retryAfterMs: (error) => (error.failure === "rate-limited" ? error.retryAfterMs : undefined),
    giveUp: (message, error) => new TranslatorRequestError(message, "transient", error.status),
    onRetry: (error, attempt, delayMs) =>
      context.logger?.warn(
        { attempt, delayMs, reason: error.message },
        "translation request failed; trying again",
      ),
  });
}
