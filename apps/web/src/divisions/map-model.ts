import type { CountyCollection, CountyProperties } from '../api/types';

/** One county polygon of the map, with codes normalised to strings. */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
}

export type RegionCategory = 'member' | 'other' | 'filtered';

export interface RegionItem extends Region {
  readonly category: RegionCategory;
  readonly selected: boolean;
}

export interface MapModel {
  readonly items: readonly RegionItem[];
  /** Sorted codes drawn in the member colour: exactly what the map shows, for tests and screen readers. */
  readonly colouredCodes: readonly string[];
}

/** NBS codes: a county 330327's city is 330300. Used when a feature carries no parent. */
export function cityOfCounty(code: string): string | null {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 4)}00` : null;
}

function parentCode(properties: CountyProperties, code: string): string | null {
  const parent = properties.parent;
  if (typeof parent === 'string' || typeof parent === 'number') return String(parent);
  if (typeof parent === 'object' && parent !== null) return String(parent.adcode);
  return cityOfCounty(code);
}

/** Regions of a county GeoJSON (DataV style: `adcode`, `name`, `parent` as code or `{ adcode }`). */
export function regionsOf(geo: CountyCollection): Region[] {
  return geo.features.map((feature) => {
    const code = String(feature.properties.adcode);
    return { code, name: feature.properties.name, parentCode: parentCode(feature.properties, code) };
  });
}

/**
 * The collection registered with ECharts: same geometry, `adcode` as a string so that map regions,
 * data items and click events all speak the same code.
 */
export function normaliseCollection(geo: CountyCollection): CountyCollection {
  return {
    type: 'FeatureCollection',
    features: geo.features.map((feature) => {
      const code = String(feature.properties.adcode);
      return {
        ...feature,
        properties: { ...feature.properties, adcode: code, parent: parentCode(feature.properties, code) },
      };
    }),
  };
}

/**
 * Colour class of every region: members of the group (inside the city filter, if any) are `member`,
 * regions outside the chosen city are `filtered`, the rest `other`.
 */
export function buildMapModel(
  regions: readonly Region[],
  memberCodes: ReadonlySet<string>,
  cityCode: string | null,
  selectedCode: string | null,
): MapModel {
  const items = regions.map((region): RegionItem => {
    const outside = cityCode !== null && region.parentCode !== cityCode;
    const category: RegionCategory = outside ? 'filtered' : memberCodes.has(region.code) ? 'member' : 'other';
    return { ...region, category, selected: region.code === selectedCode };
  });
  const colouredCodes = items
    .filter((item) => item.category === 'member')
    .map((item) => item.code)
    .sort();
  return { items, colouredCodes };
}
