import { canonicalCategory } from "../arxiv/taxonomy";
import {
  ChineseTextIndex,
  isChineseTerm,
  termKeys,
  type ChineseBridge,
  type ChineseText,
} from "./chinese-terms";
import { FieldIndex, type TextFinder } from "./field-index";
import { PaperSet } from "./paper-set";
import type { CategoryNode, TermNode } from "./query-ast";
import { stem } from "./stem";

/** What the matcher needs to know of a paper (StoredPaper has all of it). */
export interface MatchablePaper {
  id: number;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  /** The stored Chinese title and abstract, searched by Chinese keywords. */
  zh?: ChineseText;
}

const sameWord = (word: string): string => word;

/**
 * Everything an edition's papers can be searched by, built once per edition: an inverted index
 * per text field (titles and abstracts stemmed, author names not) and one paper set per
 * category code. Papers are known here by position (0 … size-1) in the order given.
 */
export class PaperIndex {
  readonly size: number;
  private readonly title: FieldIndex;
  private readonly abstract: FieldIndex;
  private readonly author: FieldIndex;
  /** Lower-cased canonical code → papers, and each paper's codes as the feed wrote them. */
  private readonly categories = new Map<string, PaperSet>();
  private readonly codes: { folded: string; written: string }[][];
  private readonly chinese: ChineseTextIndex;

  /** Without a bridge, a Chinese keyword matches the Chinese text only. */
  constructor(
    papers: readonly MatchablePaper[],
    private readonly bridge?: ChineseBridge,
  ) {
    this.size = papers.length;
    this.chinese = new ChineseTextIndex(papers.map((p) => p.zh));
    this.title = new FieldIndex(
      papers.map((p) => [p.title]),
      stem,
    );
    this.abstract = new FieldIndex(
      papers.map((p) => [p.abstract]),
      stem,
    );
    this.author = new FieldIndex(
      papers.map((p) => p.authors),
      sameWord,
    );
    this.codes = papers.map((p) =>
      p.categories.map((code) => ({
        folded: canonicalCategory(code).toLowerCase(),
        written: code,
      })),
    );
    const byCode = new Map<string, number[]>();
    this.codes.forEach((codes, paper) => {
      for (const { folded } of codes) {
        const list = byCode.get(folded);
        if (list) list.push(paper);
        else byCode.set(folded, [paper]);
      }
    });
    for (const [code, list] of byCode) this.categories.set(code, PaperSet.of(this.size, list));
  }

  /**
   * The papers a word or phrase occurs in, in its field (bare terms: title or abstract). A
   * Chinese term is looked for in the Chinese text and, as each English term the glossary
   * renders by it, in the English text.
   */
  termSet(node: TermNode): PaperSet {
    if (!isChineseTerm(node)) return this.englishTermSet(node);
    const zh = this.simplified(node);
    return this.bridgedTerms(node, zh).reduce(
      (set, english) => set.or(this.englishTermSet(english)),
      this.chinese.papersWith(zh, node.field),
    );
  }

  private englishTermSet(node: TermNode): PaperSet {
    if (node.field !== "text") return this.field(node.field).phraseSet(node.keys);
    return this.title.phraseSet(node.keys).or(this.abstract.phraseSet(node.keys));
  }

  /** The papers listed in a category, or in any category of an archive. */
  categorySet(node: CategoryNode): PaperSet {
    if (!node.prefix) return this.categories.get(node.code) ?? PaperSet.empty(this.size);
    let set = PaperSet.empty(this.size);
    for (const [code, papers] of this.categories) {
      if (inArchive(code, node.code)) set = set.or(papers);
    }
    return set;
  }

  /**
   * A finder for the term's occurrences in a paper, as the paper writes them ("Diffusion
   * Policies" for `diffusion policy`), title before abstract, each in text order; then the same
   * term in the other language: its Chinese renderings in the Chinese text for an English term,
   * the English terms it stands for in the English text for a Chinese one.
   */
  termTexts(node: TermNode): TextFinder {
    if (isChineseTerm(node)) {
      const zh = this.simplified(node);
      const english = this.bridgedTerms(node, zh).map((term) => this.englishTermTexts(term));
      return (paper, found) => {
        this.chinese.findIn(paper, [zh], found);
        for (const find of english) find(paper, found);
      };
    }
    const english = this.englishTermTexts(node);
    const renderings = node.field === "author" ? [] : (this.bridge?.chineseFor(node.keys) ?? []);
    if (renderings.length === 0) return english;
    return (paper, found) => {
      english(paper, found);
      this.chinese.findIn(paper, renderings, found);
    };
  }

  /** The term as Simplified Chinese (what translations are stored in), its keys run together. */
  private simplified(node: TermNode): string {
    const written = node.keys.join("");
    return this.bridge?.toSimplified(written) ?? written;
  }

  /** The English terms the glossary gives for a Chinese term, in the term's own field. */
  private bridgedTerms(node: TermNode, zh: string): TermNode[] {
    return (this.bridge?.englishFor(zh) ?? []).map((english) => ({
      kind: "term",
      field: node.field,
      keys: termKeys(english),
    }));
  }

  private englishTermTexts(node: TermNode): TextFinder {
    if (node.field !== "text") return this.field(node.field).phraseTexts(node.keys);
    const inTitle = this.title.phraseTexts(node.keys);
    const inAbstract = this.abstract.phraseTexts(node.keys);
    return (paper, found) => {
      inTitle(paper, found);
      inAbstract(paper, found);
    };
  }

  /** A finder for a paper's category codes, as written, that the category term matches. */
  categoryTexts(node: CategoryNode): TextFinder {
    return (paper, found) => {
      for (const { folded, written } of this.codes[paper] ?? []) {
        if (node.prefix ? inArchive(folded, node.code) : folded === node.code) found.add(written);
      }
    };
  }

  private field(name: "title" | "abstract" | "author"): FieldIndex {
    return name === "title" ? this.title : name === "abstract" ? this.abstract : this.author;
  }
}

function inArchive(code: string, archive: string): boolean {
  return code === archive || code.startsWith(`${archive}.`);
}
