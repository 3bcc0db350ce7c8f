import { describeRequestFailure, FeedError } from "../errors";
import { retryAfterMs } from "../http/retry-after";
import { withRetry } from "../http/retry";

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
  /** Injected so tests can observe the waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
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
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private lastRequestAt = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FeedFetcherOptions) {
    this.policy = { ...ARXIV_POLITENESS, ...options.policy };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /** Fetches one feed (e.g. "cs" or "stat.ML"); calls are serialised, never concurrent. */
  fetch(feed: string, validators: FeedValidators = {}): Promise<FetchOutcome> {
    const run = this.queue.then(() => this.fetchWithRetries(feed, validators));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private fetchWithRetries(feed: string, validators: FeedValidators): Promise<FetchOutcome> {
    const url = feedUrl(this.options.baseUrl, feed);
    return withRetry(() => this.attempt(url, validators), {
      policy: this.policy,
      clock: { sleep: this.sleep, now: this.now },
      isRetryable: (error): error is RetryableAnswer => error instanceof RetryableAnswer,
      retryAfterMs: (answer) => answer.retryAfterMs,
      giveUp: (message) => new FeedError(message, url),
    });
  }

  private async attempt(url: string, validators: FeedValidators): Promise<FetchOutcome> {
    const wait = this.lastRequestAt + this.policy.spacingMs - this.now();
    if (wait > 0) await this.sleep(wait);
    this.lastRequestAt = this.now();
    const headers: Record<string, string> = { "User-Agent": this.options.userAgent };
    if (validators.etag) headers["If-None-Match"] = validators.etag;
    if (validators.lastModified) headers["If-Modified-Since"] = validators.lastModified;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(this.policy.timeoutMs) });
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
      xml = await response.text();
    } catch (error) {
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
