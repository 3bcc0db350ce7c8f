import { evaluateQuery, matchedTermsFinder } from "./evaluate-query";
import { PaperIndex, type MatchablePaper } from "./paper-index";
import type { PaperSet } from "./paper-set";
import type { Query } from "./query";
import type { ChineseBridge } from "./chinese-terms";

export type { MatchablePaper } from "./paper-index";

/**
 * Matches queries against one edition's papers. The papers are indexed once (PaperIndex), and
 * each distinct query (by canonical key) is evaluated once and remembered, so fanning the answer
 * out to every subscriber who shares a query costs a map lookup. Nothing here loops over
 * subscribers × papers.
 */
export class EditionMatcher {
  private readonly index: PaperIndex;
  private readonly ids: number[];
  private readonly sets = new Map<string, PaperSet>();
  private readonly hits = new Map<string, number[]>();
  private readonly terms = new Map<string, ReadonlyMap<number, readonly string[]>>();

  constructor(papers: readonly MatchablePaper[], bridge?: ChineseBridge) {
    this.index = new PaperIndex(papers, bridge);
    this.ids = papers.map((paper) => paper.id);
  }

  /** Ids of the papers the query matches, in edition order. The array is shared: do not mutate. */
  match(query: Query): number[] {
    let ids = this.hits.get(query.key);
    if (!ids) {
      ids = this.paperSet(query)
        .positions()
        .map((position) => this.ids[position] ?? -1);
      this.hits.set(query.key, ids);
    }
    return ids;
  }

  /** The matched papers as a set over edition positions, for cheap unions across queries. */
  paperSet(query: Query): PaperSet {
    let set = this.sets.get(query.key);
    if (!set) {
      set = evaluateQuery(query.ast, this.index);
      this.sets.set(query.key, set);
    }
    return set;
  }

  /**
   * For each paper the query matches (by id): the words, phrases, author names and category
   * codes it looks for, as the paper writes them, for the renderer to highlight. Computed on
   * first request per query, then remembered.
   */
  matchedTerms(query: Query): ReadonlyMap<number, readonly string[]> {
    let terms = this.terms.get(query.key);
    if (!terms) {
      const byId = new Map<number, readonly string[]>();
      const find = matchedTermsFinder(query.ast, this.index);
      for (const position of this.paperSet(query).positions()) {
        byId.set(this.ids[position] ?? -1, find(position));
      }
      terms = byId;
      this.terms.set(query.key, terms);
    }
    return terms;
  }
}
