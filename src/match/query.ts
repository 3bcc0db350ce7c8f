import { InputError } from "../errors";
import { normalizeForMatch } from "./normalize-text";

/** Bounds on what a subscriber may ask for (DESIGN.md: rules for input from outside). */
export const MAX_QUERIES_PER_SUBSCRIBER = 20;
export const MAX_QUERY_LENGTH = 100;

/** A keyword query as the subscriber wrote it, and the folded phrase it matches. */
export interface Query {
  text: string;
  phrase: string;
}

/** Parses one query; a phrase is matched case-insensitively on word boundaries. */
export function parseQuery(raw: string): Query {
  const text = raw.replace(/\s+/g, " ").trim();
  if (text === "") throw new InputError("a keyword query is empty");
  if (text.length > MAX_QUERY_LENGTH) {
    throw new InputError(
      `the keyword query "${text.slice(0, 30)}…" has ${text.length} characters; at most ${MAX_QUERY_LENGTH} are allowed`,
    );
  }
  const phrase = normalizeForMatch(text);
  if (phrase.trim() === "") {
    throw new InputError(`the keyword query "${text}" has no letters or digits to match`);
  }
  return { text, phrase };
}

/** Parses a subscriber's whole list: bounded, each valid, duplicates (after folding) removed. */
export function parseQueryList(raws: readonly string[]): Query[] {
  const queries = raws.map(parseQuery);
  const unique = queries.filter(
    (query, index) => queries.findIndex((other) => other.phrase === query.phrase) === index,
  );
  if (unique.length === 0) throw new InputError("at least one keyword query is needed");
  if (unique.length > MAX_QUERIES_PER_SUBSCRIBER) {
    throw new InputError(
      `${unique.length} keyword queries given; at most ${MAX_QUERIES_PER_SUBSCRIBER} are allowed`,
    );
  }
  return unique;
}
