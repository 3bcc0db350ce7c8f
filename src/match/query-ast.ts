/**
 * The parsed form of a keyword query. Words are stored as matching keys (folded, and stemmed
 * except in author names), so two queries that match the same papers have the same canonical key.
 */

/** Where a word or phrase is looked for. Bare words look in the title or the abstract. */
export type TextField = "text" | "title" | "abstract" | "author";

/** A word (one key) or a phrase (several keys, adjacent and in order) in one field. */
export interface TermNode {
  kind: "term";
  field: TextField;
  keys: string[];
}

/** `cat:cs.RO` (exact code) or `cat:cs.*` / `cat:cs` (every category of the archive). */
export interface CategoryNode {
  kind: "category";
  /** Lower-cased code, or archive prefix ending in "." when `prefix` is set. */
  code: string;
  prefix: boolean;
}

/** All of `include`, none of `exclude`. `include` is never empty (see parse-query.ts). */
export interface AndNode {
  kind: "and";
  include: QueryNode[];
  exclude: QueryNode[];
}

/** Any of `anyOf`. */
interface OrNode {
  kind: "or";
  anyOf: QueryNode[];
}

export type QueryNode = TermNode | CategoryNode | AndNode | OrNode;

const FIELD_PREFIX: Record<TextField, string> = {
  text: "",
  title: "ti:",
  abstract: "abs:",
  author: "au:",
};

/**
 * A canonical text for a query: operands of AND and OR sorted and de-duplicated, words as keys.
 * "Diffusion  Policies", "diffusion policy" and "policy AND diffusion" share one key, so the
 * matcher evaluates them once and a subscriber's list keeps only one of them.
 */
export function canonicalKey(node: QueryNode): string {
  switch (node.kind) {
    case "term":
      return `${FIELD_PREFIX[node.field]}"${node.keys.join(" ")}"`;
    case "category":
      return `cat:${node.code}${node.prefix ? "*" : ""}`;
    case "and": {
      const parts = unique(node.include.map(canonicalKey));
      const excluded = unique(node.exclude.map(canonicalKey)).map((key) => `-${key}`);
      return `(${[...parts, ...excluded].join(" ")})`;
    }
    case "or":
      return `(${unique(node.anyOf.map(canonicalKey)).join(" OR ")})`;
  }
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)].sort();
}

/** Every word or category the query looks for, leaving out what it excludes (for highlighting). */
export function positiveLeaves(node: QueryNode): (TermNode | CategoryNode)[] {
  switch (node.kind) {
    case "term":
    case "category":
      return [node];
    case "and":
      return node.include.flatMap(positiveLeaves);
    case "or":
      return node.anyOf.flatMap(positiveLeaves);
  }
}
