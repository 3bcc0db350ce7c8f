/** What `if (value)` lets through. */
type Truthy<T> = Exclude<T, false | 0 | "" | null | undefined>;

export interface WaitForOptions {
  /** What is awaited, for the error: "the sender's claims to expire". A function is read late. */
  what: string | (() => string);
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Asks `condition` until it returns something truthy, and resolves with that. Tests wait for the
 * state they need rather than sleep a fixed time, which is too short on a loaded machine and wasted
 * on an idle one. Fails after `timeoutMs` saying what it waited for; an error `condition` throws
 * ends the wait at once (a server that exited will not start answering).
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { what, timeoutMs = 10_000, intervalMs = 20 }: WaitForOptions,
): Promise<Truthy<T>> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as Truthy<T>;
    if (Date.now() > giveUpAt) {
      const awaited = typeof what === "function" ? what() : what;
      throw new Error(`gave up after ${timeoutMs} ms waiting for ${awaited}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
