import Parser from "rss-parser";
import { FeedError, messageOf } from "../errors";
import { boundLength, cleanFeedText, cleanTitle } from "./clean-feed-text";
import { FEED_LIMITS } from "./feed-limits";
import type { AnnouncedPaper } from "./paper";
import type { ParsedFeed } from "./parsed-feed";
import { readFeedItem, textOf, type FeedFormat, type RawItem } from "./read-feed-item";

export { FEED_LIMITS };

interface FeedExtra {
  id?: unknown;
  subtitle?: unknown;
  pubDate?: unknown;
  description?: unknown;
}

// rss-parser's typings allow only `keepArray`, but it also honours `includeSnippet` (its own
// HTML-to-text of the field); legacy RSS 1.0 writes authors as escaped <a> links and needs it.
const WITH_SNIPPET = { keepArray: false, includeSnippet: true };
const AS_ARRAY = { keepArray: true };

// Element → field name in the item rss-parser returns; read-feed-item.ts reads these names.
const ITEM_FIELDS = [
  ["arxiv:announce_type", "announceType"],
  ["dc:creator", "dcCreator", WITH_SNIPPET],
  ["arxiv:DOI", "doi"],
  ["arxiv:doi", "apiDoi"],
  ["arxiv:journal_reference", "journalRef"],
  ["arxiv:journal_ref", "apiJournalRef"],
  ["dc:rights", "license"],
  ["category", "categoryList", AS_ARRAY],
  ["author", "authorList", AS_ARRAY],
  ["arxiv:primary_category", "primaryCategory"],
];

const QUERY =
  /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?(?:\+[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?)*$/;
const FEED_URL_QUERY = /^https?:\/\/(?:rss|export)\.arxiv\.org\/(?:rss|atom)\/([^/?#\s]+)\/?$/;
const TITLE_QUERY = /^(\S+) updates on arXiv\.org$/;
const API_TITLE = /^arXiv Query:/;

/**
 * Parses one arXiv feed document into papers, in the feed's order.
 *
 * Reads arXiv's current RSS 2.0 (rss.arxiv.org/rss/<query>), its Atom twin (rss.arxiv.org/atom),
 * the legacy RSS 1.0 / RDF feed served before February 2024, and export.arxiv.org API answers
 * (Atom). XML is read by rss-parser; this module only interprets arXiv's fields. `source` (a file
 * name or URL) prefixes error messages.
 *
 * Throws FeedError, and returns nothing partial, for: a document that is not well-formed XML or
 * not a feed; arXiv's "Feed error for query" answer to an unknown category; a feed whose category
 * query cannot be told; any item without a recognisable arXiv id and version, title, category or
 * announce type; an id repeated within the feed; a document or item count over FEED_LIMITS. A feed
 * with no items (weekends, holidays) is valid and has `items: []`.
 */
export async function parseArxivFeed(xml: string, source?: string): Promise<ParsedFeed> {
  if (xml.trim() === "") throw new FeedError("the feed document is empty", source);
  if (xml.length > FEED_LIMITS.maxDocumentChars) {
    throw new FeedError(
      `the feed document is larger than ${FEED_LIMITS.maxDocumentChars} characters`,
      source,
    );
  }

  // A parser per call: xml2js keeps state between documents, and a failed parse can leave it dirty.
  const parser = new Parser<FeedExtra, RawItem>({
    customFields: { feed: ["id", "subtitle"], item: ITEM_FIELDS },
  });
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    const reason = messageOf(err).split("\n")[0] ?? "";
    throw new FeedError(`not a readable RSS or Atom feed (${boundLength(reason, 120)})`, source);
  }
  const format = feedFormat(xml);
  if (!format) throw new FeedError("not an RSS 2.0, RSS 1.0 or Atom feed", source);

  const title = cleanTitle(textOf(feed.title) ?? "");
  if (/^Feed error for query/i.test(title)) {
    const detail = cleanFeedText(textOf(feed.description) ?? textOf(feed.subtitle) ?? "");
    const why = detail ? `: ${boundLength(detail, 200)}` : "";
    throw new FeedError(
      `arXiv refused the feed query ("${boundLength(title, 200)}")${why}`,
      source,
    );
  }
  const isApi = format === "atom" && API_TITLE.test(title);
  const query = feedQuery(format, isApi, title, [feed.link, feed.feedUrl, feed.id]);
  if (!query) {
    throw new FeedError(
      `cannot tell which arXiv category this feed is for (title "${boundLength(title, 80)}")`,
      source,
    );
  }

  const rawItems: RawItem[] = feed.items;
  if (rawItems.length > FEED_LIMITS.maxItems) {
    throw new FeedError(`the feed has more than ${FEED_LIMITS.maxItems} items`, source);
  }
  const items = rawItems.map((item, index) =>
    readFeedItem(item, { format, query, isApi, index, source }),
  );
  rejectRepeatedIds(items, source);

  const pubDate = feedPubDate(format, isApi, feed.pubDate, rawItems[0]);
  return { title, query, ...(pubDate && { pubDate }), items };
}

/**
 * Which dialect the document is. rss-parser accepts all three but does not say which it read, and
 * the dialect decides where the id and announce type live; the root element tells. The scan skips
 * the prolog (declaration, comments, doctype) in one pass.
 */
function feedFormat(xml: string): FeedFormat | undefined {
  let at = 0;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) return undefined;
    if (xml.startsWith("<!--", lt)) at = xml.indexOf("-->", lt + 4);
    else if (xml.startsWith("<?", lt)) at = xml.indexOf("?>", lt + 2);
    else if (xml.startsWith("<!", lt)) {
      // A doctype may carry an internal subset, "<!DOCTYPE x [ <!ENTITY …> ]>", full of "<".
      const close = xml.indexOf(">", lt);
      const subset = xml.indexOf("[", lt);
      at = subset >= 0 && subset < close ? xml.indexOf("]", subset) : close;
    } else {
      const root = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 100))?.[1] ?? "";
      if (root === "rss") return "rss2";
      if (root === "feed") return "atom";
      return root === "RDF" || root.endsWith(":RDF") ? "rdf" : undefined;
    }
    if (at < 0) return undefined;
    at += 1;
  }
}

