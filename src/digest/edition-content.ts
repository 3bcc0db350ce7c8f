import { paperLinks, type AnnounceType, type Paper } from "../arxiv/paper";
import { formatSubject } from "../arxiv/taxonomy";
import type { Edition, StoredPaper } from "../arxiv/edition";
import type { Subscriber } from "../subscribers/subscriber";
import { EditionMatcher } from "../match/edition-matcher";
import type { ChineseBridge } from "../match/chinese-terms";
import { InputError } from "../errors";
import { parseQuery, type Query } from "../match/query";
import type { PaperTranslation } from "../translate/paper-translation";
import { toTraditional } from "../translate/chinese-script";
import { buildDigest } from "./build-digest";
import type { Digest, DigestPaper } from "./digest";

type DigestOptions = { maxPapers: number; now: Date };

/** What decides an edition's mailable papers and its notices: the arXiv and translator settings. */
export interface ContentSettings {
  includeReplacements: boolean;
  /** False with TRANSLATOR=none: a missing translation is not coming, and the digest says so. */
  translates: boolean;
  /** The glossary as the matcher uses it: Chinese keywords, highlights in both languages. */
  chinese?: ChineseBridge;
  /** TRANSLATOR_SUMMARY: false hides the one-line summaries, those stored earlier included. */
  summaries: boolean;
}

/** Which announcements a digest carries: new and cross-lists, replacements only if asked. */
function mailedAnnounceTypes(includeReplacements: boolean): ReadonlySet<AnnounceType> {
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
  /** Paper id by arXiv id (an edition carries one version of each). */
  private readonly idOf: Map<string, number>;
  private readonly mailable: readonly StoredPaper[];
  private matcher: EditionMatcher;

  /** The mailable papers' arXiv ids, in edition order. */
  readonly arxivIds: readonly string[];

  constructor(
    readonly edition: Edition,
    stored: readonly StoredPaper[],
    private readonly settings: ContentSettings,
  ) {
    const announceTypes = mailedAnnounceTypes(settings.includeReplacements);
    const mailable = stored.filter((paper) => announceTypes.has(paper.announceType));
    this.mailable = mailable;
    this.papers = new Map(
      mailable.map((paper) => [paper.id, toDigestPaper(paper, settings.summaries)]),
    );
    this.idOf = new Map(mailable.map((paper) => [paper.arxivId, paper.id]));
    this.arxivIds = mailable.map((paper) => paper.arxivId);
    this.matcher = this.indexPapers();
  }

  /** The matcher over the papers with the Chinese known now, which Chinese keywords search. */
  private indexPapers(): EditionMatcher {
    const papers = this.mailable.map((paper) => ({
      ...paper,
      zh: this.papers.get(paper.id)?.translation,
    }));
    return new EditionMatcher(papers, this.settings.chinese);
  }

  private unmailed(mailed: ReadonlySet<string>, ids: readonly number[]): readonly number[] {
    if (mailed.size === 0) return ids;
    return ids.filter((id) => !mailed.has(this.papers.get(id)?.arxivId ?? ""));
  }

  /**
   * The subscriber's digest, or null when none of their queries matches. For a zh-TW subscriber
   * the translations are converted from the stored zh-CN (cached per text: once per process).
   */
  digestFor(
    subscriber: Subscriber,
    options: DigestOptions,
    /** Papers of this edition already mailed to them in an earlier one: left out. */
    mailedBefore: ReadonlySet<string> = NOTHING_MAILED,
  ): Digest | null {
    const built = this.build(subscriber, options, mailedBefore);
    if (!built) return null;
    const digest: Digest =
      built.missingTranslations && !this.settings.translates
        ? { ...built, missingTranslations: "off" }
        : built;
    if (subscriber.language !== "zh-TW") return { ...digest, language: "zh-CN" };
    const sections = digest.sections.map((section) => ({
      ...section,
      papers: section.papers.map((paper) =>
        paper.translation ? traditionalPaper(paper, paper.translation) : paper,
      ),
    }));
    return { ...digest, sections, language: "zh-TW" };
  }

  /**
   * The papers digests showed (`readers`: readers by arXiv id, see `countReaders`), most wanted
   * first (then in edition order): what is worth translating, in the order to translate it when
   * the per-run cap bites.
   */
  papersShownTo(
    readers: ReadonlyMap<string, number>,
  ): { paperId: number; paper: DigestPaper; readers: number }[] {
    return [...readers]
      .flatMap(([arxivId, count]) => {
        const paperId = this.idOf.get(arxivId) ?? -1;
        const paper = this.papers.get(paperId);
        return paper ? [{ paperId, paper, readers: count }] : [];
      })
      .sort((a, b) => b.readers - a.readers || a.paperId - b.paperId);
  }

  /**
   * Shows these translations (by paper id) in every digest built from now on, and lets Chinese
   * keywords find them: the matcher is rebuilt (once per translation run, a few milliseconds).
   */
  addTranslations(translations: ReadonlyMap<number, PaperTranslation>): void {
    if (translations.size === 0) return;
    for (const [paperId, translation] of translations) {
      const paper = this.papers.get(paperId);
      if (paper) {
        const shown = shownTranslation(translation, this.settings.summaries);
        this.papers.set(paperId, { ...paper, translation: shown });
      }
    }
    this.matcher = this.indexPapers();
  }

  private build(
    subscriber: Subscriber,
    options: DigestOptions,
    mailedBefore: ReadonlySet<string>,
  ): Digest | null {
    return buildDigest({
      editionDate: this.edition.date,
      announcedAt: this.edition.announcedAt,
      generatedAt: options.now,
      recipient: { email: subscriber.email, timeZone: subscriber.timeZone },
      queries: parseableQueries(subscriber.keywords),
      matchQuery: (query) => this.unmailed(mailedBefore, this.matcher.match(query)),
      matchedTerms: (query) => this.matcher.matchedTerms(query),
      papers: this.papers,
      maxPapers: options.maxPapers,
    });
  }
}

