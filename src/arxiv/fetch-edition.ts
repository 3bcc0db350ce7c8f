import type { Logger } from "pino";
import type { FeedStateStore } from "./feed-state";
import type { FeedFetcher } from "./feed-fetcher";
import type { PolledFeed } from "./classify-feeds";
import { ingestEdition, type IngestResult } from "./ingest-edition";
import { readFeedFiles } from "./load-feeds";
import { parseArxivFeed } from "./parse-arxiv-feed";

/**
 * One poll: reads the given feed files, or downloads the configured feeds (conditional GET),
 * then stores what is new. Every feed must parse before anything is stored; the validators are
 * saved only after the edition is, so a crash in between means a full download next time
 * rather than a missed batch.
 */
export interface FetchDeps {
  editions: Parameters<typeof ingestEdition>[0];
  feedStates: FeedStateStore;
  /** Built on first use: reading feed files needs no fetcher. */
  fetcher(): FeedFetcher;
  logger: Logger;
  /** ARXIV_CATEGORIES: the feeds polled when no others are named. */
  categories: readonly string[];
}

export interface FetchOptions {
  feedFiles?: readonly string[];
  categories?: readonly string[];
  /** The service stopping: downloads and their retries end at once. */
  signal?: AbortSignal;
}

export async function fetchEdition(deps: FetchDeps, options: FetchOptions): Promise<IngestResult> {
  if (options.feedFiles?.length) {
    const parsed = await readFeedFiles(options.feedFiles);
    const polled = parsed.map((p): PolledFeed => ({ feed: p.query, kind: "parsed", parsed: p }));
    return record(deps.logger, await ingestEdition(deps.editions, polled, new Date()));
  }
  const categories = options.categories ?? deps.categories;
  const { polled, validators } = await pollFeeds(
    deps.fetcher(),
    deps.feedStates,
    categories,
    options.signal,
  );
  const result = record(deps.logger, await ingestEdition(deps.editions, polled, new Date()));
  const batchDate = result.kind === "empty" ? undefined : result.edition.date;
  const staleFeeds = new Set(
    result.kind === "created" || result.kind === "merged" ? result.stale.map((s) => s.feed) : [],
  );
  for (const [feed, v] of validators) {
    const previous = await deps.feedStates.get(feed);
    const served = polled.find((p) => p.feed === feed);
    const empty = served?.kind === "parsed" && served.parsed.items.length === 0;
    await deps.feedStates.save({
      feed,
      ...v,
      lastBatchDate: empty || staleFeeds.has(feed) ? previous?.lastBatchDate : batchDate,
    });
  }
  return result;
}

async function pollFeeds(
  fetcher: FeedFetcher,
  states: FeedStateStore,
  categories: readonly string[],
  signal?: AbortSignal,
) {
  const polled: PolledFeed[] = [];
  const validators = new Map<string, { etag?: string; lastModified?: string }>();
  for (const feed of categories) {
    const state = await states.get(feed);
    const outcome = await fetcher.fetch(feed, state ?? {}, signal);
    if (outcome.kind === "not-modified") {
      polled.push({ feed, kind: "unchanged", lastBatchDate: state?.lastBatchDate });
      continue;
    }
    polled.push({ feed, kind: "parsed", parsed: await parseArxivFeed(outcome.xml, feed) });
    validators.set(feed, outcome.validators);
  }
  return { polled, validators };
}

function record(logger: Logger, result: IngestResult): IngestResult {
  if ((result.kind === "created" || result.kind === "merged") && result.stale.length > 0) {
    logger.warn(
      { stale: result.stale, edition: result.edition.date },
      "some feeds still serve an earlier batch; they are fetched again at the next poll",
    );
  }
  logger.info({ result: result.kind }, "feeds ingested");
  return result;
}

/** One line for a person. */
export function describeIngest(result: IngestResult): string {
  switch (result.kind) {
    case "created":
    case "merged": {
      const stale = result.stale.map((s) => `${s.feed} (still ${s.servingDate})`).join(", ");
      const verb = result.kind === "created" ? "stored" : "added";
      return `edition ${result.edition.date}: ${verb} ${result.paperCount} papers${stale ? `; not yet updated: ${stale}, fetch again later` : ""}`;
    }
    case "already-ingested":
      return `edition ${result.edition.date} was already stored; nothing new`;
    case "empty":
      return "the feeds are empty (no announcement: weekend or holiday); no edition made";
  }
}
