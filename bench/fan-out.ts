import { InputError } from "../src/errors";
import type { EditionMatcher } from "../src/match/edition-matcher";
import { parseQuery, type Query } from "../src/match/query";

/** One query of a subscriber and the papers it matched, in edition order. */
interface QueryHits {
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
 * Fans one edition's matches out to subscribers: what the match bench times as a send run's
 * matching (`send` itself matches per subscriber, as EditionContent builds each digest). Each
 * keyword costs a cache lookup (parseQuery remembers each distinct text, the matcher each distinct
 * query), so the work is one pass over the subscribers' queries plus one evaluation per distinct
 * query: never subscribers × papers. Subscribers whom nothing matches are left out (they get no
 * mail). A keyword that does not parse is reported in `refused` and skipped, so one bad row
 * cannot stop everyone's edition.
 */
export function fanOutMatches<S>(
  matcher: EditionMatcher,
  subscribers: Iterable<S>,
  keywordsOf: (subscriber: S) => readonly string[],
): { matched: SubscriberHits<S>[]; refused: RefusedKeyword<S>[] } {
  const matched: SubscriberHits<S>[] = [];
  const refused: RefusedKeyword<S>[] = [];
  const wordsOf = bitsetWords(matcher);
  for (const subscriber of subscribers) {
    const sections: QueryHits[] = [];
    const sets: Uint32Array[] = [];
    const keys = new Set<string>();
    for (const keyword of keywordsOf(subscriber)) {
      const query = tryParse(keyword, (reason) => refused.push({ subscriber, keyword, reason }));
      if (!query || keys.has(query.key)) continue;
      keys.add(query.key);
      sections.push({ query, paperIds: matcher.match(query) });
      sets.push(wordsOf(query));
    }
    if (sections.some((section) => section.paperIds.length > 0)) {
      matched.push({ subscriber, sections, uniquePaperCount: countUnion(sets) });
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

/**
 * Each distinct query's matches as bitset words over edition positions, copied once from the
 * matcher's PaperSet (whose words are its own): the union count then allocates nothing per
 * subscriber, where a chain of PaperSet.or would allocate a set per query.
 */
function bitsetWords(matcher: EditionMatcher): (query: Query) => Uint32Array {
  const byKey = new Map<string, Uint32Array>();
  return (query) => {
    let words = byKey.get(query.key);
    if (!words) {
      const set = matcher.paperSet(query);
      words = new Uint32Array((set.size + 31) >>> 5);
      for (const p of set.positions()) words[p >>> 5] = (words[p >>> 5] ?? 0) | (1 << (p & 31));
      byKey.set(query.key, words);
    }
    return words;
  };
}

/** How many papers are in at least one of `sets` (all over the same edition). */
function countUnion(sets: readonly Uint32Array[]): number {
  const length = sets[0]?.length ?? 0;
  let n = 0;
  for (let w = 0; w < length; w += 1) {
    let word = 0;
    for (const set of sets) word |= set[w] ?? 0;
    n += popCount(word);
  }
  return n;
}

function popCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