/**
 * The category query the feed answers. Announcement feeds say it in their URL
 * (`http://rss.arxiv.org/rss/cs.AI+cs.LG`) and their title ("cs.AI updates on arXiv.org"; the only
 * place legacy feeds say it). An API answer that only ORs categories ("cat:cs.LG OR cat:cs.AI")
 * gets them as "cs.LG+cs.AI"; any other API search is "api".
 */
function feedQuery(
  format: FeedFormat,
  isApi: boolean,
  title: string,
  links: unknown[],
): string | undefined {
  if (isApi) {
    const search = /search_query=([^&]*)/.exec(title)?.[1]?.trim() ?? "";
    const terms = search.split(/\s+OR\s+/);
    const cats = terms.map((t) => /^cat:(\S+)$/.exec(t)?.[1] ?? "");
    const joined = cats.join("+");
    return search !== "" && QUERY.test(joined) ? joined : "api";
  }
  if (format !== "rdf") {
    for (const link of links) {
      const fromUrl = decodePath(FEED_URL_QUERY.exec(textOf(link)?.trim() ?? "")?.[1]);
      if (fromUrl && QUERY.test(fromUrl)) return fromUrl;
    }
  }
  const fromTitle = TITLE_QUERY.exec(title)?.[1];
  return fromTitle && QUERY.test(fromTitle) ? fromTitle : undefined;
}

/** A URL path segment decoded ("cs.AI%2Bcs.LG" → "cs.AI+cs.LG"); undefined if malformed. */
function decodePath(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The announcement date: the RSS channel's pubDate (midnight America/New_York). The Atom
 * announcement feed has no feed-level date but dates every entry with that same midnight, so the
 * first entry's tells. API answers and legacy feeds have none (legacy `dc:date` is the evening
 * before the mailing, not the announcement's midnight).
 */
function feedPubDate(
  format: FeedFormat,
  isApi: boolean,
  channelDate: unknown,
  firstItem: RawItem | undefined,
): Date | undefined {
  const raw =
    format === "rss2"
      ? textOf(channelDate)
      : format === "atom" && !isApi
        ? textOf(firstItem?.pubDate)
        : undefined;
  if (!raw) return undefined;
  const date = new Date(raw.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** arXiv never lists a paper twice in one feed; a repeat means a garbled feed, and would be stored twice. */
function rejectRepeatedIds(items: AnnouncedPaper[], source: string | undefined): void {
  const seen = new Map<string, number>();
  items.forEach(({ paper }, index) => {
    const first = seen.get(paper.arxivId);
    if (first !== undefined) {
      throw new FeedError(
        `item ${index + 1} repeats arXiv id ${paper.arxivId} (first seen as item ${first + 1})`,
        source,
      );
    }
    seen.set(paper.arxivId, index);
  });
}
