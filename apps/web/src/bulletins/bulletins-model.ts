/** Pure helpers of the 月度通报 page: which month to show and where its files are. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isBulletinMonth(s: string): boolean {
  return MONTH.test(s);
}

/** The month before the one of `today` (YYYY-MM-DD): the latest month that has ended. */
export function lastEndedMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month to show: the one in the path when valid, else the latest ended month. */
export function monthToShow(param: string | null | undefined, today: string): string {
  return param !== null && param !== undefined && isBulletinMonth(param) ? param : lastEndedMonth(today);
}

export type BulletinFileFormat = 'docx' | 'xlsx' | 'html';

/** The API address of a month's bulletin file. */
export function bulletinFileUrl(month: string, format: BulletinFileFormat, base = '/api'): string {
  return `${base}/bulletins/${encodeURIComponent(month)}/${format}`;
}

/** The page's path for a month. */
export function bulletinPath(month: string): string {
  return `/bulletins/${encodeURIComponent(month)}`;
}
