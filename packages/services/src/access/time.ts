/** Timestamps are ISO strings in UTC (`toISOString()`), so that they compare as strings on both engines. */
export const toMs = (iso: string): number => Date.parse(iso);
export const toIso = (ms: number): string => new Date(ms).toISOString();
export const addMinutes = (iso: string, minutes: number): string => toIso(toMs(iso) + minutes * 60_000);

/** Normalises any parseable "now" to the canonical ISO form. */
export function canonicalNow(now: string): string {
  const ms = toMs(now);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${now}`);
  return toIso(ms);
}
