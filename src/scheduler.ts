import cron from "node-cron";
import type pino from "pino";

/** A scheduled job that never runs twice at once: a tick that finds the last run busy is skipped. */
export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(
  schedule: { cron: string; timeZone: string },
  job: () => Promise<void>,
  logger: pino.Logger,
): Scheduler {
  let running: Promise<void> | undefined;
  const task = cron.schedule(
    schedule.cron,
    () => {
      if (running) {
        logger.warn("the previous edition run is still going; this tick is skipped");
        return;
      }
      running = job()
        .catch((error: unknown) => logger.error({ err: error }, "edition run failed"))
        .finally(() => {
          running = undefined;
        });
    },
    { timezone: schedule.timeZone, noOverlap: true },
  );
  logger.info(schedule, "scheduler started");
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
