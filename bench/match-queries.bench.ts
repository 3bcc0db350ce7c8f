import fs from "node:fs";
import path from "node:path";
import { parseArxivFeed } from "../src/arxiv/parse-arxiv-feed";
import { EditionMatcher, type MatchablePaper } from "../src/match/edition-matcher";
import { parseQueryAst } from "../src/match/parse-query";
import { canonicalKey } from "../src/match/query-ast";
import { MAX_QUERY_LENGTH } from "../src/match/query";
import { fanOutMatches } from "./fan-out";
import { round, type Figure } from "./figures";

const PAPERS = 2000;
const DISTINCT_QUERIES = 5000;
const SUBSCRIBERS = 100_000;
const QUERIES_EACH = 5;
const FIXTURE = path.resolve(__dirname, "..", "test", "fixtures", "example-digest-papers.rss.xml");
// Real captures are read in place, never copied (arxiv-captures/README.md); absent, the fixture
// alone is repeated.
const CAPTURES = path.resolve(__dirname, "..", "..", "shared", "arxiv-captures");

/**
 * Matches 2,000 real papers against 100,000 subscribers with 5 queries each, drawn from 5,000
 * distinct queries built from the papers' own words. The timed work is what a send run does
 * for one edition: index the papers, parse every subscriber's keywords, evaluate each distinct
 * query once, fan the answers out to every subscriber (sections and unique count) and collect
 * the matched terms of every query that matched. Peak RSS is the whole process's
 * (getrusage maxrss), loading the feeds included.
 */
export async function benchMatch(): Promise<Figure[]> {
  const papers = await loadPapers();
  const queries = makeQueries(papers, mulberry32(42));
  const subscribers = makeSubscribers(queries, mulberry32(7));

  const start = performance.now();
  const matcher = new EditionMatcher(papers);
  const indexed = performance.now();
  const { matched, refused } = fanOutMatches(matcher, subscribers, (keywords) => keywords);
  const fannedOut = performance.now();
  const distinct = new Map(matched.flatMap((m) => m.sections.map((s) => [s.query.key, s.query])));
  for (const query of distinct.values()) matcher.matchedTerms(query);
  const end = performance.now();

  if (refused.length > 0) throw new Error(`refused: ${refused[0]?.reason}`);
  const totalHits = matched.reduce(
    (sum, m) => sum + m.sections.reduce((n, s) => n + s.paperIds.length, 0),
    0,
  );
  const used = new Set(subscribers.flat()).size;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return [
    {
      name: "match 2000 papers × 100000 subscribers × 5 queries",
      value: round(end - start),
      unit: "ms",
      budget: "< 5000 ms",
    },
    { name: "match: index papers", value: round(indexed - start), unit: "ms" },
    { name: "match: parse, evaluate, fan out", value: round(fannedOut - indexed), unit: "ms" },
    { name: "match: matched terms", value: round(end - fannedOut), unit: "ms" },
    { name: "match: peak RSS", value: round(peakMb), unit: "MB", budget: "< 1024 MB" },
    { name: "match: papers", value: papers.length, unit: "papers" },
    { name: "match: distinct queries", value: used, unit: "queries" },
    { name: "match: subscribers", value: subscribers.length, unit: "subscribers" },
    { name: "match: subscribers with a digest", value: matched.length, unit: "subscribers" },
    { name: "match: total hits", value: totalHits, unit: "(subscriber, query, paper)" },
  ];
}

/** 2,000 papers: the fixture's and the captures' distinct real papers, repeated to the count. */
async function loadPapers(): Promise<MatchablePaper[]> {
  const files = [FIXTURE];
  if (fs.existsSync(CAPTURES)) {
    const xml = fs.readdirSync(CAPTURES).filter((name) => name.endsWith(".xml"));
    files.push(...xml.sort().map((name) => path.join(CAPTURES, name)));
  }
  const real = new Map<string, Omit<MatchablePaper, "id">>();
  for (const file of files) {
    const feed = await parseArxivFeed(fs.readFileSync(file, "utf8"), file);
    for (const { paper } of feed.items) real.set(paper.arxivId, paper);
  }
  const distinct = [...real.values()];
  return Array.from({ length: PAPERS }, (_, i) => {
    const paper = distinct[i % distinct.length]!;
    return {
      id: i + 1,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors,
      categories: paper.categories,
    };
  });
}

