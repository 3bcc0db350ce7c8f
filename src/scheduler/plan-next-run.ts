import { announcedAtOf, latestEditionDateAt } from "../arxiv/announcement-time";
import type { EditionStatus } from "../arxiv/edition";
import type { SchedulePolicy } from "./schedule-policy";

/** How a scheduled run of one edition ended, or that one is under way. */
export type RunStatus = "running" | "done" | "no-announcement" | "failed";

/** What the database says about the edition the scheduler is looking at. */
export interface SlotState {
  /** The scheduler's record of its run, if one was started. */
  run?: { status: RunStatus; leaseUntil: Date } | null;
  /** The stored edition's status, if the edition was fetched (by the scheduler or by hand). */
  edition?: EditionStatus | null;
}

/** What to do about the latest announcement, at a tick or when `serve` starts (catch-up). */
export type RunPlan =
  | { kind: "run"; editionDate: string; deadline: Date }
  | { kind: "nothing"; editionDate: string; reason: string; heldElsewhere?: boolean }
  | { kind: "too-old"; editionDate: string; ageHours: number };

/** Milliseconds since arXiv announced the batch dated `editionDate`. */
function editionAgeMs(editionDate: string, now: Date): number {
  return now.getTime() - announcedAtOf(editionDate).getTime();
}

/** Whether an edition is too old to be mailed without the operator's say. */
export function isTooOld(editionDate: string, now: Date, policy: SchedulePolicy): boolean {
  return editionAgeMs(editionDate, now) > policy.maxEditionAgeMs;
}

/**
 * Decides whether the latest announcement by arXiv's calendar still needs a run. The same rule
 * serves the scheduled tick and the catch-up on start: a slot already done (or found to have no
 * announcement), held by a live run, or mailed by hand needs nothing; one older than
 * MAX_EDITION_AGE_HOURS is left to the operator; anything else (never run, failed, abandoned by
 * a process that died) is run, polling until `deadline`.
 */
export function planRun(now: Date, slot: SlotState, policy: SchedulePolicy): RunPlan {
  const editionDate = latestEditionDateAt(now);
  const run = slot.run;
  if (run?.status === "done" || run?.status === "no-announcement") {
    return { kind: "nothing", editionDate, reason: `already ${run.status}` };
  }
  if (run?.status === "running" && run.leaseUntil > now) {
    return {
      kind: "nothing",
      editionDate,
      reason: "another process is running it",
      heldElsewhere: true,
    };
  }
  if (slot.edition === "sent") {
    return { kind: "nothing", editionDate, reason: "already mailed" };
  }
  if (isTooOld(editionDate, now, policy)) {
    return {
      kind: "too-old",
      editionDate,
      ageHours: Math.floor(editionAgeMs(editionDate, now) / 3_600_000),
    };
  }
  return { kind: "run", editionDate, deadline: new Date(now.getTime() + policy.pollWindowMs) };
}

/** What one poll of the feeds came to, seen from the edition the run waits for. */
export type PollOutcome =
  /** An edition dated at or after the awaited one is stored; `stale` feeds still lag behind. */
  | { kind: "edition"; editionDate: string; stale: string[] }
  /** Empty feeds (weekend, holiday) or still the earlier batch. */
  | { kind: "nothing-new" }
  /** The poll failed (network, arXiv down, a malformed feed): tried again at the next poll. */
  | { kind: "error"; message: string };

export type PollDecision =
  | { kind: "deliver"; editionDate: string; stale: string[] }
  | { kind: "wait"; ms: number }
  | { kind: "give-up"; reason: string };

/**
 * After a poll: deliver once the awaited batch is complete, otherwise poll again while there is
 * time. A batch that some categories still lag behind is waited for too (a digest mailed now
 * would miss their papers for good), but at the deadline it goes out as it is.
 */
export function decidePoll(
  outcome: PollOutcome,
  awaited: string,
  now: Date,
  deadline: Date,
  policy: SchedulePolicy,
): PollDecision {
  const another = now.getTime() + policy.pollIntervalMs <= deadline.getTime();
  if (outcome.kind === "edition" && outcome.editionDate >= awaited) {
    if (outcome.stale.length === 0 || !another) {
      return { kind: "deliver", editionDate: outcome.editionDate, stale: outcome.stale };
    }
    return { kind: "wait", ms: policy.pollIntervalMs };
  }
  if (another) return { kind: "wait", ms: policy.pollIntervalMs };
  return {
    kind: "give-up",
    reason:
      outcome.kind === "error"
        ? `the feeds could not be read until the deadline: ${outcome.message}`
        : "no new batch by the deadline (no announcement: a holiday, or arXiv is late)",
  };
}
