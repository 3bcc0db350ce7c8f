import pino from "pino";
import {
  runEdition,
  type EditionJob,
  type RunnerDeps,
} from "../../../src/scheduler/edition-runner";
import type { PollOutcome } from "../../../src/scheduler/plan-next-run";
import { DEFAULT_SCHEDULE_POLICY } from "../../../src/scheduler/schedule-policy";
import { fakeClock, newYork } from "../../support/fake-clock";
import { memoryRunLocks } from "./memory-run-locks";

const HOUR = 3_600_000;
const FRIDAY = "2025-10-17";

/** A job whose polls answer from a script (the last answer repeats) and that records deliveries. */
function scriptedJob(answers: PollOutcome[]) {
  const polls: { stale: readonly string[] }[] = [];
  const delivered: string[] = [];
  const job: EditionJob & { polls: typeof polls; delivered: string[] } = {
    polls,
    delivered,
    async poll(_awaited, stale) {
      polls.push({ stale });
      const answer = answers[Math.min(polls.length - 1, answers.length - 1)];
      if (!answer) throw new Error("no answer scripted");
      if (answer.kind === "error") throw new Error(answer.message);
      return answer;
    },
    async deliver(editionDate) {
      delivered.push(editionDate);
      return { sent: 3, failed: 0 };
    },
  };
  return job;
}

function setup(answers: PollOutcome[], start = newYork("2025-10-16T20:00")) {
  const clock = fakeClock(start);
  const job = scriptedJob(answers);
  const locks = memoryRunLocks();
  const deps: RunnerDeps = {
    clock,
    job,
    locks,
    holder: "test-process",
    policy: DEFAULT_SCHEDULE_POLICY,
    logger: pino({ level: "silent" }),
  };
  const deadline = new Date(start.getTime() + DEFAULT_SCHEDULE_POLICY.pollWindowMs);
  const run = (signal = new AbortController().signal) => runEdition(deps, FRIDAY, deadline, signal);
  return { clock, job, locks, deps, run };
}

const ready = (stale: string[] = []): PollOutcome => ({
  kind: "edition",
  editionDate: FRIDAY,
  stale,
});
const nothingNew: PollOutcome = { kind: "nothing-new" };

describe("runEdition", () => {
  it("on an announcement day polls until the batch is there, then delivers it once", async () => {
    const { clock, job, locks, run } = setup([nothingNew, nothingNew, ready()]);
    const result = await run();
    expect(result).toEqual({ kind: "done", editionDate: FRIDAY, summary: { sent: 3, failed: 0 } });
    expect(job.delivered).toEqual([FRIDAY]);
    expect(clock.slept).toEqual([15 * 60_000, 15 * 60_000]);
    expect(locks.rows.get(FRIDAY)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("on a holiday (empty feeds) polls until the deadline, mails nothing, and records it", async () => {
    const { clock, job, locks, run } = setup([nothingNew]);
    const result = await run();
    expect(result.kind).toBe("no-announcement");
    expect(job.delivered).toEqual([]);
    expect(job.polls.length).toBe(6 * 4 + 1);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(6 * HOUR);
    expect(locks.rows.get(FRIDAY)?.status).toBe("no-announcement");
  });

  it("waits for a stale category at the next poll, telling the job which feeds lagged", async () => {
    const { job, run } = setup([ready(["cs.LG"]), ready()]);
    expect((await run()).kind).toBe("done");
    expect(job.polls.map((p) => p.stale)).toEqual([[], ["cs.LG"]]);
    expect(job.delivered).toEqual([FRIDAY]);
  });

  it("a category that never catches up is left out at the deadline, not waited for forever", async () => {
    const { job, run } = setup([ready(["cs.LG"])]);
    expect((await run()).kind).toBe("done");
    expect(job.polls.length).toBe(6 * 4 + 1);
    expect(job.delivered).toEqual([FRIDAY]);
  });

  it("a failed poll (arXiv down) is tried again at the next poll", async () => {
    const { job, run } = setup([{ kind: "error", message: "HTTP 503" }, ready()]);
    expect((await run()).kind).toBe("done");
    expect(job.polls.length).toBe(2);
  });

  it("does nothing while another process holds the run, and takes over once its lease passed", async () => {
    const { job, locks, run, clock } = setup([ready()]);
    const now = clock.now();
    await locks.acquire(FRIDAY, "other-process", now, new Date(now.getTime() + 60_000));
    expect(await run()).toEqual({ kind: "skipped", reason: expect.any(String) });
    expect(job.polls).toEqual([]);
    await clock.sleep(2 * 60_000);
    expect((await run()).kind).toBe("done");
    expect(locks.rows.get(FRIDAY)).toMatchObject({ holder: "test-process", attempts: 2 });
    expect(await run()).toMatchObject({ kind: "skipped" });
    expect(job.delivered).toEqual([FRIDAY]);
  });

  it("does not mail an edition older than MAX_EDITION_AGE_HOURS", async () => {
    const { job, run } = setup([ready()], newYork("2025-10-18T10:00"));
    expect(await run()).toEqual({ kind: "too-old", editionDate: FRIDAY });
    expect(job.delivered).toEqual([]);
  });

  it("a shutdown during the wait ends the run at once and leaves it to be run again", async () => {
    const { job, locks, run } = setup([nothingNew]);
    const shutdown = new AbortController();
    job.poll = async () => {
      shutdown.abort();
      return nothingNew;
    };
    expect(await run(shutdown.signal)).toEqual({ kind: "interrupted" });
    expect(job.delivered).toEqual([]);
    expect(locks.rows.get(FRIDAY)?.status).toBe("failed");
  });

  it("a delivery that throws is recorded as failed, and the next run may try again", async () => {
    const { job, locks, run } = setup([ready()]);
    const deliver = job.deliver;
    job.deliver = async () => {
      throw new Error("database gone");
    };
    expect(await run()).toEqual({ kind: "failed", error: "database gone" });
    expect(locks.rows.get(FRIDAY)).toMatchObject({ status: "failed", detail: "database gone" });
    job.deliver = deliver;
    expect((await run()).kind).toBe("done");
  });
});
