import { api } from '../api/client';
import type { CityCollection } from '../api/types';
import { normaliseCollection } from '../divisions/map-model';

// The city boundaries never change while the app is open: fetch them once (as county-geo.ts does).
let citiesOnce: Promise<CityCollection> | null = null;

/** The normalised city collection, fetched on first use and shared; a failure is forgotten for a retry. */
export function loadCitiesOnce(_signal: AbortSignal): Promise<CityCollection> {
  citiesOnce ??= api.citiesGeo().then(normaliseCollection, (error: unknown) => {
    citiesOnce = null;
    throw error;
  });
  return citiesOnce;
}
