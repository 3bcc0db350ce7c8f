import type { App } from "../container";
import { createRunLockStore } from "../db/run-lock-store";
import { systemClock } from "./clock";
import { appEditionJob } from "./edition-job";
import type { RunResult } from "./edition-runner";
import { processHolderId } from "./run-lock";
import { schedulePolicy } from "./schedule-policy";
import { startScheduler, type Scheduler } from "./start-scheduler";

/** The scheduler of `serve`, on the application's database, feeds and mail. */
export function startAppScheduler(
  app: App,
  signal: AbortSignal,
  onResult?: (result: RunResult) => void,
): Scheduler {
  const locks = createRunLockStore(app.db);
  return startScheduler(
    {
      clock: systemClock,
      job: appEditionJob(app),
      locks,
      holder: processHolderId(),
      policy: schedulePolicy(app.config.schedule.maxEditionAgeHours),
      logger: app.logger,
      schedule: app.config.schedule,
      slotState: async (date) => ({
        run: await locks.get(date),
        edition: (await app.editions.findByDate(date))?.status,
      }),
      onResult,
    },
    signal,
  );
}
