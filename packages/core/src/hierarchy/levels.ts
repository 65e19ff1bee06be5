/** Administrative levels of the statistical division hierarchy (NBS codes), top to bottom. */
export const UNIT_LEVELS = ['country', 'province', 'city', 'county', 'town', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const LEVEL_NAMES: Readonly<Record<UnitLevel, { readonly zh: string; readonly en: string }>> = {
  country: { zh: '全国', en: 'country' },
  province: { zh: '省', en: 'province' },
  city: { zh: '市', en: 'city' },
  county: { zh: '县(市、区)', en: 'county' },
  town: { zh: '乡镇(街道)', en: 'town' },
  village: { zh: '村(社区)', en: 'village' },
};

export function isUnitLevel(s: string): s is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(s);
}

/** Depth of a level below the country (country 0 … village 5). */
export function levelDepth(level: UnitLevel): number {
  return UNIT_LEVELS.indexOf(level);
}
