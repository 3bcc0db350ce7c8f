import type { PaperIndex } from "./paper-index";
import type { PaperSet } from "./paper-set";
import { positiveLeaves, type QueryNode } from "./query-ast";

/**
 * The papers a query matches, by set operations over the index: AND intersects, OR unites, an
 * exclusion subtracts from its group. Cost depends on the query and the index, never on how
 * many subscribers ask for it.
 */
export function evaluateQuery(node: QueryNode, index: PaperIndex): PaperSet {
  switch (node.kind) {
    case "term":
      return index.termSet(node);
    case "category":
      return index.categorySet(node);
    case "or":
      return node.anyOf.map((child) => evaluateQuery(child, index)).reduce((a, b) => a.or(b));
    case "and": {
      const included = node.include
        .map((child) => evaluateQuery(child, index))
        .reduce((a, b) => a.and(b));
      return node.exclude.reduce(
        (set, child) => (set.isEmpty() ? set : set.andNot(evaluateQuery(child, index))),
        included,
      );
    }
  }
}

/**
 * A finder of what to highlight in a matched paper: every occurrence of every word, phrase or
 * category the query looks for (excluded ones never), as the paper writes it, without repeats,
 * in the order the query names them. A term of an OR branch that did not decide the match is
 * still shown when present: it is what the reader asked to see.
 */
export function matchedTermsFinder(
  node: QueryNode,
  index: PaperIndex,
): (paper: number) => string[] {
  const finders = positiveLeaves(node).map((leaf) =>
    leaf.kind === "term" ? index.termTexts(leaf) : index.categoryTexts(leaf),
  );
  return (paper) => {
    const found = new Set<string>();
    for (const find of finders) find(paper, found);
    return [...found];
  };
}
