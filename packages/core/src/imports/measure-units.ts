/**
 * Units of measure as written in the catalogue and the statistical files, and exact conversions between
 * spellings of the same quantity (e.g. `10k_persons` → `persons` ×10,000, `percent` ≡ `%`).
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  percent: '%',
  '%': '%',
  yuan: 'yuan',
  元: 'yuan',
  ratio: 'ratio',
  persons: 'persons',
  人: 'persons',
  '100m_yuan': '100m yuan',
  '100m yuan': '100m yuan',
  亿元: '100m yuan',
};

const SCALED: Readonly<Record<string, { readonly base: string; readonly factor: number }>> = {
  '10k_persons': { base: 'persons', factor: 10_000 },
  万人: { base: 'persons', factor: 10_000 },
};

export function canonicalUnit(u: string): string {
  const t = u.trim();
  return SYNONYMS[t] ?? SCALED[t]?.base ?? t;
}

/** Factor that turns a value in `from` into `to`, or undefined when they are not the same quantity. */
export function conversionFactor(from: string, to: string): number | undefined {
  const f = from.trim();
  const scale = SCALED[f]?.factor ?? 1;
  return canonicalUnit(f) === canonicalUnit(to) ? scale : undefined;
}
