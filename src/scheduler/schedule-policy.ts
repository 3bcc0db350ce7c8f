/** How the scheduler waits for arXiv's new batch and holds its claim on a run. */
export interface SchedulePolicy {
  /** Time between two polls of the feeds while the new batch is not there yet. */
  pollIntervalMs: number;
  /** How long after the start of a run the feeds are polled at most; then it gives up. */
  pollWindowMs: number;
  /** How long a claim on a run lasts without renewal; a dead process's claim expires after it. */
  leaseMs: number;
  /** An edition announced longer ago than this is not mailed by the scheduler. */
  maxEditionAgeMs: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * arXiv announces at 20:00 New York time and its RSS feeds follow within a few hours (often
 * around midnight): polling every 15 minutes for 6 hours finds the batch soon after it appears
 * and still ends in the night when there is none (a holiday).
 */
export const DEFAULT_SCHEDULE_POLICY: SchedulePolicy = {
  pollIntervalMs: 15 * MINUTE_MS,
  pollWindowMs: 6 * HOUR_MS,
  leaseMs: 5 * MINUTE_MS,
  maxEditionAgeMs: 36 * HOUR_MS,
};

/** The default policy with the operator's MAX_EDITION_AGE_HOURS. */
export function schedulePolicy(maxEditionAgeHours: number): SchedulePolicy {
  return { ...DEFAULT_SCHEDULE_POLICY, maxEditionAgeMs: maxEditionAgeHours * HOUR_MS };
}
