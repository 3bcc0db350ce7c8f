import { setTimeout as delay } from "node:timers/promises";
import { describeRequestFailure, FeedError } from "../errors";
import { retryAfterMs } from "../http/retry-after";
import { withRetry } from "../http/retry";
import { FeedTooLarge, readBoundedText } from "./read-bounded";

/** What a conditional GET sends back to the server: the validators of the last answer. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  { kind: "not-modified" } | { kind: "fetched"; xml: string; validators: FeedValidators };

/** arXiv's terms: one connection at a time, at most one request every 3 seconds. */
const ARXIV_POLITENESS = {
  spacingMs: 3_000,
  timeoutMs: 30_000,
  maxAttempts: 4,
  /** Backoff after a timeout or 5xx: 10 s, 20 s, 40 s … */
  backoffBaseMs: 10_000,
  /** A Retry-After longer than this is not waited out; the feed fails for this run. */
  maxRetryAfterMs: 5 * 60_000,
} as const;

export type Politeness = { [K in keyof typeof ARXIV_POLITENESS]: number };

export interface FeedFetcherOptions {
  baseUrl: string;
  userAgent: string;
  policy?: Partial<Politeness>;
  /** Injected so tests can observe the waits without spending them; `signal` cuts one short. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Told, in one line, each failed try that will be tried again and when. */
  onRetry?: (line: string) => void;
}

/** A failed attempt that may succeed later, and how long the server asked us to wait. */
class RetryableAnswer extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Downloads arXiv feeds politely: requests strictly one after another and spaced, a User-Agent
 * naming the operator, conditional GET, a timeout per request, and retries with backoff on
 * timeouts, 5xx and 429 (honouring Retry-After). Compression is negotiated by fetch itself.
 */
export class FeedFetcher {
  private readonly policy: Politeness;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private lastRequestAt = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FeedFetcherOptions) {
    this.policy = { ...ARXIV_POLITENESS, ...options.policy };
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.now = options.now ?? Date.now;
  }

  /**
   * Fetches one feed (e.g. "cs" or "stat.ML"); calls are serialised, never concurrent. `signal`
   * (the service stopping) ends the request, the spacing and every backoff wait at once.
   */
  fetch(
    feed: string,
    validators: FeedValidators = {},
    signal?: AbortSignal,
  ): Promise<FetchOutcome> {
    const run = this.queue.then(() => this.fetchWithRetries(feed, validators, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fetchWithRetries(
    feed: string,
    validators: FeedValidators,
    signal?: AbortSignal,
  ): Promise<FetchOutcome> {
    const url = feedUrl(this.options.baseUrl, feed);
    const { maxAttempts } = this.policy;
    try {
      return await withRetry(() => this.attempt(url, validators, signal), {
        policy: this.policy,
        clock: { sleep: (ms) => this.sleep(ms, signal), now: this.now },
        isRetryable: (error): error is RetryableAnswer =>
          error instanceof RetryableAnswer && !signal?.aborted,
        retryAfterMs: (answer) => answer.retryAfterMs,
        giveUp: (message) => new FeedError(message, url),
        onRetry: (failure, attempt, delayMs) =>
          this.options.onRetry?.(
            `${url}: ${failure.message}; trying again in ${Math.ceil(delayMs / 1000)} s (attempt ${attempt + 1} of ${maxAttempts})`,
          ),
      });
    } catch (error) {
      if (signal?.aborted) throw new FeedError("not fetched: the service is stopping", url);
      throw error;
    }
  }

  private async attempt(
    url: string,
    validators: FeedValidators,
    signal?: AbortSignal,
  ): Promise<FetchOutcome> {
    const wait = this.lastRequestAt + this.policy.spacingMs - this.now();
    if (wait > 0) await this.sleep(wait, signal);
    this.lastRequestAt = this.now();
    const headers: Record<string, string> = { "User-Agent": this.options.userAgent };
    if (validators.etag) headers["If-None-Match"] = validators.etag;
    if (validators.lastModified) headers["If-Modified-Since"] = validators.lastModified;
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(this.policy.timeoutMs);
      response = await fetch(url, {
        headers,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new RetryableAnswer(`request ${describeRequestFailure(error)}`);
    }
    if (response.status === 304) return { kind: "not-modified" };
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new RetryableAnswer(
        `HTTP ${response.status}`,
        retryAfterMs(response.headers.get("retry-after"), this.now()),
      );
    }
    if (!response.ok) throw new FeedError(`arXiv answered HTTP ${response.status}`, url);
    let xml: string;
    try {
      // Leaving the loop early (too large) cancels the body, so the rest is never downloaded.
      xml = await readBoundedText((response.body ?? []) as AsyncIterable<Uint8Array>);
    } catch (error) {
      if (error instanceof FeedTooLarge) throw new FeedError(error.message, url);
      throw new RetryableAnswer(`reading the answer ${describeRequestFailure(error)}`);
    }
    return {
      kind: "fetched",
      xml,
      validators: {
        etag: response.headers.get("etag") ?? undefined,
        lastModified: response.headers.get("last-modified") ?? undefined,
      },
    };
  }
}

/** Where one feed ("cs", "stat.ML") is served under ARXIV_FEED_URL. */
export function feedUrl(baseUrl: string, feed: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${feed}`;
}
