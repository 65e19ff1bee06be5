/**
 * Chinese numerals for the numbering of a government document's sections (一、二、三 …, GB/T 9704-2012
 * 党政机关公文格式 §7.3.3: first-level headings are numbered "一、").
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * The Chinese numeral of an integer 1–99 as written in headings: 十 (10), 十一 (11), 二十 (20), 二十一 (21).
 * Out-of-range or non-integer input is written with Arabic digits (no heading has that many sections).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : DIGITS[ones];
  if (tens === 0) return onesText ?? '';
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${onesText ?? ''}`;
}

/** The label of the n-th first-level section: "一、". */
export function sectionLabel(n: number): string {
  return `${chineseNumeral(n)}、`;
}
