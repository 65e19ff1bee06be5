/**
 * Numbers and times as the collection pages write them: values in the page language's grouping, times
 * in Beijing time (deadlines and submission times are judged there).
 */
import type { Language } from '../i18n/messages';

const formatters = new Map<Language, Intl.NumberFormat>();

/** A value with grouping and up to four decimals (— for none). */
export function formatValue(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let f = formatters.get(language);
  if (f === undefined) {
    f = new Intl.NumberFormat(language, { maximumFractionDigits: 4 });
    formatters.set(language, f);
  }
  return f.format(value);
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO timestamp as `YYYY-MM-DD HH:mm` Beijing time (the text itself when it is no timestamp). */
export function formatStamp(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
