/**
 * JSON with object keys in code-point order at every depth (arrays keep their order), so that equal content
 * always gives the same text and the same hash (frozen frameworks, published bulletins).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
