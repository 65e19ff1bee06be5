/**
 * Layout of the .xlsx entry template: one sheet per data set × unit × period. Row 1 is hidden and
 * carries the template format, data set (and its version), unit and period, so the file can be read
 * back without trusting sheet names; row 2 is a title; row 3 the Chinese headers; one row per field
 * from row 4. The value (G) and comment (H) cells are the only unlocked ones; column I (hidden) holds
 * the version of the value the template was made from, for the optimistic check on import.
 */
export const TEMPLATE_MARK = 'suocha-template';
export const INSTRUCTIONS_MARK = 'suocha-instructions';
/** Bumped when the layout changes; older templates are refused with a clear message. */
export const TEMPLATE_FORMAT = 1;

export const TEMPLATE_FIRST_ROW = 4;
export const TEMPLATE_COLUMNS = {
  code: 1, // A 指标代码
  name: 2, // B 指标名称
  measure: 3, // C 计量单位
  previous: 4, // D 上期值
  lastYear: 5, // E 去年同期
  target: 6, // F 目标值
  value: 7, // G 本期值
  comment: 8, // H 说明
  version: 9, // I (hidden) 版本
} as const;
export const TEMPLATE_HEADERS = [
  '指标代码',
  '指标名称',
  '计量单位',
  '上期值',
  '去年同期',
  '目标值',
  '本期值',
  '说明(异常值请注明原因)',
  '版本',
];

/** Column letter of a 1-based column number (A … Z, AA …). */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
