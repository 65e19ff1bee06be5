/**
 * Due / overdue judgements for the page's badges. The server judges tasks as of its own date; these
 * helpers judge a date the page shows without a server verdict (an order step's deadline) the same way as
 * the core rule (seed 000 §十四 时限化): a date is due at the end of that day, so on the day itself 0 days
 * are left and the day after it is 1 day overdue.
 */

export type DeadlineTone = 'overdue' | 'due_soon' | 'on_track' | 'done' | 'none';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of the date part of an ISO date or date-time; undefined when not a real date. */
export function dayNumber(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March: such a date is not a date.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined if either is not a date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** Today's date in the browser's time zone as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface DeadlineJudgement {
  readonly tone: DeadlineTone;
  /** Days left (negative when overdue); absent without a valid date or once done. */
  readonly daysLeft?: number;
}

/**
 * Judges a deadline as of `today`: done items are done; without a valid date there is nothing to say;
 * past the date it is overdue; within `windowDays` (inclusive) it is due soon; otherwise on track.
 */
export function judgeDeadline(
  dueDate: string | null | undefined,
  today: string,
  windowDays: number,
  done = false,
): DeadlineJudgement {
  if (done) return { tone: 'done' };
  if (dueDate === null || dueDate === undefined || dueDate === '') return { tone: 'none' };
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft === undefined) return { tone: 'none' };
  if (daysLeft < 0) return { tone: 'overdue', daysLeft };
  if (daysLeft <= windowDays) return { tone: 'due_soon', daysLeft };
  return { tone: 'on_track', daysLeft };
}

/**
 * Maps a server deadline state (tasks' `DeadlineState` of the core rules) to a badge tone; unknown or
 * date-less states show no badge.
 */
export function toneOfState(state: string | null | undefined): DeadlineTone {
  switch (state) {
    case 'overdue':
    case 'due_soon':
    case 'on_track':
    case 'done':
      return state;
    default:
      return 'none';
  }
}
