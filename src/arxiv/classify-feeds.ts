import { editionDateOf } from "./announcement-time";
import { versionKey, type AnnounceType, type AnnouncedPaper } from "./paper";
import type { ParsedFeed } from "./parsed-feed";

/** A feed as fetched for one poll: parsed, or unchanged since the last poll (HTTP 304). */
export type PolledFeed =
  | { feed: string; kind: "parsed"; parsed: ParsedFeed }
  | { feed: string; kind: "unchanged"; lastBatchDate?: string };

/** Where each feed stands against what is stored. */
export interface FeedClassification {
  /** Feeds serving a batch not stored yet. */
  fresh: { feed: string; parsed: ParsedFeed }[];
  /** Feeds serving a batch already stored (or unchanged), with that batch's date when known. */
  ingested: { feed: string; date?: string }[];
  /** Feeds with no items: no announcement today for them. */
  empty: string[];
}

/**
 * Sorts polled feeds by the ids they serve, not by their dates: a feed most of whose paper
 * versions are already in an edition serves that edition's batch (a category can lag behind
 * the others, and `pubDate` has been seen a day behind the content).
 */
export function classifyFeeds(
  feeds: readonly PolledFeed[],
  storedEditionOf: ReadonlyMap<string, string>,
): FeedClassification {
  const result: FeedClassification = { fresh: [], ingested: [], empty: [] };
  for (const polled of feeds) {
    if (polled.kind === "unchanged") {
      result.ingested.push({ feed: polled.feed, date: polled.lastBatchDate });
      continue;
    }
    const items = polled.parsed.items;
    if (items.length === 0) {
      result.empty.push(polled.feed);
      continue;
    }
    const dates = items
      .map(({ paper }) => storedEditionOf.get(versionKey(paper.arxivId, paper.version)))
      .filter((date): date is string => date !== undefined);
    if (dates.length * 2 >= items.length) {
      result.ingested.push({ feed: polled.feed, date: mostCommon(dates) });
    } else {
      result.fresh.push({ feed: polled.feed, parsed: polled.parsed });
    }
  }
  return result;
}

/** The date arXiv labels the fresh feeds with; the latest if they disagree. */
export function labelledDate(fresh: FeedClassification["fresh"]): string | undefined {
  const labels = fresh.flatMap(({ parsed }) =>
    parsed.pubDate ? [editionDateOf(parsed.pubDate)] : [],
  );
  return labels.sort().at(-1);
}

const PREFERENCE: Record<AnnounceType, number> = { new: 0, cross: 1, replace: 2, replace_cross: 3 };

/**
 * One entry per paper across feeds (a paper is `new` in one category and `cross` in another the
 * same day): the most telling announcement wins, and versions already stored are left out.
 */
export function mergeItems(
  fresh: FeedClassification["fresh"],
  storedEditionOf: ReadonlyMap<string, string>,
): AnnouncedPaper[] {
  const byId = new Map<string, AnnouncedPaper>();
  for (const { parsed } of fresh) {
    for (const item of parsed.items) {
      if (storedEditionOf.has(versionKey(item.paper.arxivId, item.paper.version))) continue;
      const known = byId.get(item.paper.arxivId);
      if (!known || PREFERENCE[item.announceType] < PREFERENCE[known.announceType]) {
        byId.set(item.paper.arxivId, item);
      }
    }
  }
  return [...byId.values()];
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
}
