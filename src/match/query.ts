import { InputError } from "../errors";
import { refuseControlCharacters } from "../transport/control-characters";
import { parseQueryAst } from "./parse-query";
import { canonicalKey, type QueryNode } from "./query-ast";

/** Bounds on what a subscriber may ask for (docs/architecture.md, "Input from outside"). */
export const MAX_QUERIES_PER_SUBSCRIBER = 20;
export const MAX_QUERY_LENGTH = 100;

/** A parsed keyword query. Shared between callers (it is cached): never mutate one. */
export interface Query {
  /** As the subscriber wrote it, runs of whitespace collapsed to one space. */
  readonly text: string;
  /** Canonical form: queries with the same key match the same papers (see query-ast.ts). */
  readonly key: string;
  readonly ast: QueryNode;
}

// Subscribers share queries: a 100,000-subscriber run has a few thousand distinct ones. Parsing
// each distinct text once keeps the per-subscriber cost to one map lookup. Bounded so a long-lived
// server cannot grow it without limit; the oldest entries go first.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Query>();

/**
 * Parses one query (syntax: docs/query-syntax.md). Throws InputError when it is empty or longer
 * than MAX_QUERY_LENGTH, and QuerySyntaxError (an InputError) quoting the query and naming the
 * position of the problem when it does not parse.
 */
export function parseQuery(raw: string): Query {
  // Stored keywords are already collapsed: look them up before paying for the regex.
  const known = cache.get(raw);
  if (known) return known;
  refuseControlCharacters(raw, ["关键词查询", "a keyword query"], "folded");
  const text = raw.replace(/\s+/g, " ").trim();
  const cached = cache.get(text);
  if (cached) return cached;
  if (text === "") throw new InputError("a keyword query is empty", "关键词查询是空的");
  if (text.length > MAX_QUERY_LENGTH) {
    throw new InputError(
      `the keyword query "${text.slice(0, 30)}…" has ${text.length} characters; at most ${MAX_QUERY_LENGTH} are allowed`,
      `关键词查询 "${text.slice(0, 30)}…" 有 ${text.length} 个字符，最多 ${MAX_QUERY_LENGTH} 个`,
    );
  }
  const ast = parseQueryAst(text);
  const query: Query = Object.freeze({ text, key: canonicalKey(ast), ast });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(text, query);
  return query;
}

/**
 * Parses a subscriber's whole list: each query valid, duplicates (same canonical key) removed
 * keeping the first, at least one and at most MAX_QUERIES_PER_SUBSCRIBER left. Throws on the
 * first problem, so a caller that stores only after this returns never stores part of a list.
 */
export function parseQueryList(raws: readonly string[]): Query[] {
  const seen = new Set<string>();
  const unique = raws.map(parseQuery).filter((query) => {
    if (seen.has(query.key)) return false;
    seen.add(query.key);
    return true;
  });
  if (unique.length === 0) {
    throw new InputError("at least one keyword query is needed", "至少需要一个关键词查询");
  }
  if (unique.length > MAX_QUERIES_PER_SUBSCRIBER) throw tooManyQueries(unique.length);
  return unique;
}

/** A list longer than MAX_QUERIES_PER_SUBSCRIBER. */
export function tooManyQueries(count: number): InputError {
  return new InputError(
    `${count} keyword queries given; at most ${MAX_QUERIES_PER_SUBSCRIBER} are allowed`,
    `共 ${count} 个关键词查询，最多 ${MAX_QUERIES_PER_SUBSCRIBER} 个`,
  );
}
