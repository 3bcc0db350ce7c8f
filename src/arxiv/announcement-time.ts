import { DateTime } from "luxon";

/** arXiv's clock: announcements at 20:00 in New York, Sunday to Thursday. */
export const ARXIV_TIME_ZONE = "America/New_York";
const ANNOUNCEMENT_HOUR = 20;

/** The edition date arXiv gives a feed: the channel pubDate's calendar day in New York. */
export function editionDateOf(pubDate: Date): string {
  return DateTime.fromJSDate(pubDate, { zone: ARXIV_TIME_ZONE }).toISODate() ?? "";
}

/**
 * When the batch dated `editionDate` was made public: 20:00 New York time the evening before
 * (Monday's batch is announced on Sunday evening).
 */
export function announcedAtOf(editionDate: string): Date {
  return DateTime.fromISO(editionDate, { zone: ARXIV_TIME_ZONE })
    .minus({ days: 1 })
    .set({ hour: ANNOUNCEMENT_HOUR, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/** "2025-10-16 20:00 EDT" in New York, or "2025-10-17 08:00 UTC+8" elsewhere. */
export function formatInZone(instant: Date, zone: string): string {
  // Every digest of a run shows the same few instants; luxon's zone lookups are not free.
  const key = `${Math.floor(instant.getTime() / 60_000)}|${zone}`;
  let formatted = formatted_.get(key);
  if (formatted === undefined) {
    const local = DateTime.fromJSDate(instant, { zone });
    const label = zone === ARXIV_TIME_ZONE ? local.toFormat("ZZZZ") : `UTC${local.toFormat("Z")}`;
    formatted = `${local.toFormat("yyyy-MM-dd HH:mm")} ${label}`;
    if (formatted_.size >= 10_000) formatted_.clear();
    formatted_.set(key, formatted);
  }
  return formatted;
}

const formatted_ = new Map<string, string>();

/** Luxon weekdays: Monday = 1 … Sunday = 7. arXiv announces Sunday to Thursday evenings. */
const ANNOUNCING_WEEKDAYS = new Set([7, 1, 2, 3, 4]);

/**
 * The edition date of the latest announcement made at or before `instant`, by arXiv's calendar
 * (holidays aside): Monday 10:00 in New York → Monday's edition (announced Sunday 20:00);
 * Saturday → Friday's. Used only when a feed carries no date of its own.
 */
export function latestEditionDateAt(instant: Date): string {
  let day = DateTime.fromJSDate(instant, { zone: ARXIV_TIME_ZONE });
  if (day.hour < ANNOUNCEMENT_HOUR) day = day.minus({ days: 1 });
  while (!ANNOUNCING_WEEKDAYS.has(day.weekday)) day = day.minus({ days: 1 });
  return day.plus({ days: 1 }).toISODate() ?? "";
}

/** The edition date that follows `editionDate`: the next weekday. */
export function nextEditionDate(editionDate: string): string {
  let day = DateTime.fromISO(editionDate, { zone: ARXIV_TIME_ZONE }).plus({ days: 1 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate() ?? "";
}
