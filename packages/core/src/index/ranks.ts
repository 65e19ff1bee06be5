/**
 * Ranks of scores (METHODS.md §4 "Ranks"): 1 = best; ties share the lower rank number (standard competition
 * ranking "1224"), i.e. rank = 1 + the number of units with a strictly higher score. Scores within
 * RANK_TIE_TOLERANCE count as equal, so that rounding noise (e.g. a sum taken in another order) cannot
 * break a tie. Units not eligible (below the coverage threshold) or without a score get rank 0.
 */
export const RANK_TIE_TOLERANCE = 1e-9;

/**
 * Reusable ranking buffers for many score vectors over the same units (the Monte Carlo): allocation-free
 * after construction. Sorting uses the native numeric sort of a Float64Array whose keys carry the unit
 * index in their lowest mantissa bits (a change of at most 2^-(52 − bits) relative, bits = ⌈log2 n⌉); an
 * insertion pass on the exact scores then repairs any order the packing disturbed (only near-equal
 * neighbours), and one walk down the order assigns the ranks.
 */
export class RankWorkspace {
  private readonly members: Int32Array;
  private readonly keys: Float64Array;
  private readonly words: Uint32Array;
  private readonly order: Int32Array;
  private readonly indexMask: number;

  constructor(n: number, eligible?: Uint8Array) {
    let k = 0;
    for (let u = 0; u < n; u++) if (!eligible || eligible[u]) k++;
    this.members = new Int32Array(k);
    k = 0;
    for (let u = 0; u < n; u++) if (!eligible || eligible[u]) this.members[k++] = u;
    this.keys = new Float64Array(k);
    // Little-endian view: words[2i] holds the low 32 mantissa bits of keys[i].
    this.words = new Uint32Array(this.keys.buffer);
    this.order = new Int32Array(k);
    const bits = Math.max(1, Math.ceil(Math.log2(Math.max(n, 2))));
    this.indexMask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  }

  /** Ranks of `scores` into `out` (0 for units not eligible or NaN). */
  rank(scores: Float64Array, out: Int32Array): void {
    const { members, keys, words, order, indexMask } = this;
    const size = members.length;
    out.fill(0);
    // Pack the scored units; unused slots are −∞ and sort first (ascending), i.e. last when read backwards.
    let k = 0;
    for (let i = 0; i < size; i++) {
      const u = members[i]!;
      const s = scores[u]!;
      if (s !== s) continue;
      keys[k] = s === Infinity ? Number.MAX_VALUE : s === -Infinity ? -Number.MAX_VALUE : s + 0;
      words[2 * k] = (words[2 * k]! & ~indexMask) | u;
      k++;
    }
    for (let i = k; i < size; i++) keys[i] = -Infinity;
    keys.sort();
    for (let p = 0; p < k; p++) order[p] = words[2 * (size - 1 - p)]! & indexMask;
    // Repair: descending by exact score.
    for (let p = 1; p < k; p++) {
      const u = order[p]!;
      const v = scores[u]!;
      let j = p - 1;
      while (j >= 0 && scores[order[j]!]! < v) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = u;
    }
    // rank = 1 + #{scores > s + tolerance}; that count only grows as s falls.
    let q = 0;
    for (let p = 0; p < k; p++) {
      const u = order[p]!;
      const bound = scores[u]! + RANK_TIE_TOLERANCE;
      while (scores[order[q]!]! > bound) q++;
      out[u] = q + 1;
    }
  }
}

/** Competition ranks (1 = best, "1224"); 0 for units not eligible or without a score. */
export function competitionRanks(scores: Float64Array, eligible?: Uint8Array): Int32Array {
  const out = new Int32Array(scores.length);
  new RankWorkspace(scores.length, eligible).rank(scores, out);
  return out;
}

/** Index of the best ranked unit (rank 1; the first one among ties), −1 if none is ranked. */
export function leaderOf(ranks: Int32Array): number {
  return ranks.indexOf(1);
}
