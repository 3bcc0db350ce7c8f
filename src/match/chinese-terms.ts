import { foldedWords } from "./fold-text";
import { PaperSet } from "./paper-set";
import type { QueryNode, TermNode } from "./query-ast";
import { stem } from "./stem";

/**
 * What lets a Chinese keyword find English papers and an English keyword mark the Chinese text:
 * the translation glossary, seen from the matcher (built in src/translate/chinese-bridge.ts).
 */
export interface ChineseBridge {
  /** A term typed in Simplified or Traditional Chinese, in Simplified (the stored translations'). */
  toSimplified(text: string): string;
  /** The English terms the glossary renders as this Simplified Chinese term. */
  englishFor(zh: string): readonly string[];
  /** The Chinese renderings of the English term with these matching keys (see termKeys). */
  chineseFor(keys: readonly string[]): readonly string[];
}

/** A paper's stored Chinese title and abstract (zh-CN), when it has been translated. */
export interface ChineseText {
  title: string;
  abstract: string;
}

const HAN = /\p{Script=Han}/u;

/** The matching keys of an English term, as a query's words get them (folded and stemmed). */
export function termKeys(text: string): string[] {
  return foldedWords(text).map(stem);
}

/** A title or abstract term written (at least partly) in Chinese characters. */
export function isChineseTerm(node: TermNode): boolean {
  return node.field !== "author" && node.keys.some((key) => HAN.test(key));
}

/** Chinese is written without spaces, translations put some around Latin words: both drop them. */
function compact(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "");
}

/**
 * The edition's Chinese titles and abstracts, searched by substring: a Chinese term has no word
 * boundaries to index by, and an edition holds a few hundred papers.
 */
export class ChineseTextIndex {
  private readonly titles: string[];
  private readonly abstracts: string[];

  constructor(private readonly texts: readonly (ChineseText | undefined)[]) {
    this.titles = texts.map((zh) => compact(zh?.title ?? ""));
    this.abstracts = texts.map((zh) => compact(zh?.abstract ?? ""));
  }

  /** The papers whose Chinese text, in the term's field, holds the (Simplified) term. */
  papersWith(zh: string, field: TermNode["field"]): PaperSet {
    const term = compact(zh);
    const positions: number[] = [];
    for (let paper = 0; paper < this.texts.length; paper += 1) {
      const inTitle = field !== "abstract" && this.titles[paper]!.includes(term);
      const inAbstract = field !== "title" && this.abstracts[paper]!.includes(term);
      if (inTitle || inAbstract) positions.push(paper);
    }
    return PaperSet.of(this.texts.length, positions);
  }

  /** Adds to `found` each term as the paper's Chinese text writes it (for highlighting). */
  findIn(paper: number, terms: readonly string[], found: Set<string>): void {
    const zh = this.texts[paper];
    if (!zh) return;
    for (const text of [zh.title, zh.abstract]) {
      const lower = text.toLowerCase();
      for (const term of terms) {
        const at = lower.indexOf(term.toLowerCase());
        if (at >= 0) found.add(text.slice(at, at + term.length));
      }
    }
  }
}

function termNodes(node: QueryNode): TermNode[] {
  switch (node.kind) {
    case "term":
      return [node];
    case "category":
      return [];
    case "and":
      return [...node.include, ...node.exclude].flatMap(termNodes);
    case "or":
      return node.anyOf.flatMap(termNodes);
  }
}

/**
 * The Chinese terms of a query that the glossary has no English for (Simplified): they can match
 * only the Chinese translations, which the manage page tells the reader.
 */
export function unbridgedChineseTerms(node: QueryNode, bridge: ChineseBridge): string[] {
  const unknown = termNodes(node)
    .filter(isChineseTerm)
    .map((term) => bridge.toSimplified(term.keys.join("")))
    .filter((zh) => bridge.englishFor(zh).length === 0);
  return [...new Set(unknown)];
}
