/**
 * Where the terms of a search occur in a displayed text, and a short excerpt around the first match
 * (issue 8 §3). The text is normalised character by character (`normalizeSearchText` of each code point),
 * so every match maps back to a range of the original string (UTF-16 offsets, as the browser counts). A
 * combining sequence that NFKC would compose is not composed here: such a match may go unmarked, never
 * wrongly marked.
 */
import { normalizeSearchText } from '@suocha/store';

/** Half-open [start, end) offsets into the original string. */
export type TextRange = readonly [number, number];

/** Ranges of the original text where any of the (normalised) terms occurs, sorted and merged. */
export function matchRanges(text: string, terms: readonly string[]): TextRange[] {
  if (terms.length === 0 || text === '') return [];
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normalizeSearchText(ch) || ' ';
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
    let at = norm.indexOf(term);
    while (at !== -1) {
      found.push([from[at] ?? 0, to[at + term.length - 1] ?? text.length]);
      at = norm.indexOf(term, at + term.length);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export interface Snippet {
  readonly text: string;
  readonly ranges: TextRange[];
}

const isLowSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * About `width` characters of `text` around the first match (its start when nothing matches), with "…"
 * where cut, and the match ranges inside the excerpt.
 */
export function snippetOf(text: string, terms: readonly string[], width = 80): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = matchRanges(flat, terms)[0];
  let start = first ? Math.max(0, first[0] - Math.floor(width / 4)) : 0;
  let end = Math.min(flat.length, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  if (start > 0 && isLowSurrogate(flat, start)) start--;
  if (end < flat.length && isLowSurrogate(flat, end)) end++;
  const excerpt = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return { text: excerpt, ranges: matchRanges(excerpt, terms) };
}