const NOTHING_MAILED: ReadonlySet<string> = new Set();

/** The arXiv ids of a digest's papers, once each (a paper may match several queries). */
export function papersOf(digest: Digest): string[] {
  return [...new Set(digest.sections.flatMap((s) => s.papers.map((p) => p.arxivId)))];
}

/** Counts a digest's papers, once each, into `readers` (readers by arXiv id). */
export function countReaders(readers: Map<string, number>, digest: Digest): void {
  for (const id of papersOf(digest)) readers.set(id, (readers.get(id) ?? 0) + 1);
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

/** zh-TW papers, one per zh-CN one: renderers cache by object, so the same paper stays the same. */
const traditionalPapers = new WeakMap<DigestPaper, DigestPaper>();

function traditionalPaper(
  paper: DigestPaper,
  zh: NonNullable<DigestPaper["translation"]>,
): DigestPaper {
  let converted = traditionalPapers.get(paper);
  if (!converted) {
    const terms = paper.matchedTerms?.map(toTraditional);
    converted = { ...paper, translation: traditionalOf(zh), ...(terms && { matchedTerms: terms }) };
    traditionalPapers.set(paper, converted);
  }
  return converted;
}

/** zh-TW translations, one object per zh-CN one: renderers cache per translation object. */
const traditional = new WeakMap<
  NonNullable<DigestPaper["translation"]>,
  DigestPaper["translation"]
>();

function traditionalOf(
  zh: NonNullable<DigestPaper["translation"]>,
): NonNullable<DigestPaper["translation"]> {
  let converted = traditional.get(zh);
  if (!converted) {
    converted = {
      title: toTraditional(zh.title),
      abstract: toTraditional(zh.abstract),
      summary: zh.summary === undefined ? undefined : toTraditional(zh.summary),
    };
    traditional.set(zh, converted);
  }
  return converted;
}

function toDigestPaper(paper: StoredPaper, summaries: boolean): DigestPaper {
  const zh = paper.translations.find((t) => t.language === "zh-CN");
  return digestPaperOf(paper, zh && shownTranslation(zh, summaries));
}

/** A copy of the translation, without its summary when summaries are off. */
function shownTranslation<T extends { summary?: string | null }>(
  translation: T,
  summaries: boolean,
): T {
  return summaries ? { ...translation } : { ...translation, summary: undefined };
}

/** A paper as a digest shows it: subjects by name, its arXiv links, its Chinese if any. */
export function digestPaperOf(
  paper: Paper,
  zh?: { title: string; abstract: string; summary?: string | null },
): DigestPaper {
  return {
    arxivId: paper.arxivId,
    version: paper.version,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    subjects: paper.categories.map(formatSubject),
    links: paperLinks(paper.arxivId),
    translation: zh && {
      title: zh.title,
      abstract: zh.abstract,
      summary: zh.summary ?? undefined,
    },
  };
}
