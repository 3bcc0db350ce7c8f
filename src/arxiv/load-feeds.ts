import fs from "node:fs/promises";
import { InputError, FeedError } from "../errors";
import { parseArxivFeed } from "./parse-arxiv-feed";
import type { ParsedFeed } from "./parsed-feed";

/** Reads and parses feed files; every file must parse before anything is stored. */
export async function readFeedFiles(files: readonly string[]): Promise<ParsedFeed[]> {
  const feeds: ParsedFeed[] = [];
  for (const file of files) {
    let xml: string;
    try {
      xml = await fs.readFile(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        `cannot read feed file ${file}: ${code === "ENOENT" ? "no such file" : code}`,
      );
    }
    feeds.push(await parseArxivFeed(xml, file));
  }
  return feeds;
}

/** arXiv asks for one request at a time, at most one every 3 seconds. */
const REQUEST_SPACING_MS = 3_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** Downloads the RSS feed of each category in turn from rss.arxiv.org. */
export async function downloadFeeds(
  categories: readonly string[],
  userAgent: string,
  baseUrl = "https://rss.arxiv.org/rss/",
): Promise<ParsedFeed[]> {
  const feeds: ParsedFeed[] = [];
  for (const [index, category] of categories.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, REQUEST_SPACING_MS));
    const url = `${baseUrl}${encodeURIComponent(category)}`;
    const response = await fetch(url, {
      headers: { "User-Agent": userAgent },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new FeedError(
        `download failed: ${error instanceof Error ? error.message : String(error)}`,
        url,
      );
    });
    if (!response.ok) throw new FeedError(`arXiv answered HTTP ${response.status}`, url);
    feeds.push(await parseArxivFeed(await response.text(), url));
  }
  return feeds;
}
