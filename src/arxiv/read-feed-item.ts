import { FeedError } from "../errors";
import { idFromAbsLink, parseVersionedId, type VersionedId } from "./arxiv-id";
import {
  boundLength,
  cleanAbstract,
  cleanFeedText,
  cleanTitle,
  collapseWhitespace,
  decodeEntities,
  decodeTexAccents,
  repairMojibake,
} from "./clean-feed-text";
import { FEED_LIMITS } from "./feed-limits";
import type { AnnounceType, AnnouncedPaper } from "./paper";
import { splitAuthors } from "./split-authors";
import { isKnownCategory } from "./taxonomy";

/** The three shapes arXiv has served announcements in. */
export type FeedFormat = "rss2" | "atom" | "rdf";

/**
 * One item as rss-parser hands it over, with the custom fields named in parse-arxiv-feed.ts. The
 * values come from xml2js (a string, `{ _: text, $: attributes }`, or arrays of those) and from an
 * untrusted document, so they are `unknown` until read by the helpers below.
 */
export type RawItem = Record<string, unknown>;

/** What an item's reading needs to know about its feed. */
export interface ItemContext {
  format: FeedFormat;
  /** The feed's category query ("cs.AI", "cs.AI+cs.LG", "api"). */
  query: string;
  /** An export.arxiv.org API answer rather than an announcement feed. */
  isApi: boolean;
  /** 0-based position in the feed, for error messages. */
  index: number;
  source?: string;
}

const ANNOUNCE_TYPES = new Map<string, AnnounceType>([
  ["new", "new"],
  ["cross", "cross"],
  ["replace", "replace"],
  ["replace-cross", "replace_cross"],
  ["replace_cross", "replace_cross"],
]);

