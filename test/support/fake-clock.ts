import { DateTime } from "luxon";
import type { Clock } from "../../src/scheduler/clock";

/** A clock that starts at `start` and moves only when something sleeps (waits cost nothing). */
export function fakeClock(start: Date): Clock & { slept: number[] } {
  let now = start.getTime();
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date(now),
    async sleep(ms, signal) {
      if (signal?.aborted) return;
      slept.push(ms);
      now += ms;
    },
  };
}

/** An instant given as New York wall time, e.g. "2025-10-16T20:05". */
export function newYork(wallTime: string): Date {
  return DateTime.fromISO(wallTime, { zone: "America/New_York" }).toJSDate();
}
