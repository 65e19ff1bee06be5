/**
 * How case text is normalised for search, on both engines (issue 8 §3). A query term matches a case when it
 * is a substring of the case's normalised text; the engine indexes only narrow the candidates, so SQLite and
 * PostgreSQL return the same rows.
 *
 * Normalisation: Unicode NFKC (full-width letters and digits become ASCII, compatibility ideographs become
 * unified ones), lower case, and every run of characters that are neither letters nor digits becomes one
 * space. Lengths are counted in code points, as SQLite's and PostgreSQL's `length()` count characters.
 */

const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** The normalised form of a text: NFKC, lower case, letter/digit runs separated by single spaces. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}

/** Number of characters (code points) of a string, as the databases count them. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Distinct 1- and 2-character grams inside each run of a normalised text (grams never span a space). */
export function textGrams(normalized: string): string[] {
  const seen = new Set<string>();
  for (const run of normalized.split(' ')) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] ?? '';
      if (c === '') continue;
      seen.add(c);
      const next = chars[i + 1];
      if (next !== undefined) seen.add(c + next);
    }
  }
  return [...seen];
}

/** The grams a term needs to be present: itself when 1–2 characters long, else its distinct bigrams. */
export function termGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length <= 2) return [term];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add((chars[i] ?? '') + (chars[i + 1] ?? ''));
  return [...out];
}

/** At most this many terms and characters per term: longer queries are cut, never refused. */
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 64;

/** The distinct terms of a query, in order: the letter/digit runs of its normalised form. */
export function searchTerms(query: string): string[] {
  const out: string[] = [];
  for (const raw of normalizeSearchText(query).split(' ')) {
    if (raw === '') continue;
    const term = Array.from(raw).slice(0, MAX_TERM_LENGTH).join('');
    if (!out.includes(term)) out.push(term);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/** The normalised columns stored with a case. */
export interface CaseSearchColumns {
  readonly title_norm: string;
  readonly tags_norm: string;
  readonly summary_norm: string;
  readonly body_norm: string;
  readonly search_text: string;
  readonly grams: string;
}

export function caseSearchColumns(fields: {
  readonly title: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly body: string;
}): CaseSearchColumns {
  const title = normalizeSearchText(fields.title);
  const tags = normalizeSearchText(fields.tags.join(' '));
  const summary = normalizeSearchText(fields.summary);
  const body = normalizeSearchText(fields.body);
  const all = [title, tags, summary, body].filter((s) => s !== '').join(' ');
  return {
    title_norm: title,
    tags_norm: tags,
    summary_norm: summary,
    body_norm: body,
    search_text: all,
    grams: textGrams(all).join(' '),
  };
}
