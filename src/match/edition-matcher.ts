import { normalizeForMatch } from "./normalize-text";
import type { Query } from "./query";

/** What the matcher needs to know of a paper. */
export interface MatchablePaper {
  id: number;
  title: string;
  abstract: string;
}

/**
 * Matches queries against one edition's papers. Each paper's text is folded once, and each
 * distinct query is evaluated once per edition and remembered, so fanning the results out to
 * many subscribers who share a query costs nothing more.
 */
export class EditionMatcher {
  private readonly texts: { id: number; text: string }[];
  private readonly hits = new Map<string, number[]>();

  constructor(papers: readonly MatchablePaper[]) {
    this.texts = papers.map((paper) => ({
      id: paper.id,
      text: normalizeForMatch(`${paper.title}\n${paper.abstract}`),
    }));
  }

  /** Ids of the papers the query matches, in edition order. */
  match(query: Query): number[] {
    let ids = this.hits.get(query.phrase);
    if (!ids) {
      ids = this.texts.filter((paper) => paper.text.includes(query.phrase)).map((p) => p.id);
      this.hits.set(query.phrase, ids);
    }
    return ids;
  }
}
