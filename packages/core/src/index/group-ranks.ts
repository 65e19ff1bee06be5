/**
 * Ranks within groups (METHODS.md §4 "Ranks", applied to each group separately): e.g. the league table of
 * the 山区海岛县 among themselves. Competition ranking "1224" inside each group; 0 for units with no group,
 * not eligible, or without a score.
 */
import { competitionRanks } from './ranks';

export function ranksWithinGroups(
  scores: Float64Array,
  groupOf: readonly (string | undefined)[],
  eligible?: Uint8Array,
): Int32Array {
  const members = new Map<string, number[]>();
  groupOf.forEach((g, u) => {
    if (g === undefined) return;
    const list = members.get(g);
    if (list) list.push(u);
    else members.set(g, [u]);
  });
  const out = new Int32Array(scores.length);
  for (const list of members.values()) {
    const sub = Float64Array.from(list, (u) => scores[u]!);
    const subEligible = eligible ? Uint8Array.from(list, (u) => eligible[u]!) : undefined;
    const ranks = competitionRanks(sub, subEligible);
    list.forEach((u, i) => (out[u] = ranks[i]!));
  }
  return out;
}
