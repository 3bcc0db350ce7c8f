import type { App } from "../container";
import { ingestEdition, type IngestResult } from "./ingest-edition";
import { downloadFeeds, readFeedFiles } from "./load-feeds";

const USER_AGENT =
  "arxiv-digest/0.1 (+https://github.com/arxiv-digest; self-hosted digest service)";

/** Reads the given feed files, or downloads the configured categories, and stores the edition. */
export async function fetchEdition(
  app: App,
  options: { feedFiles?: readonly string[]; categories?: readonly string[] },
): Promise<IngestResult> {
  const feeds = options.feedFiles?.length
    ? await readFeedFiles(options.feedFiles)
    : await downloadFeeds(options.categories ?? app.config.arxiv.categories, USER_AGENT);
  const result = await ingestEdition(app.editions, feeds);
  app.logger.info({ result: result.kind }, "feeds ingested");
  return result;
}

/** One line for a person. */
export function describeIngest(result: IngestResult): string {
  switch (result.kind) {
    case "created":
      return `edition ${result.edition.date}: stored ${result.paperCount} papers`;
    case "already-ingested":
      return `edition ${result.edition.date} was already stored; nothing new`;
    case "empty":
      return "the feeds are empty (no announcement: weekend or holiday); no edition made";
  }
}
