import type { DigestPaper } from "./digest";

type Key = object | string | number;
interface Node<T> {
  value?: { arxivId: string; version: number; value: T };
  next?: Map<Key, Node<T>>;
}

/** Stands for "no matched terms" in a key path. */
export const NO_TERMS: readonly string[] = Object.freeze([]);

/**
 * Values computed once per paper and variant, shared by every subscriber's digest in the process.
 * Entries hang off the paper's translation (or, untranslated, its author list): objects shared
 * by every digest that shows the paper, and replaced when a translation arrives, so a new
 * translation is never hidden by an old entry and a finished edition's entries are collected.
 * Variants are looked up by identity or small values (section index, language, the matcher's
 * shared term arrays), never by building and hashing a string per lookup: this is the hot path
 * of rendering.
 */
export class PerPaperCache<T> {
  private roots = new WeakMap<object, Node<T>>();
  private entries = 0;

  /**
   * @param maxEntries past this many values, the cache starts afresh: a bound on memory when an
   *   edition's papers meet more queries and layouts than usual (a value is recomputed in tens
   *   of microseconds; holding them all could take hundreds of MB).
   */
  constructor(private readonly maxEntries: number) {}

  /** `variant` is everything besides the paper that the value depends on. */
  get(paper: DigestPaper, variant: readonly Key[], compute: () => T): T {
    if (this.entries >= this.maxEntries) {
      this.roots = new WeakMap();
      this.entries = 0;
    }
    const owner = paper.translation ?? paper.authors;
    let node = this.roots.get(owner);
    if (!node) this.roots.set(owner, (node = {}));
    for (const key of variant) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        // A paper matched by many different queries could collect many variants; keep a few.
        if (node.next.size >= 64) node.next.clear();
        node.next.set(key, (child = {}));
      }
      node = child;
    }
    const entry = node.value;
    // Two papers could share an author list object; the id tells them apart.
    if (entry && entry.arxivId === paper.arxivId && entry.version === paper.version) {
      return entry.value;
    }
    const value = compute();
    this.entries += 1;
    node.value = { arxivId: paper.arxivId, version: paper.version, value };
    return value;
  }
}
