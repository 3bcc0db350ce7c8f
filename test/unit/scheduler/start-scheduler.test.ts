import pino from "pino";
import type { EditionJob, RunResult } from "../../../src/scheduler/edition-runner";
import { DEFAULT_SCHEDULE_POLICY } from "../../../src/scheduler/schedule-policy";
import { startScheduler, type SchedulerDeps } from "../../../src/scheduler/start-scheduler";
import type { SlotState } from "../../../src/scheduler/plan-next-run";
import { fakeClock, newYork } from "../../support/fake-clock";
import { memoryRunLocks } from "./memory-run-locks";

/** Starts the daemon at `now` and waits for its start-up run (the catch-up) to end. */
async function startAt(now: Date, slot: SlotState, options = { waitForResult: false }) {
  const delivered: string[] = [];
  const results: RunResult[] = [];
  const job: EditionJob = {
    poll: async () => ({ kind: "edition", editionDate: "2025-10-17", stale: [] }),
    deliver: async (date) => {
      delivered.push(date);
      return { sent: 1 };
    },
  };
  let ended: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const deps: SchedulerDeps = {
    clock: fakeClock(now),
    job,
    locks: memoryRunLocks(),
    holder: "p",
    policy: DEFAULT_SCHEDULE_POLICY,
    logger: pino({ level: "silent" }),
    schedule: { cron: "0 20 * * 0-4", timeZone: "America/New_York" },
    slotState: async () => slot,
    onResult: (result) => {
      results.push(result);
      ended();
    },
  };
  const scheduler = startScheduler(deps, new AbortController().signal);
  if (slot.run === undefined || options.waitForResult) await done;
  await scheduler.stop();
  return { delivered, results };
}

describe("startScheduler", () => {
  it("catches up on start the edition missed while the service was down", async () => {
    const { delivered, results } = await startAt(newYork("2025-10-17T09:00"), {});
    expect(delivered).toEqual(["2025-10-17"]);
    expect(results).toEqual([expect.objectContaining({ kind: "done" })]);
  });

  it("reports an edition too old to catch up, and mails nothing", async () => {
    const { delivered, results } = await startAt(newYork("2025-10-18T12:00"), {});
    expect(delivered).toEqual([]);
    expect(results).toEqual([{ kind: "too-old", editionDate: "2025-10-17" }]);
  });

  it("runs nothing on start when the latest edition's run is done", async () => {
    const now = newYork("2025-10-17T09:00");
    const { delivered, results } = await startAt(now, { run: { status: "done", leaseUntil: now } });
    expect(delivered).toEqual([]);
    expect(results).toEqual([]);
  });
});

describe("startScheduler when another process holds the run", () => {
  it("looks again once the lease could have passed, and runs the edition if that process died", async () => {
    const now = newYork("2025-10-17T09:00");
    const held: SlotState = {
      run: { status: "running", leaseUntil: new Date(now.getTime() + 60_000) },
    };
    const { delivered, results } = await startAt(now, held, { waitForResult: true });
    expect(delivered).toEqual(["2025-10-17"]);
    expect(results).toEqual([expect.objectContaining({ kind: "done" })]);
  });
});
