/**
 * Every limit on translation, in one place. The timeout, concurrency and per-run cap come from
 * the configuration; the rest are fixed here. All of them serve one rule: translation may make a
 * digest poorer (English only for some papers), never late.
 */
export interface TranslatePolicy {
  /** Requests in flight at once (a local Ollama on a CPU wants 1). */
  concurrency: number;
  /** One request, answer included; an LLM writing six abstracts needs a while. */
  timeoutMs: number;
  /** Papers translated per run at most; the rest are shown in English (TRANSLATOR_MAX_PAPERS). */
  maxPapers: number;
  /** Tries of one request on 429, 5xx, timeouts and dropped connections. */
  maxAttempts: number;
  /** Backoff after a 5xx or timeout: 2 s, 4 s, 8 s … up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited out: those papers go without this run. */
  maxRetryAfterMs: number;
  /** Times one paper is asked for at most, counting re-asks after a partial or bad answer. */
  maxAsksPerPaper: number;
  /** The whole translation stage stops starting requests after this long, so mail goes out. */
  runBudgetMs: number;
}

export const DEFAULT_TRANSLATE_POLICY: TranslatePolicy = {
  concurrency: 2,
  timeoutMs: 120_000,
  maxPapers: 500,
  maxAttempts: 4,
  backoffBaseMs: 2_000,
  backoffMaxMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxAsksPerPaper: 3,
  runBudgetMs: 20 * 60_000,
};

/** The waits and the clock, injected so tests can watch retries without spending the time. */
export interface RetryClock {
  sleep(ms: number): Promise<void>;
  now(): number;
}

export const REAL_CLOCK: RetryClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};
