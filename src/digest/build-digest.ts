import type { Query } from "../match/query";
import type { Digest, DigestPaper } from "./digest";
import { NO_TERMS } from "./per-paper-cache";

export interface BuildDigestInput {
  editionDate: string;
  announcedAt: Date;
  generatedAt: Date;
  recipient: { email: string; timeZone: string };
  /** The subscriber's queries, in the subscriber's order. */
  queries: readonly Query[];
  /** The matcher's answer for a query: paper ids in edition order. */
  matchQuery: (query: Query) => readonly number[];
  /**
   * What the query found in each matched paper (EditionMatcher.matchedTerms): when given, each
   * paper of a section carries its own section's terms, since a paper in two sections was found
   * by two queries.
   */
  matchedTerms?: (query: Query) => ReadonlyMap<number, readonly string[]>;
  papers: ReadonlyMap<number, DigestPaper>;
  maxPapers: number;
}

/**
 * Builds one subscriber's digest, or null when nothing matches (no mail is sent then).
 * A paper that matches two queries appears in both sections but counts once; past the cap,
 * whole papers are left out and counted, never cut silently.
 */
export function buildDigest(input: BuildDigestInput): Digest | null {
  const kept = new Set<number>();
  let omitted = 0;
  const seen = new Set<number>();
  const sections = input.queries.map((query) => {
    const ids = input.matchQuery(query).filter((id) => {
      if (!seen.has(id)) {
        seen.add(id);
        if (kept.size < input.maxPapers) kept.add(id);
        else omitted += 1;
      }
      return kept.has(id);
    });
    const terms = input.matchedTerms?.(query);
    const papers = ids.map((id) => {
      const paper = paperOf(input.papers, id);
      return terms ? withTerms(paper, terms.get(id) ?? NO_TERMS) : paper;
    });
    return { query: query.text, papers };
  });
  if (seen.size === 0) return null;
  const shown = sections.filter((section) => section.papers.length > 0);
  return {
    editionDate: input.editionDate,
    announcedAt: input.announcedAt,
    generatedAt: input.generatedAt,
    recipient: input.recipient,
    sections: shown,
    uniquePaperCount: kept.size,
    omittedPaperCount: omitted,
    missingTranslations: shown.some((s) => s.papers.some((p) => p.translation === undefined))
      ? "pending"
      : false,
  };
}

/** Each paper with each term list, made once: every digest showing them shares the object. */
const papersWithTerms = new WeakMap<DigestPaper, WeakMap<readonly string[], DigestPaper>>();

/**
 * The paper carrying a section's matched terms. The matcher hands out one term list per (query,
 * paper), so the same pair recurs across subscribers: sharing the object saves a copy per paper
 * per digest and lets renderers cache by identity.
 */
function withTerms(paper: DigestPaper, terms: readonly string[]): DigestPaper {
  let byTerms = papersWithTerms.get(paper);
  if (!byTerms) papersWithTerms.set(paper, (byTerms = new WeakMap()));
  let decorated = byTerms.get(terms);
  if (!decorated) byTerms.set(terms, (decorated = { ...paper, matchedTerms: terms }));
  return decorated;
}

function paperOf(papers: ReadonlyMap<number, DigestPaper>, id: number): DigestPaper {
  const paper = papers.get(id);
  if (!paper) throw new Error(`matcher returned paper ${id}, which is not in the edition`);
  return paper;
}
