import { api } from '../api/client';
import type { CountyCollection } from '../api/types';
import { normaliseCollection } from './map-model';

// The county boundaries are ~1 MB and never change while the app is open: fetch them once for all pages.
let countiesOnce: Promise<CountyCollection> | null = null;

/**
 * The normalised county collection (see normaliseCollection), fetched on first use and shared. The shared
 * request must not be cancelled by one page unmounting, so the signal is unused; a failure is forgotten so
 * that the next page (or a retry) asks again.
 */
export function loadCountiesOnce(_signal: AbortSignal): Promise<CountyCollection> {
  countiesOnce ??= api.countiesGeo().then(normaliseCollection, (error: unknown) => {
    countiesOnce = null;
    throw error;
  });
  return countiesOnce;
}
