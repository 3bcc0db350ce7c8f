import type { EditionRunRecord, RunLockStore } from "../../src/scheduler/run-lock";

/**
 * Two handles on one run table: two connections to one database for the real store, one object
 * twice for the in-memory fake. `a` and `b` stand for two `serve` processes.
 */
export interface TwoRunLockStores {
  a: RunLockStore;
  b: RunLockStore;
  close(): Promise<void>;
}

const FRIDAY = "2025-10-17";
const NOW = new Date("2025-10-17T00:05:00Z");
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);
const LEASE = later(NOW, 60_000);

/** The whole record of a run `holder` claimed at `startedAt` and still holds. */
function running(
  holder: string,
  startedAt: Date,
  leaseUntil: Date,
  attempts: number,
): EditionRunRecord {
  return {
    editionDate: FRIDAY,
    status: "running",
    holder,
    leaseUntil,
    attempts,
    startedAt,
    finishedAt: null,
    detail: null,
  };
}

/**
 * What the scheduler relies on from a RunLockStore (src/scheduler/run-lock.ts), run against the
 * database store on SQLite and PostgreSQL and against the fake the unit tests use, so the fake
 * cannot drift from the real claim rules.
 */
export function runLockStoreContract(open: () => Promise<TwoRunLockStores>): void {
  let a: RunLockStore;
  let b: RunLockStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ a, b, close } = await open()));
  afterEach(() => close());

  it("knows no run before one is claimed", async () => {
    expect(await a.get(FRIDAY)).toBeNull();
    expect(await a.recent(5)).toEqual([]);
    expect(await a.renew(FRIDAY, "a", LEASE)).toBe(false);
  });

  it("records a first claim as a running run of its holder", async () => {
    expect(await a.acquire(FRIDAY, "a", NOW, LEASE)).toBe(true);
    expect(await b.get(FRIDAY)).toEqual(running("a", NOW, LEASE, 1));
  });

  it("takes no live lease, not even for its own holder, up to and including its last instant", async () => {
    await a.acquire(FRIDAY, "a", NOW, LEASE);
    expect(await b.acquire(FRIDAY, "b", NOW, later(NOW, 120_000))).toBe(false);
    expect(await a.acquire(FRIDAY, "a", NOW, later(NOW, 120_000))).toBe(false);
    expect(await b.acquire(FRIDAY, "b", LEASE, later(LEASE, 60_000))).toBe(false);
    expect(await a.get(FRIDAY)).toMatchObject({ holder: "a", attempts: 1, leaseUntil: LEASE });
  });

  it("hands an expired lease over; the old holder can then neither renew nor finish", async () => {
    await a.acquire(FRIDAY, "a", NOW, LEASE);
    const takeover = later(LEASE, 1);
    expect(await b.acquire(FRIDAY, "b", takeover, later(takeover, 60_000))).toBe(true);
    const taken = running("b", takeover, later(takeover, 60_000), 2);
    expect(await a.get(FRIDAY)).toEqual(taken);
    expect(await a.renew(FRIDAY, "a", later(takeover, 120_000))).toBe(false);
    await a.finish(FRIDAY, "a", { status: "failed", detail: "too late", at: takeover });
    expect(await a.get(FRIDAY)).toEqual(taken);
  });

  it("renews only the holder's lease, also one past its time that nobody took over", async () => {
    await a.acquire(FRIDAY, "a", NOW, LEASE);
    expect(await b.renew(FRIDAY, "b", later(NOW, 120_000))).toBe(false);
    const renewed = later(LEASE, 3_600_000);
    expect(await a.renew(FRIDAY, "a", renewed)).toBe(true);
    expect(await b.get(FRIDAY)).toMatchObject({ holder: "a", leaseUntil: renewed });
    expect(await b.acquire(FRIDAY, "b", later(LEASE, 1), later(LEASE, 60_000))).toBe(false);
  });

  it.each(["done", "no-announcement"] as const)(
    "records a run that ended %s, and never lets it be claimed again",
    async (status) => {
      await a.acquire(FRIDAY, "a", NOW, LEASE);
      const end = later(NOW, 1_000);
      await b.finish(FRIDAY, "b", { status, detail: "not mine", at: end });
      expect(await a.get(FRIDAY)).toMatchObject({ status: "running", detail: null });
      await a.finish(FRIDAY, "a", { status, detail: "{}", at: end });
      expect(await b.get(FRIDAY)).toMatchObject({
        status,
        holder: "a",
        detail: "{}",
        finishedAt: end,
        leaseUntil: end,
      });
      expect(await a.renew(FRIDAY, "a", later(end, 60_000))).toBe(false);
      const muchLater = later(end, 86_400_000);
      expect(await b.acquire(FRIDAY, "b", muchLater, later(muchLater, 60_000))).toBe(false);
      expect(await a.acquire(FRIDAY, "a", muchLater, later(muchLater, 60_000))).toBe(false);
    },
  );

  it("lets a failed run be claimed again at once, as a fresh attempt", async () => {
    await a.acquire(FRIDAY, "a", NOW, LEASE);
    await a.finish(FRIDAY, "a", { status: "failed", detail: "feeds down", at: NOW });
    const retry = later(NOW, 1_000);
    expect(await b.acquire(FRIDAY, "b", retry, later(retry, 60_000))).toBe(true);
    expect(await a.get(FRIDAY)).toEqual(running("b", retry, later(retry, 60_000), 2));
  });

  it("hands out records that later claims do not change", async () => {
    await a.acquire(FRIDAY, "a", NOW, LEASE);
    const [before] = await a.recent(1);
    const read = await a.get(FRIDAY);
    await a.finish(FRIDAY, "a", { status: "done", detail: "{}", at: NOW });
    expect(before).toMatchObject({ status: "running", leaseUntil: LEASE });
    expect(read).toMatchObject({ status: "running", leaseUntil: LEASE });
  });

  it("lets exactly one of two processes claim each run, and hands over only an expired lease", async () => {
    const lease = LEASE;
    const dates = Array.from({ length: 10 }, (_, i) => `2025-11-${String(i + 10)}`);
    for (const date of dates) {
      const won = await Promise.all([
        a.acquire(date, "a", NOW, lease),
        b.acquire(date, "b", NOW, lease),
      ]);
      expect(won.filter(Boolean)).toHaveLength(1);
    }
    const [date] = dates as [string];
    const holder = (await a.get(date))?.holder as string;
    const other = holder === "a" ? b : a;
    const otherName = holder === "a" ? "b" : "a";
    expect(await other.renew(date, otherName, lease)).toBe(false);
    const afterLease = new Date(lease.getTime() + 1);
    expect(
      await other.acquire(date, otherName, afterLease, new Date(afterLease.getTime() + 60_000)),
    ).toBe(true);
    expect(await a.get(date)).toMatchObject({ holder: otherName, attempts: 2, status: "running" });
    await other.finish(date, otherName, { status: "done", detail: "{}", at: afterLease });
    const muchLater = new Date(afterLease.getTime() + 86_400_000);
    expect(await a.acquire(date, "a", muchLater, muchLater)).toBe(false);
    expect(await b.acquire(date, "b", muchLater, muchLater)).toBe(false);
    expect((await a.recent(3)).map((r) => r.editionDate)).toEqual(
      [...dates].sort().reverse().slice(0, 3),
    );
  });
}