const ANNOUNCE_HEADER = /^\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)/;
const CATEGORY_CODE = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/;
const LEGACY_SUFFIX = /^\(arXiv:(\S+?)\s+\[([^\]\s]+)\](?:\s+(UPDATED|CROSS LISTED))?\)\s*$/;
const LICENSE_URL = /^https?:\/\/[^\s<>"]+$/;

/**
 * Reads one feed item into an AnnouncedPaper, or throws a FeedError naming the item. The three
 * formats differ in where they keep the id, the announce type, the categories and the authors;
 * all of them end in the same cleaning (buildPaper).
 */
export function readFeedItem(item: RawItem, ctx: ItemContext): AnnouncedPaper {
  switch (ctx.format) {
    case "rss2":
      return readRss2Item(item, ctx);
    case "atom":
      return readAtomItem(item, ctx);
    case "rdf":
      return readRdfItem(item, ctx);
  }
}

/** The item's arXiv id and version from the element that carries them, or a FeedError. */
function requireVersionedId(
  raw: string | undefined,
  element: string,
  ctx: ItemContext,
  item: RawItem,
): VersionedId {
  if (!raw?.trim()) throw itemError(ctx, item, `has no ${element}, so its arXiv id is unknown`);
  const id = parseVersionedId(raw);
  if (!id) {
    throw itemError(
      ctx,
      item,
      `has an ${element} that is not an arXiv id with version: "${short(raw)}"`,
    );
  }
  return id;
}

function readRss2Item(item: RawItem, ctx: ItemContext): AnnouncedPaper {
  const id = requireVersionedId(textOf(item.guid), "<guid>", ctx, item);
  const description = textOf(item.content) ?? "";
  const header = announceHeader(description, ctx, item, id);
  return buildPaper(ctx, item, {
    id,
    announceType: announceType(textOf(item.announceType) ?? header, ctx, item),
    title: textOf(item.title),
    abstract: cleanAbstract(description),
    authors: splitAuthors(decodeEntities(repairMojibake(textOf(item.dcCreator) ?? ""))),
    categories: listOf(item.categoryList).map((c) => textOf(c) ?? attrOf(c, "term")),
    doi: textOf(item.doi),
    journalRef: textOf(item.journalRef),
    license: textOf(item.license),
  });
}

function readAtomItem(item: RawItem, ctx: ItemContext): AnnouncedPaper {
  const id = requireVersionedId(textOf(item.id), "<id>", ctx, item);
  const summary = textOf(item.summary) ?? "";
  const header = announceHeader(summary, ctx, item, id);
  // An API answer announces nothing; calling a first version "new" and a later one "replace"
  // keeps the meaning the announcement feeds give those words.
  const apiType = ctx.isApi ? (id.version === 1 ? "new" : "replace") : undefined;
  const names = listOf(item.authorList).map((a) => textOf(childOf(a, "name")));
  const authors = names.some((n) => n !== undefined)
    ? names.filter((n): n is string => n !== undefined).map((n) => decodeEntities(n))
    : splitAuthors(decodeEntities(repairMojibake(textOf(item.dcCreator) ?? "")));
  return buildPaper(ctx, item, {
    id,
    announceType: announceType(textOf(item.announceType) ?? header ?? apiType, ctx, item),
    title: textOf(item.title),
    abstract: cleanAbstract(summary),
    authors,
    categories: [
      attrOf(item.primaryCategory, "term"),
      ...listOf(item.categoryList).map((c) => attrOf(c, "term") ?? textOf(c)),
    ],
    doi: textOf(item.apiDoi) ?? textOf(item.doi),
    journalRef: textOf(item.apiJournalRef) ?? textOf(item.journalRef),
    license: textOf(item.license),
  });
}

/**
 * Legacy RSS 1.0 (before February 2024): the id, version, primary category and kind of
 * announcement live in the title, "Title. (arXiv:2308.05106v1 [cs.CV] UPDATED)"; the abstract and
 * authors are escaped HTML, which rss-parser has already turned into text (the *Snippet fields).
 */
function readRdfItem(item: RawItem, ctx: ItemContext): AnnouncedPaper {
  const rawTitle = textOf(item.title) ?? "";
  const at = rawTitle.lastIndexOf("(arXiv:");
  const suffix = at >= 0 ? LEGACY_SUFFIX.exec(rawTitle.slice(at)) : null;
  const fromTitle = suffix?.[1] ? parseVersionedId(suffix[1]) : undefined;
  const primary = suffix?.[2];
  if (!fromTitle || !primary) {
    throw itemError(ctx, item, 'has no "(arXiv:ID [category])" in its title, so its id is unknown');
  }
  const link = textOf(item.link);
  const linkId = link ? idFromAbsLink(link) : undefined;
  if (linkId !== undefined && linkId !== fromTitle.arxivId) {
    throw itemError(ctx, item, `links to ${linkId} but its title names ${fromTitle.arxivId}`);
  }
  const inFeed = inQuery(primary, ctx.query);
  const marker = suffix[3];
  const type: AnnounceType =
    marker === "CROSS LISTED"
      ? "cross"
      : marker === "UPDATED"
        ? inFeed
          ? "replace"
          : "replace_cross"
        : inFeed
          ? "new"
          : "cross";
  // The legacy title names only the primary category; the feed's own category is the other one
  // the paper is known to be in (for a cross-list it is why the paper is in this feed at all).
  const categories = [primary];
  if (!ctx.query.includes("+") && isKnownCategory(ctx.query)) categories.push(ctx.query);
  return buildPaper(ctx, item, {
    id: { arxivId: linkId ?? fromTitle.arxivId, version: fromTitle.version },
    announceType: type,
    title: rawTitle.slice(0, at).trimEnd().replace(/\.$/, ""),
    abstract: cleanAbstract(textOf(item.contentSnippet) ?? ""),
    authors: splitAuthors(textOf(item.dcCreatorSnippet) ?? ""),
    categories,
  });
}

interface PaperFields {
  id: VersionedId;
  announceType: AnnounceType;
  title: string | undefined;
  /** Already cleaned. */
  abstract: string;
  /** Split, not yet cleaned. */
  authors: string[];
  categories: Array<string | undefined>;
  doi?: string;
  journalRef?: string;
  license?: string;
}

function buildPaper(ctx: ItemContext, item: RawItem, f: PaperFields): AnnouncedPaper {
  const L = FEED_LIMITS;
  const title = boundLength(cleanTitle(f.title ?? ""), L.maxTitleChars);
  if (title === "") throw itemError(ctx, item, "has no title");
  const categories = cleanCategories(f.categories);
  const primaryCategory = categories[0];
  if (primaryCategory === undefined) throw itemError(ctx, item, "has no valid category");
  const authors = f.authors
    .map((a) => boundLength(collapseWhitespace(decodeTexAccents(a)), L.maxAuthorChars))
    .filter((a) => a !== "")
    .slice(0, L.maxAuthors);
  const doi = optional(f.doi, L.maxDoiChars);
  const journalRef = optional(f.journalRef, L.maxJournalRefChars);
  const license = f.license?.trim();
  return {
    announceType: f.announceType,
    paper: {
      arxivId: f.id.arxivId,
      version: f.id.version,
      title,
      abstract: boundLength(f.abstract, L.maxAbstractChars),
      authors,
      categories,
      primaryCategory,
      ...(doi !== undefined && { doi }),
      ...(journalRef !== undefined && { journalRef }),
      ...(license &&
        license.length <= L.maxLicenseChars &&
        LICENSE_URL.test(license) && { license }),
    },
  };
}

/** Valid codes only (the API also lists ACM and MSC classes such as "I.2.7"), deduplicated, primary first. */
function cleanCategories(raw: Array<string | undefined>): string[] {
  const out: string[] = [];
  for (const value of raw) {
    const code = value?.trim();
    if (code && CATEGORY_CODE.test(code) && !out.includes(code)) out.push(code);
    if (out.length >= FEED_LIMITS.maxCategories) break;
  }
  return out;
}

function optional(raw: string | undefined, max: number): string | undefined {
  const text = raw === undefined ? "" : cleanFeedText(raw);
  return text === "" ? undefined : boundLength(text, max);
}

/**
 * The announce type from a description's "arXiv:ID Announce Type: TYPE" header, after checking
 * that the header names the same paper version as the item's id: a mismatch means the feed is
 * garbled, and storing either would file an abstract under the wrong paper.
 */
function announceHeader(
  text: string,
  ctx: ItemContext,
  item: RawItem,
  id: VersionedId,
): string | undefined {
  const match = ANNOUNCE_HEADER.exec(text);
  if (!match?.[1]) return undefined;
  const named = parseVersionedId(match[1]);
  if (named && (named.arxivId !== id.arxivId || named.version !== id.version)) {
    throw itemError(ctx, item, `is ${id.arxivId}v${id.version} but its abstract says ${match[1]}`);
  }
  return match[2];
}

function announceType(raw: string | undefined, ctx: ItemContext, item: RawItem): AnnounceType {
  const type = raw === undefined ? undefined : ANNOUNCE_TYPES.get(raw.trim().toLowerCase());
  if (type) return type;
  // Refused rather than guessed: a new kind of announcement is a format change to look at.
  throw itemError(
    ctx,
    item,
    raw === undefined ? "has no announce type" : `has an unknown announce type "${short(raw)}"`,
  );
}

/** Whether a category is covered by a feed query: "cs.AI" by "cs.AI+cs.LG" and by "cs". */
function inQuery(category: string, query: string): boolean {
  return query.split("+").some((term) => category === term || category.startsWith(`${term}.`));
}

function itemError(ctx: ItemContext, item: RawItem, problem: string): FeedError {
  const title = short(textOf(item.title) ?? "");
  const label = title ? ` ("${title}")` : "";
  return new FeedError(`item ${ctx.index + 1}${label} ${problem}`, ctx.source);
}

/** Untrusted text quoted in an error message: one line, short. */
function short(text: string): string {
  return boundLength(collapseWhitespace(text), 80);
}

/** The text of an xml2js value: a string, `{ _: text }` for an element with attributes, or the first of an array. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isRecord(value) && typeof value._ === "string") return value._;
  return undefined;
}

/** An attribute of an xml2js element (`<category term="cs.AI"/>` → `{ $: { term } }`). */
function attrOf(value: unknown, name: string): string | undefined {
  if (Array.isArray(value)) return attrOf(value[0], name);
  if (!isRecord(value) || !isRecord(value.$)) return undefined;
  const attr = value.$[name];
  return typeof attr === "string" ? attr : undefined;
}

function childOf(value: unknown, name: string): unknown {
  return isRecord(value) ? value[name] : undefined;
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
