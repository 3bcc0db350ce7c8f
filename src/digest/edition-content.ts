import { paperLinks, type AnnounceType } from "../arxiv/paper";
import { formatSubject } from "../arxiv/taxonomy";
import type { Edition, StoredPaper } from "../db/edition-store";
import type { Subscriber } from "../db/subscriber-store";
import { EditionMatcher } from "../match/edition-matcher";
import { InputError } from "../errors";
import { parseQuery, type Query } from "../match/query";
import { buildDigest } from "./build-digest";
import type { Digest, DigestPaper } from "./digest";

/** Which announcements a digest carries: new and cross-lists, replacements only if asked. */
export function mailedAnnounceTypes(includeReplacements: boolean): ReadonlySet<AnnounceType> {
  return new Set<AnnounceType>(
    includeReplacements ? ["new", "cross", "replace", "replace_cross"] : ["new", "cross"],
  );
}

/**
 * One edition loaded once for a whole send run: its mailable papers in digest form and a matcher
 * over them. Every subscriber's digest is then built from memory.
 */
export class EditionContent {
  private readonly papers: Map<number, DigestPaper>;
  private readonly matcher: EditionMatcher;

  constructor(
    readonly edition: Edition,
    stored: readonly StoredPaper[],
    announceTypes: ReadonlySet<AnnounceType>,
    /** Per subscriber, papers of this edition already mailed to them in an earlier one. */
    private readonly mailedBefore: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
  ) {
    const mailable = stored.filter((paper) => announceTypes.has(paper.announceType));
    this.papers = new Map(mailable.map((paper) => [paper.id, toDigestPaper(paper)]));
    this.matcher = new EditionMatcher(mailable);
  }

  private unmailed(subscriberId: number, ids: readonly number[]): readonly number[] {
    const mailed = this.mailedBefore.get(subscriberId);
    if (!mailed) return ids;
    return ids.filter((id) => !mailed.has(this.papers.get(id)?.arxivId ?? ""));
  }

  /** The subscriber's digest, or null when none of their queries matches. */
  digestFor(subscriber: Subscriber, options: { maxPapers: number; now: Date }): Digest | null {
    return buildDigest({
      editionDate: this.edition.date,
      announcedAt: this.edition.announcedAt,
      generatedAt: options.now,
      recipient: { email: subscriber.email, timeZone: subscriber.timeZone },
      queries: parseableQueries(subscriber.keywords),
      matchQuery: (query) => this.unmailed(subscriber.id, this.matcher.match(query)),
      matchedTerms: (query) => this.matcher.matchedTerms(query),
      papers: this.papers,
      maxPapers: options.maxPapers,
    });
  }
}

/**
 * The subscriber's queries that still parse. A keyword stored under older, looser rules may not;
 * it is left out of the digest rather than costing the subscriber the whole mail.
 */
function parseableQueries(keywords: readonly string[]): Query[] {
  return keywords.flatMap((keyword) => {
    try {
      return [parseQuery(keyword)];
    } catch (error) {
      if (error instanceof InputError) return [];
      throw error;
    }
  });
}

function toDigestPaper(paper: StoredPaper): DigestPaper {
  const zh = paper.translations.find((t) => t.language === "zh-CN");
  return {
    arxivId: paper.arxivId,
    version: paper.version,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    subjects: paper.categories.map(formatSubject),
    links: paperLinks(paper.arxivId),
    translation: zh ? { title: zh.title, abstract: zh.abstract } : undefined,
  };
}
