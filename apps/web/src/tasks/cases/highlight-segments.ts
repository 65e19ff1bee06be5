/**
 * Splits a text into plain and highlighted segments from the match ranges the server computed
 * (UTF-16 offsets, sorted, not overlapping). Ranges outside the text are clipped; bad ones are ignored.
 */
export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

export function highlightSegments(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.min(rawEnd, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/**
 * Ranges of the terms in a text shown without server ranges (a case's full text): the same rule as the
 * server's (`normalizeSearchText` per character: NFKC, lower case, letters and digits only), repeated here
 * because the web app talks to the server over HTTP only.
 */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n =
      ch
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim() || ' ';
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  const found: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length))
      found.push([from[at] ?? 0, to[at + term.length - 1] ?? text.length]);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}
