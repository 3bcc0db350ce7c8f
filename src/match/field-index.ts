import { wordsWithOffsets } from "./fold-text";
import { PaperSet } from "./paper-set";

/** Adds to `found` what a term matches in one paper, as the paper writes it. */
export type TextFinder = (paper: number, found: Set<string>) => void;

// Marks the gap between two segments (two authors) so a phrase never spans them.
const GAP = -1;

/**
 * One searchable field (titles, abstracts or author lists) of every paper of an edition, built
 * once per edition. Each paper's text is tokenised once into term ids (with the words' offsets,
 * for highlighting), and an inverted index (term → papers, positions) is laid out flat in three
 * typed arrays, grouped by term (compressed sparse rows): a few megabytes for 2,000 papers,
 * where a Map of arrays per term and paper would cost hundreds of thousands of small objects.
 */
export class FieldIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly tokens: Int32Array[] = [];
  private readonly spans: Int32Array[] = [];
  /** Postings of term t are entries offsets[t] … offsets[t+1]-1 of postPaper / postPosition. */
  private readonly offsets: Int32Array;
  private readonly postPaper: Int32Array;
  private readonly postPosition: Int32Array;
  private readonly sets = new Map<string, PaperSet>();
  private readonly wordSets = new Map<number, PaperSet>();

  /**
   * `segments[p]` is paper p's text in this field, in pieces that a phrase may not span (one
   * piece for a title, one per author); `toKey` turns a folded word into its matching key.
   */
  constructor(segments: readonly (readonly string[])[], toKey: (word: string) => string) {
    let total = 0;
    for (const pieces of segments) {
      const ids: number[] = [];
      const spans: number[] = [];
      let base = 0;
      pieces.forEach((piece, i) => {
        if (i > 0) {
          ids.push(GAP);
          spans.push(base - 1, base - 1);
        }
        for (const w of wordsWithOffsets(piece)) {
          ids.push(this.termId(toKey(w.word)));
          spans.push(base + w.start, base + w.end);
          total += 1;
        }
        base += piece.length + 1;
      });
      this.texts.push(pieces.join("\n"));
      this.tokens.push(Int32Array.from(ids));
      this.spans.push(Int32Array.from(spans));
    }
    // Counting sort by term: papers are visited in order, so each term's postings come out
    // sorted by paper, then by position.
    this.offsets = new Int32Array(this.vocabulary.size + 1);
    for (const ids of this.tokens) for (const id of ids) if (id !== GAP) this.offsets[id + 1]! += 1;
    for (let t = 0; t < this.vocabulary.size; t += 1) this.offsets[t + 1]! += this.offsets[t]!;
    this.postPaper = new Int32Array(total);
    this.postPosition = new Int32Array(total);
    const fill = this.offsets.slice(0, -1);
    this.tokens.forEach((ids, paper) => {
      ids.forEach((id, position) => {
        if (id === GAP) return;
        const at = fill[id]!++;
        this.postPaper[at] = paper;
        this.postPosition[at] = position;
      });
    });
  }

  /**
   * The papers where `keys` occur as consecutive words (one key: the papers containing it).
   * Cached per phrase: thousands of queries share a few hundred words.
   */
  phraseSet(keys: readonly string[]): PaperSet {
    const cacheKey = keys.join(" ");
    let set = this.sets.get(cacheKey);
    if (!set) {
      set = this.computePhraseSet(keys);
      this.sets.set(cacheKey, set);
    }
    return set;
  }

  /**
   * A finder for the places `keys` occur as a phrase: adds to `found` the text of each
   * occurrence in a paper, as written. Term ids are looked up once here, not once per paper.
   */
  phraseTexts(keys: readonly string[]): TextFinder {
    const ids = keys.map((key) => this.vocabulary.get(key) ?? GAP);
    const first = ids[0];
    if (first === undefined || ids.includes(GAP)) return () => undefined;
    const last = ids.length - 1;
    return (paper, found) => {
      const tokens = this.tokens[paper]!;
      const spans = this.spans[paper]!;
      // The first word's postings in this paper, found by binary search: no scan of the text.
      const end = this.offsets[first + 1]!;
      for (
        let k = this.firstPosting(first, paper);
        k < end && this.postPaper[k] === paper;
        k += 1
      ) {
        const p = this.postPosition[k]!;
        if (ids.every((id, i) => tokens[p + i] === id)) {
          found.add(this.texts[paper]!.slice(spans[2 * p], spans[2 * (p + last) + 1]));
        }
      }
    };
  }

  private computePhraseSet(keys: readonly string[]): PaperSet {
    const size = this.tokens.length;
    const ids = keys.map((key) => this.vocabulary.get(key) ?? GAP);
    if (ids.length === 0 || ids.includes(GAP)) return PaperSet.empty(size);
    const sets = [...new Set(ids)].map((id) => this.wordSet(id));
    const candidates = sets.reduce((a, b) => a.and(b));
    if (ids.length === 1 || candidates.isEmpty()) return candidates;
    // Check positions only from the rarest word of the phrase, only in papers that hold them all.
    const anchor = ids.reduce(
      (best, id, i) => (this.postings(id) < this.postings(ids[best]!) ? i : best),
      0,
    );
    const found = new Set<number>();
    const anchorId = ids[anchor]!;
    for (let k = this.offsets[anchorId]!; k < this.offsets[anchorId + 1]!; k += 1) {
      const paper = this.postPaper[k]!;
      if (found.has(paper) || !candidates.has(paper)) continue;
      const start = this.postPosition[k]! - anchor;
      const tokens = this.tokens[paper]!;
      if (start >= 0 && ids.every((id, i) => tokens[start + i] === id)) found.add(paper);
    }
    return PaperSet.of(size, found);
  }

  private wordSet(id: number): PaperSet {
    let set = this.wordSets.get(id);
    if (!set) {
      const papers = this.postPaper.subarray(this.offsets[id], this.offsets[id + 1]);
      set = PaperSet.of(this.tokens.length, papers);
      this.wordSets.set(id, set);
    }
    return set;
  }

  /** The index of term `id`'s first posting in `paper` or after it. */
  private firstPosting(id: number, paper: number): number {
    let lo = this.offsets[id]!;
    let hi = this.offsets[id + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.postPaper[mid]! < paper) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private postings(id: number): number {
    return this.offsets[id + 1]! - this.offsets[id]!;
  }

  private termId(key: string): number {
    let id = this.vocabulary.get(key);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(key, id);
    }
    return id;
  }
}
