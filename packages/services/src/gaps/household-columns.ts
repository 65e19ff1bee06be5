/**
 * The columns of a household micro-data file (METHODS.md §3) and the header spellings accepted for each,
 * English as in the template and the Chinese names statistical offices use.
 */
export type HouseholdColumn =
  'id' | 'unit_code' | 'area' | 'household_size' | 'per_capita_income' | 'household_income' | 'weight';

const ALIASES: Readonly<Record<HouseholdColumn, readonly string[]>> = {
  id: ['id', 'household_id', '户编码', '户编号', '住户编码'],
  unit_code: ['unit_code', 'unit', '区划代码', '统计用区划代码', '单位代码'],
  area: ['area', 'urban_rural', '城乡', '城乡属性'],
  household_size: ['household_size', 'size', '户规模', '家庭人口', '常住人口数'],
  per_capita_income: ['per_capita_income', '人均可支配收入', '人均收入'],
  household_income: ['household_income', '家庭可支配收入', '全户可支配收入'],
  weight: ['weight', '权重', '抽样权重'],
};

export interface HouseholdHeader {
  /** Position of each column found in the header row. */
  readonly index: Partial<Record<HouseholdColumn, number>>;
  /** Required columns that are missing, as a message each (the header spelling expected). */
  readonly missing: readonly string[];
  /** The income column used: per-capita when present, else household income ÷ size. */
  readonly income: 'per_capita_income' | 'household_income' | null;
}

const normalise = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

/** Finds the columns in a header row (case- and space-insensitive). */
export function resolveHouseholdHeader(header: readonly string[]): HouseholdHeader {
  const index: Partial<Record<HouseholdColumn, number>> = {};
  const names = header.map(normalise);
  for (const [column, aliases] of Object.entries(ALIASES) as [HouseholdColumn, readonly string[]][]) {
    const at = names.findIndex((h) => aliases.some((a) => normalise(a) === h));
    if (at >= 0) index[column] = at;
  }
  const missing: string[] = [];
  for (const c of ['id', 'unit_code', 'area', 'household_size'] as const) {
    if (index[c] === undefined) missing.push(c);
  }
  const income =
    index.per_capita_income !== undefined
      ? 'per_capita_income'
      : index.household_income !== undefined
        ? 'household_income'
        : null;
  if (income === null) missing.push('per_capita_income | household_income');
  return { index, missing, income };
}
