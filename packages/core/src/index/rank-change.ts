/**
 * Rank change against a previous run (晾晒比拼 league tables): previous rank − current rank, so a positive
 * number means the unit moved up. NaN where the unit is unranked now or has no previous rank.
 */
export function rankChange(
  units: readonly string[],
  ranks: Int32Array,
  previousRanks: ReadonlyMap<string, number>,
): Float64Array {
  return Float64Array.from(units, (code, u) => {
    const now = ranks[u]!;
    const before = previousRanks.get(code);
    return now > 0 && before !== undefined && before > 0 ? before - now : Number.NaN;
  });
}
