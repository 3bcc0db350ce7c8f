/**
 * A set of papers of one edition, as a bitset over their positions in the edition (0 … size-1).
 * An edition has a few thousand papers, so a set is a few hundred bytes and AND / OR / NOT are
 * loops over a few dozen words: cheaper than merging sorted id lists, and the same cost for a
 * word in every paper as for a rare one. Sets are immutable; operations return new sets.
 */
export class PaperSet {
  private constructor(
    readonly size: number,
    private readonly bits: Uint32Array,
  ) {}

  /** The empty set over `size` papers. */
  static empty(size: number): PaperSet {
    return new PaperSet(size, new Uint32Array((size + 31) >>> 5));
  }

  /** The set of the given positions (each in 0 … size-1). */
  static of(size: number, positions: Iterable<number>): PaperSet {
    const bits = new Uint32Array((size + 31) >>> 5);
    for (const p of positions) bits[p >>> 5] = (bits[p >>> 5] ?? 0) | (1 << (p & 31));
    return new PaperSet(size, bits);
  }

  has(position: number): boolean {
    return ((this.bits[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0;
  }

  and(other: PaperSet): PaperSet {
    return this.combine(other, (a, b) => a & b);
  }

  or(other: PaperSet): PaperSet {
    return this.combine(other, (a, b) => a | b);
  }

  andNot(other: PaperSet): PaperSet {
    return this.combine(other, (a, b) => a & ~b);
  }

  isEmpty(): boolean {
    return this.bits.every((word) => word === 0);
  }

  /** The positions in the set, ascending (that is, in edition order). */
  positions(): number[] {
    const out: number[] = [];
    this.bits.forEach((word, w) => {
      for (let rest = word; rest !== 0; rest &= rest - 1) {
        out.push((w << 5) + (31 - Math.clz32(rest & -rest)));
      }
    });
    return out;
  }

  private combine(other: PaperSet, op: (a: number, b: number) => number): PaperSet {
    const bits = new Uint32Array(this.bits.length);
    for (let w = 0; w < bits.length; w += 1) bits[w] = op(this.bits[w] ?? 0, other.bits[w] ?? 0);
    return new PaperSet(this.size, bits);
  }
}
