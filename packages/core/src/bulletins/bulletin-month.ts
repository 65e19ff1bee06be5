/**
 * The month of a bulletin (月度通报, issue 8 §4): `YYYY-MM`, its first and last day. The bulletin reads the
 * data frozen as of the last day (seed 002 (三) 每月通报).
 */
import { err, ok, type Result } from '../result';

export interface BulletinMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly year: number;
  /** 1–12. */
  readonly monthNumber: number;
  /** First day, `YYYY-MM-01`. */
  readonly start: string;
  /** Last day, e.g. `2025-11-30`: the as-of date of every figure. */
  readonly end: string;
}

export interface BulletinMonthError {
  readonly code: 'BAD_MONTH' | 'MONTH_NOT_ENDED';
  readonly message: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month of the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY-MM` (years 1900–2999). */
export function parseBulletinMonth(input: string): Result<BulletinMonth, BulletinMonthError> {
  const m = MONTH.exec(input.trim());
  const year = Number(m?.[1]);
  const monthNumber = Number(m?.[2]);
  if (!m || year < 1900 || year > 2999 || monthNumber < 1 || monthNumber > 12)
    return err({
      code: 'BAD_MONTH',
      message: `月份应为 YYYY-MM，例如 2025-11 (month must be YYYY-MM, e.g. 2025-11): "${input}"`,
    });
  const month = `${year}-${pad(monthNumber)}`;
  return ok({
    month,
    year,
    monthNumber,
    start: `${month}-01`,
    end: `${month}-${pad(daysIn(year, monthNumber))}`,
  });
}

/**
 * A bulletin is written once its month has ended: refuses a month whose last day is on or after `today`
 * (`YYYY-MM-DD`), since its data are not frozen yet.
 */
export function checkMonthEnded(
  month: BulletinMonth,
  today: string,
): Result<BulletinMonth, BulletinMonthError> {
  if (month.end >= today.slice(0, 10))
    return err({
      code: 'MONTH_NOT_ENDED',
      message: `${month.year}年${month.monthNumber}月尚未结束，数据未冻结，不能生成通报 (month ${month.month} has not ended yet; its data are not frozen)`,
    });
  return ok(month);
}

/** `2025年11月`. */
export function monthTitle(month: BulletinMonth): string {
  return `${month.year}年${month.monthNumber}月`;
}

/** An ISO date as Chinese documents date themselves: `2025年12月3日`. */
export function chineseDate(isoDate: string): string {
  const [y, mo, d] = isoDate.slice(0, 10).split('-');
  return `${Number(y)}年${Number(mo)}月${Number(d)}日`;
}
