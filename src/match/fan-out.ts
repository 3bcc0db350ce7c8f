import { InputError } from "../errors";
import type { EditionMatcher } from "./edition-matcher";
import { PaperSet } from "./paper-set";
import { parseQuery, type Query } from "./query";

/** One query of a subscriber and the papers it matched, in edition order. */
export interface QueryHits {
  query: Query;
  paperIds: readonly number[];
}

/** What one edition holds for one subscriber. */
export interface SubscriberHits<S> {
  subscriber: S;
  /** One per distinct query, in the subscriber's order, including queries that matched nothing. */
  sections: QueryHits[];
  /** Papers matched by at least one of the queries, each counted once. */
  uniquePaperCount: number;
}

/** A stored keyword that does not parse (stored before a syntax change, or by hand). */
export interface RefusedKeyword<S> {
  subscriber: S;
  keyword: string;
  reason: string;
}

/**
 * Fans one edition's matches out to subscribers. Each keyword costs a cache lookup (parseQuery
 * remembers each distinct text, the matcher each distinct query), so the work is one pass over
 * the subscribers' queries plus one evaluation per distinct query: never subscribers × papers.
 * Subscribers whom nothing matches are left out (they get no mail). A keyword that does not
 * parse is reported in `refused` and skipped, so one bad row cannot stop everyone's edition.
 */
export function fanOutMatches<S>(
  matcher: EditionMatcher,
  subscribers: Iterable<S>,
  keywordsOf: (subscriber: S) => readonly string[],
): { matched: SubscriberHits<S>[]; refused: RefusedKeyword<S>[] } {
  const matched: SubscriberHits<S>[] = [];
  const refused: RefusedKeyword<S>[] = [];
  for (const subscriber of subscribers) {
    const sections: QueryHits[] = [];
    const sets: PaperSet[] = [];
    const keys = new Set<string>();
    for (const keyword of keywordsOf(subscriber)) {
      const query = tryParse(keyword, (reason) => refused.push({ subscriber, keyword, reason }));
      if (!query || keys.has(query.key)) continue;
      keys.add(query.key);
      sections.push({ query, paperIds: matcher.match(query) });
      sets.push(matcher.paperSet(query));
    }
    if (sections.some((section) => section.paperIds.length > 0)) {
      matched.push({ subscriber, sections, uniquePaperCount: PaperSet.countUnion(sets) });
    }
  }
  return { matched, refused };
}

function tryParse(keyword: string, refuse: (reason: string) => void): Query | undefined {
  try {
    return parseQuery(keyword);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    refuse(error.message);
    return undefined;
  }
}
