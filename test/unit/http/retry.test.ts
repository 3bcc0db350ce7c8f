import { withRetry, type RetryOptions } from "../../../src/http/retry";

class Busy extends Error {
  constructor(readonly retryAfterMs?: number) {
    super("HTTP 503");
  }
}

/** Fails with the given answers in turn, then succeeds; sleeps are recorded and pass at once. */
function attempt(failures: (Busy | Error)[], extra: Partial<RetryOptions<Busy>> = {}) {
  const sleeps: number[] = [];
  let now = 0;
  let calls = 0;
  const result = withRetry(
    async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return "ok";
    },
    {
      policy: { maxAttempts: 4, backoffBaseMs: 1_000, backoffMaxMs: 3_000, maxRetryAfterMs: 9_000 },
      clock: { sleep: async (ms) => void (sleeps.push(ms), (now += ms)), now: () => now },
      isRetryable: (error): error is Busy => error instanceof Busy,
      retryAfterMs: (busy) => busy.retryAfterMs,
      giveUp: (message) => new Error(`feed: ${message}`),
      ...extra,
    },
  );
  return { result, sleeps, calls: () => calls };
}

describe("withRetry", () => {
  it("backs off by doubling up to the cap, and waits as Retry-After says", async () => {
    const run = attempt([new Busy(), new Busy(5_000), new Busy()]);
    await expect(run.result).resolves.toBe("ok");
    expect(run.sleeps).toEqual([1_000, 5_000, 3_000]);
  });

  it("gives up after its attempts, through the caller's error", async () => {
    const run = attempt([new Busy(), new Busy(), new Busy(), new Busy()]);
    await expect(run.result).rejects.toThrow("feed: gave up after 4 attempts: HTTP 503");
  });

  it("does not wait out a Retry-After longer than the policy allows", async () => {
    const run = attempt([new Busy(60_000)]);
    await expect(run.result).rejects.toThrow(
      "feed: HTTP 503; the server asks to wait 60 s, longer than this run will",
    );
    expect(run.sleeps).toEqual([]);
  });

  it("starts no wait past the deadline", async () => {
    const run = attempt([new Busy(), new Busy()], { deadline: 2_000 });
    await expect(run.result).rejects.toThrow("no time left in this run to try again");
    expect(run.sleeps).toEqual([1_000]);
  });

  it("throws any other error at once", async () => {
    const run = attempt([new Error("HTTP 404")]);
    await expect(run.result).rejects.toThrow(/^HTTP 404$/);
    expect(run.calls()).toBe(1);
  });
});
