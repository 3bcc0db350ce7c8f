import { decidePoll, planRun, type PollOutcome } from "../../../src/scheduler/plan-next-run";
import { DEFAULT_SCHEDULE_POLICY, schedulePolicy } from "../../../src/scheduler/schedule-policy";
import { newYork } from "../../support/fake-clock";

const policy = DEFAULT_SCHEDULE_POLICY;
const HOUR = 3_600_000;

describe("planRun: which edition needs a run, at a tick or on start", () => {
  it("at Sunday 20:05 in New York runs Monday's edition, polling for six hours", () => {
    const now = newYork("2025-10-19T20:05");
    expect(planRun(now, {}, policy)).toEqual({
      kind: "run",
      editionDate: "2025-10-20",
      deadline: new Date(now.getTime() + 6 * HOUR),
    });
  });

  it("on Thursday evening runs Friday's edition; before 20:00 the day's own", () => {
    expect(planRun(newYork("2025-10-16T20:00"), {}, policy)).toMatchObject({
      kind: "run",
      editionDate: "2025-10-17",
    });
    expect(planRun(newYork("2025-10-16T19:59"), {}, policy)).toMatchObject({
      editionDate: "2025-10-16",
    });
  });

  it("catches up on start a day missed while the service was down", () => {
    // Friday 13:00: Friday's batch (announced Thursday 20:00) was never run.
    expect(planRun(newYork("2025-10-17T13:00"), { run: null }, policy)).toMatchObject({
      kind: "run",
      editionDate: "2025-10-17",
    });
  });

  it("leaves an edition older than MAX_EDITION_AGE_HOURS to the operator", () => {
    const saturday = newYork("2025-10-18T10:00");
    expect(planRun(saturday, {}, policy)).toEqual({
      kind: "too-old",
      editionDate: "2025-10-17",
      ageHours: 38,
    });
    expect(planRun(saturday, {}, schedulePolicy(48))).toMatchObject({ kind: "run" });
  });

  it("does nothing for a run done, a holiday seen, a live run elsewhere, or an edition mailed by hand", () => {
    const now = newYork("2025-10-17T01:00");
    const later = new Date(now.getTime() + 60_000);
    for (const slot of [
      { run: { status: "done" as const, leaseUntil: now } },
      { run: { status: "no-announcement" as const, leaseUntil: now } },
      { run: { status: "running" as const, leaseUntil: later } },
      { edition: "sent" as const },
    ]) {
      expect(planRun(now, slot, policy)).toMatchObject({
        kind: "nothing",
        editionDate: "2025-10-17",
      });
    }
  });

  it("runs again a run that failed, or one whose process died (lease passed)", () => {
    const now = newYork("2025-10-17T01:00");
    const earlier = new Date(now.getTime() - 60_000);
    expect(planRun(now, { run: { status: "failed", leaseUntil: earlier } }, policy).kind).toBe(
      "run",
    );
    expect(planRun(now, { run: { status: "running", leaseUntil: earlier } }, policy).kind).toBe(
      "run",
    );
    expect(planRun(now, { edition: "ingested" }, policy).kind).toBe("run");
  });
});

describe("decidePoll: after each poll of the feeds", () => {
  const now = newYork("2025-10-16T20:15");
  const deadline = new Date(now.getTime() + 6 * HOUR);
  const atDeadline = new Date(deadline.getTime() - 60_000);
  const ready = (stale: string[] = []): PollOutcome => ({
    kind: "edition",
    editionDate: "2025-10-17",
    stale,
  });

  it("delivers the awaited batch as soon as every feed has it", () => {
    expect(decidePoll(ready(), "2025-10-17", now, deadline, policy)).toEqual({
      kind: "deliver",
      editionDate: "2025-10-17",
      stale: [],
    });
  });

  it("waits for a stale category while there is time, and at the deadline goes without it", () => {
    expect(decidePoll(ready(["cs.LG"]), "2025-10-17", now, deadline, policy)).toEqual({
      kind: "wait",
      ms: policy.pollIntervalMs,
    });
    expect(decidePoll(ready(["cs.LG"]), "2025-10-17", atDeadline, deadline, policy)).toEqual({
      kind: "deliver",
      editionDate: "2025-10-17",
      stale: ["cs.LG"],
    });
  });

  it("keeps polling while the feeds serve the earlier batch or nothing, and gives up at the deadline (holiday)", () => {
    const earlier: PollOutcome = { kind: "edition", editionDate: "2025-10-16", stale: [] };
    expect(decidePoll(earlier, "2025-10-17", now, deadline, policy).kind).toBe("wait");
    expect(decidePoll({ kind: "nothing-new" }, "2025-10-17", now, deadline, policy).kind).toBe(
      "wait",
    );
    expect(decidePoll({ kind: "nothing-new" }, "2025-10-17", atDeadline, deadline, policy)).toEqual(
      {
        kind: "give-up",
        reason: expect.stringMatching(/no new batch by the deadline/),
      },
    );
  });

  it("retries a failed poll, and names the failure when it gives up", () => {
    const failed: PollOutcome = { kind: "error", message: "HTTP 503" };
    expect(decidePoll(failed, "2025-10-17", now, deadline, policy).kind).toBe("wait");
    expect(decidePoll(failed, "2025-10-17", atDeadline, deadline, policy)).toMatchObject({
      kind: "give-up",
      reason: expect.stringContaining("HTTP 503"),
    });
  });
});
