import type { EditionStore, Edition } from "./edition";
import { announcedAtOf, latestEditionDateAt, nextEditionDate } from "./announcement-time";
import { classifyFeeds, labelledDate, mergeItems, type PolledFeed } from "./classify-feeds";

/** A feed still serving an earlier batch than the one just stored: fetched again next poll. */
interface StaleFeed {
  feed: string;
  servingDate?: string;
}

/** What ingesting one poll's feeds came to: expected outcomes, not errors. */
export type IngestResult =
  | { kind: "created" | "merged"; edition: Edition; paperCount: number; stale: StaleFeed[] }
  | { kind: "already-ingested"; edition: Edition }
  | { kind: "empty" };

/**
 * Stores one poll's feeds as (part of) one edition, deciding by the paper versions served:
 * feeds whose papers are already stored change nothing; empty feeds (weekends, holidays) make
 * no edition; a paper listed by several categories is stored once. The date is arXiv's label
 * for the batch unless that label is already taken by an edition these categories filled
 * (a lagging `pubDate`), in which case the batch is the next announcement's. A category that
 * catches up after the others is merged into the edition of its date.
 */
export async function ingestEdition(
  store: Pick<EditionStore, "editionDatesOf" | "findByDate" | "addPapers" | "create">,
  feeds: readonly PolledFeed[],
  now: Date,
): Promise<IngestResult> {
  const parsed = feeds.flatMap((f) => (f.kind === "parsed" ? f.parsed.items : []));
  const stored = await store.editionDatesOf(parsed.map((item) => item.paper));
  const { fresh, ingested } = classifyFeeds(feeds, stored);
  if (fresh.length === 0) {
    const latest = ingested
      .map((f) => f.date)
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
    const edition = latest ? await store.findByDate(latest) : null;
    return edition ? { kind: "already-ingested", edition } : { kind: "empty" };
  }
  const items = mergeItems(fresh, stored);
  const categories = fresh.map((f) => f.feed);
  let date = labelledDate(fresh) ?? latestEditionDateAt(now);
  let existing = await store.findByDate(date);
  while (existing && categories.some((c) => existing?.categories.includes(c))) {
    date = nextEditionDate(date);
    existing = await store.findByDate(date);
  }
  const edition = existing
    ? await store.addPapers(existing.id, categories, items)
    : await store.create({ date, announcedAt: announcedAtOf(date), categories, items });
  const stale = ingested
    .filter((f) => f.date !== undefined && f.date < date)
    .map((f) => ({ feed: f.feed, servingDate: f.date }));
  return { kind: existing ? "merged" : "created", edition, paperCount: items.length, stale };
}
