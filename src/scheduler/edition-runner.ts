import type pino from "pino";
import type { Clock } from "./clock";
import { decidePoll, isTooOld, type PollOutcome } from "./plan-next-run";
import { holdRun, type RunLockStore } from "./run-lock";
import type { SchedulePolicy } from "./schedule-policy";
import { messageOf } from "../errors";

/** What the runner counts of a delivered edition (logged, and kept in the run record). */
export type DeliverySummary = Record<string, number | boolean | string>;

/** The stages the runner drives, bound to the application by edition-job.ts. */
export interface EditionJob {
  /**
   * One poll of the feeds; `stale` names the feeds that lagged behind at the previous poll.
   * `signal` (shutdown) ends its downloads and their retries at once.
   */
  poll(awaited: string, stale: readonly string[], signal: AbortSignal): Promise<PollOutcome>;
  /** Match, translate, prepare and send the edition; stops claiming messages on `signal`. */
  deliver(editionDate: string, signal: AbortSignal): Promise<DeliverySummary>;
}

export interface RunnerDeps {
  clock: Clock;
  job: EditionJob;
  locks: RunLockStore;
  /** This process's name in the run records. */
  holder: string;
  policy: SchedulePolicy;
  logger: Pick<pino.Logger, "info" | "warn" | "error">;
}

/** How one run ended: expected outcomes, not errors. */
export type RunResult =
  | { kind: "done"; editionDate: string; summary: DeliverySummary }
  | { kind: "no-announcement"; reason: string }
  | { kind: "too-old"; editionDate: string }
  | { kind: "skipped"; reason: string }
  | { kind: "failed"; error: string }
  | { kind: "interrupted" };

/**
 * Runs the edition awaited for `awaited` once: claims the run in the database (another process
 * holding it means nothing to do), polls the feeds until the new batch is there or `deadline`
 * passes, then delivers it. A shutdown (`signal`) ends the wait at once, or lets the messages
 * in flight finish; the run is then left `failed`, so the next start picks it up again.
 */
export async function runEdition(
  deps: RunnerDeps,
  awaited: string,
  deadline: Date,
  signal: AbortSignal,
): Promise<RunResult> {
  const { clock, job, logger, policy } = deps;
  const held = await holdRun(deps.locks, {
    editionDate: awaited,
    holder: deps.holder,
    clock,
    leaseMs: policy.leaseMs,
    onLost: (error) =>
      logger.error({ err: error, edition: awaited }, "lost the claim on this edition's run"),
  });
  if (!held) return { kind: "skipped", reason: "another process holds or finished this run" };
  try {
    let stale: string[] = [];
    for (;;) {
      if (signal.aborted) {
        await held.finish("failed", "interrupted by shutdown before delivery");
        return { kind: "interrupted" };
      }
      const outcome = await job
        .poll(awaited, stale, signal)
        .catch((error: unknown): PollOutcome => ({ kind: "error", message: messageOf(error) }));
      if (signal.aborted) continue;
      if (outcome.kind === "error")
        logger.warn({ edition: awaited }, `poll failed: ${outcome.message}`);
      const decision = decidePoll(outcome, awaited, clock.now(), deadline, policy);
      if (decision.kind === "wait") {
        stale = outcome.kind === "edition" ? outcome.stale : [];
        await clock.sleep(decision.ms, signal);
        continue;
      }
      if (decision.kind === "give-up") {
        logger.warn({ edition: awaited }, decision.reason);
        await held.finish("no-announcement", decision.reason);
        return { kind: "no-announcement", reason: decision.reason };
      }
      if (isTooOld(decision.editionDate, clock.now(), policy)) {
        const detail = tooOldMessage(decision.editionDate, policy);
        logger.warn({ edition: decision.editionDate }, detail);
        await held.finish("failed", detail);
        return { kind: "too-old", editionDate: decision.editionDate };
      }
      if (decision.stale.length > 0) {
        logger.warn(
          { edition: decision.editionDate, stale: decision.stale },
          "delivering without the feeds that never caught up before the deadline",
        );
      }
      const summary = await job.deliver(decision.editionDate, signal);
      if (signal.aborted) {
        await held.finish("failed", `interrupted by shutdown: ${JSON.stringify(summary)}`);
        return { kind: "interrupted" };
      }
      logger.info({ edition: decision.editionDate, ...summary }, "edition delivered");
      await held.finish("done", JSON.stringify({ edition: decision.editionDate, ...summary }));
      return { kind: "done", editionDate: decision.editionDate, summary };
    }
  } catch (error) {
    const message = messageOf(error);
    logger.error({ err: error, edition: awaited }, "edition run failed");
    await held.finish("failed", message);
    return { kind: "failed", error: message };
  }
}

/** The operator's line for an edition the scheduler will not mail late. */
export function tooOldMessage(editionDate: string, policy: SchedulePolicy): string {
  const hours = policy.maxEditionAgeMs / 3_600_000;
  return (
    `edition ${editionDate} was announced more than ${hours} hours ago (MAX_EDITION_AGE_HOURS) ` +
    `and is not mailed late; to mail it anyway: arxiv-digest send --edition ${editionDate} ` +
    "(arxiv-digest run if it was never fetched)"
  );
}
