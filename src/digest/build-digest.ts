import type { Query } from "../match/query";
import type { Digest, DigestPaper } from "./digest";

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
      return terms ? { ...paper, matchedTerms: terms.get(id) ?? [] } : paper;
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
    missingTranslations: shown.some((s) => s.papers.some((p) => p.translation === undefined)),
  };
}

function paperOf(papers: ReadonlyMap<number, DigestPaper>, id: number): DigestPaper {
  const paper = papers.get(id);
  if (!paper) throw new Error(`matcher returned paper ${id}, which is not in the edition`);
  return paper;
}
