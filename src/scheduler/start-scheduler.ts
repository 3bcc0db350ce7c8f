import cron from "node-cron";
import type pino from "pino";
import { latestEditionDateAt } from "../arxiv/announcement-time";
import type { Clock } from "./clock";
import { runEdition, tooOldMessage, type RunnerDeps, type RunResult } from "./edition-runner";
import { planRun, type SlotState } from "./plan-next-run";

/** The running daemon: stop() waits for a run under way to wind down. */
export interface Scheduler {
  stop(): Promise<void>;
}

export interface SchedulerDeps extends RunnerDeps {
  schedule: { cron: string; timeZone: string };
  /** What the database says about an edition's run and the stored edition of that date. */
  slotState(editionDate: string): Promise<SlotState>;
  /** Told each run's result (metrics). */
  onResult?: (result: RunResult) => void;
  logger: pino.Logger;
  clock: Clock;
}

/**
 * Starts the schedule. Each tick (SCHEDULE_CRON in SCHEDULE_TZ; by default arXiv's 20:00 New
 * York announcements, Sunday to Thursday) runs the latest announced edition if it still needs it;
 * so does the start itself, which catches up a day missed while the service was down. Runs never
 * overlap within a process (a tick during a run is skipped) nor across processes (the run lock).
 * `signal` ends the schedule: the run under way stops polling, or finishes its messages in flight.
 */
export function startScheduler(deps: SchedulerDeps, signal: AbortSignal): Scheduler {
  const { logger } = deps;
  let running: Promise<void> | undefined;
  const trigger = (why: Why) => {
    if (signal.aborted) return;
    if (running) {
      logger.warn({ why }, "the previous edition run is still going; this tick is skipped");
      return;
    }
    running = tick(deps, why, signal)
      .catch((error: unknown) => {
        logger.error({ err: error }, "scheduler tick failed");
        return false;
      })
      .then((heldElsewhere) => {
        running = undefined;
        // Another process holds the run: look again once its lease could have passed, so the
        // edition is still run if that process died (a restart within the lease, a crash).
        if (heldElsewhere) {
          void deps.clock.sleep(deps.policy.leaseMs, signal).then(() => trigger("recheck"));
        }
      });
  };
  const task = cron.schedule(deps.schedule.cron, () => trigger("schedule"), {
    timezone: deps.schedule.timeZone,
  });
  logger.info({ ...deps.schedule, holder: deps.holder }, "scheduler started");
  trigger("start");
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}

type Why = "start" | "schedule" | "recheck";

/** One look at the latest edition; true when another process holds its run. */
async function tick(deps: SchedulerDeps, why: Why, signal: AbortSignal): Promise<boolean> {
  const now = deps.clock.now();
  const plan = planRun(now, await deps.slotState(latestEditionDateAt(now)), deps.policy);
  if (plan.kind === "nothing") {
    deps.logger.info({ why, edition: plan.editionDate }, `nothing to run: ${plan.reason}`);
    return plan.heldElsewhere === true;
  }
  if (plan.kind === "too-old") {
    deps.logger.warn(
      { why, edition: plan.editionDate },
      tooOldMessage(plan.editionDate, deps.policy),
    );
    deps.onResult?.({ kind: "too-old", editionDate: plan.editionDate });
    return false;
  }
  deps.logger.info({ why, edition: plan.editionDate }, "edition run started");
  const result = await runEdition(deps, plan.editionDate, plan.deadline, signal);
  deps.logger.info({ why, edition: plan.editionDate, result: result.kind }, "edition run ended");
  deps.onResult?.(result);
  return result.kind === "skipped";
}
