import type { Logger } from "pino";
import type { EditionStore } from "../arxiv/edition";
import { systemClock } from "./clock";
import type { EditionJob, RunResult } from "./edition-runner";
import { processHolderId, type RunLockStore } from "./run-lock";
import { schedulePolicy } from "./schedule-policy";
import { startScheduler, type Scheduler } from "./start-scheduler";

/** What `serve`'s scheduler runs on: the run locks, the editions, the job and SCHEDULE_*. */
export interface AppSchedulerDeps {
  locks: RunLockStore;
  editions: Pick<EditionStore, "findByDate">;
  job: EditionJob;
  schedule: { cron: string; timeZone: string; maxEditionAgeHours: number };
  logger: Logger;
}

/** The scheduler of `serve`, on the application's database, feeds and mail. */
export function startAppScheduler(
  deps: AppSchedulerDeps,
  signal: AbortSignal,
  onResult?: (result: RunResult) => void,
): Scheduler {
  const { locks } = deps;
  return startScheduler(
    {
      clock: systemClock,
      job: deps.job,
      locks,
      holder: processHolderId(),
      policy: schedulePolicy(deps.schedule.maxEditionAgeHours),
      logger: deps.logger,
      schedule: deps.schedule,
      slotState: async (date) => ({
        run: await locks.get(date),
        edition: (await deps.editions.findByDate(date))?.status,
      }),
      onResult,
    },
    signal,
  );
}
