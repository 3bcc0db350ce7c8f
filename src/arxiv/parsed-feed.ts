import type { AnnouncedPaper } from "./paper";

/** One arXiv feed document, parsed and validated. */
export interface ParsedFeed {
  /** Channel title, e.g. "cs updates on arXiv.org". */
  title: string;
  /** The category query the feed answers, e.g. "cs" or "cs.AI+cs.LG". */
  query: string;
  /** Channel `<pubDate>`: midnight America/New_York of the announcement date (absent in some formats). */
  pubDate?: Date;
  items: AnnouncedPaper[];
}