const STOP = new Set(
  "a an and are as at based be by for from in into is it its of on or our over the to towards under using via we with without".split(
    " ",
  ),
);

/** 5,000 distinct queries (by canonical key) in the forms subscribers write, from real words. */
function makeQueries(papers: readonly MatchablePaper[], random: () => number): string[] {
  const titles = papers.map((p) =>
    p.title.split(/[^A-Za-z0-9-]+/).filter((w) => w.length > 2 && !STOP.has(w.toLowerCase())),
  );
  const words = titles.flat();
  const bigrams = titles.flatMap((t) => t.slice(1).map((w, i) => `${t[i]} ${w}`));
  const trigrams = titles.flatMap((t) => t.slice(2).map((w, i) => `${t[i]} ${t[i + 1]} ${w}`));
  const authors = papers.flatMap((p) => p.authors).filter((a) => /^[\p{L} .'-]+$/u.test(a));
  const categories = papers.flatMap((p) => p.categories);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = () => pick(words);
  const phrase = () => `"${pick(bigrams)}"`;
  const term = () => (random() < 0.5 ? word() : phrase());
  const surname = () => pick(authors).split(" ").at(-1) ?? "";
  const forms: [number, () => string][] = [
    [10, () => word()],
    [15, () => `${word()} ${word()}`],
    [20, () => phrase()],
    [5, () => `"${pick(trigrams)}"`],
    [10, () => `${term()} OR ${term()}`],
    [10, () => `${phrase()} -${word()}`],
    [8, () => `ti:${term()}`],
    [5, () => `abs:${phrase()} ${word()}`],
    [6, () => `au:${surname()}`],
    [2, () => `au:"${pick(authors)}"`],
    [5, () => `cat:${pick(categories)} ${term()}`],
    [2, () => `cat:${pick(categories).split(".")[0]}.* ${phrase()}`],
    [2, () => `(${term()} OR ${term()}) -${word()}`],
  ];
  const total = forms.reduce((sum, [weight]) => sum + weight, 0);
  const keys = new Set<string>();
  const queries: string[] = [];
  for (let tries = 0; queries.length < DISTINCT_QUERIES; tries += 1) {
    if (tries > DISTINCT_QUERIES * 20) throw new Error("could not make enough distinct queries");
    let r = random() * total;
    const form = forms.find(([weight]) => (r -= weight) < 0) ?? forms[0]!;
    const text = form[1]();
    if (text.length > MAX_QUERY_LENGTH) continue;
    let key: string;
    try {
      key = canonicalKey(parseQueryAst(text)); // not parseQuery: its cache must start cold
    } catch {
      continue; // e.g. a title word such as "-based" or a category name with a symbol
    }
    if (keys.has(key)) continue;
    keys.add(key);
    queries.push(text);
  }
  return queries;
}

/** Each subscriber: 5 distinct queries, popular ones more often (Zipf-like, as in real lists). */
function makeSubscribers(queries: readonly string[], random: () => number): string[][] {
  const cumulative: number[] = [];
  queries.forEach((_, rank) => cumulative.push((cumulative.at(-1) ?? 0) + 1 / (rank + 1) ** 0.8));
  const totalWeight = cumulative.at(-1) ?? 1;
  const draw = (): string => {
    const target = random() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return queries[lo]!;
  };
  return Array.from({ length: SUBSCRIBERS }, () => {
    const mine = new Set<string>();
    while (mine.size < QUERIES_EACH) mine.add(draw());
    return [...mine];
  });
}

/** A small seeded generator, so every run measures the same workload. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
