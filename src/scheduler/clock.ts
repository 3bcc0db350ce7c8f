import { setTimeout as delay } from "node:timers/promises";

/**
 * Time as the scheduler sees it. Injected so its decisions can be tested at any hour of arXiv's
 * week, and its waits spent in no time.
 */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or at once when `signal` is aborted (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};
