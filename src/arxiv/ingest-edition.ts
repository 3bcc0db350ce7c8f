import type { EditionStore, Edition } from "../db/edition-store";
import { FeedError } from "../errors";
import { announcedAtOf, editionDateOf } from "./announcement-time";
import type { AnnouncedPaper } from "./paper";
import type { ParsedFeed } from "./parsed-feed";

/** What ingesting a set of feeds came to: expected outcomes, not errors. */
export type IngestResult =
  | { kind: "created"; edition: Edition; paperCount: number }
  | { kind: "already-ingested"; edition: Edition }
  | { kind: "empty" };

/**
 * Stores the feeds of one announcement as one edition. A paper listed by several category feeds
 * (new in one, cross-listed in another) is stored once, with its first announcement type. An
 * empty announcement (weekend, holiday) makes no edition; a batch already stored is a no-op.
 */
export async function ingestEdition(
  store: EditionStore,
  feeds: readonly ParsedFeed[],
): Promise<IngestResult> {
  const items = uniqueById(feeds.flatMap((feed) => feed.items));
  if (items.length === 0) return { kind: "empty" };
  const date = editionDate(feeds);
  const existing = await store.findByDate(date);
  if (existing) return { kind: "already-ingested", edition: existing };
  const edition = await store.create({
    date,
    announcedAt: announcedAtOf(date),
    categories: [...new Set(feeds.map((feed) => feed.query))],
    items,
  });
  return { kind: "created", edition, paperCount: items.length };
}

function uniqueById(items: readonly AnnouncedPaper[]): AnnouncedPaper[] {
  const seen = new Map<string, AnnouncedPaper>();
  for (const item of items) {
    if (!seen.has(item.paper.arxivId)) seen.set(item.paper.arxivId, item);
  }
  return [...seen.values()];
}

function editionDate(feeds: readonly ParsedFeed[]): string {
  const dates = new Set(
    feeds
      .filter((feed) => feed.items.length > 0)
      .map((feed) => (feed.pubDate ? editionDateOf(feed.pubDate) : "")),
  );
  if (dates.has("")) {
    throw new FeedError("the feed has no channel <pubDate>, so its announcement date is unknown");
  }
  if (dates.size > 1) {
    throw new FeedError(
      `the feeds belong to different announcements (${[...dates].sort().join(", ")})`,
    );
  }
  return [...dates][0] as string;
}
