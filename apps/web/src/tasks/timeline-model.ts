/**
 * The order page's vertical timeline: every transition of a 督办单 (who, when, what was said), oldest
 * first, as the server keeps it (seed 000 §十四 一抓到底: nothing is dropped). Pure: labels come from the
 * message catalogue, times are formatted in a given time zone.
 */
import type { TasksMessages } from './tasks-messages';

/** One history entry as the API answers it (extra fields are ignored). */
export interface TimelineEntryInput {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly from: string | null;
  readonly to: string;
  readonly actorId: string;
  readonly actorName?: string | null | undefined;
  readonly actorUnit: string;
  readonly actorUnitName?: string | null | undefined;
  readonly text?: string | null | undefined;
  readonly escalatedTo?: string | null | undefined;
}

/** How a step reads on the timeline: forward, a step back (退回), an escalation, the close, or a note. */
export type TimelineKind = 'issue' | 'forward' | 'back' | 'progress' | 'escalate' | 'close';

export interface TimelineItem {
  readonly seq: number;
  readonly kind: TimelineKind;
  /** The raw time, for `<time dateTime>`. */
  readonly at: string;
  readonly when: string;
  readonly action: string;
  /** "已签收 → 整改方案已报送", or null when the state did not change (and for the issue itself). */
  readonly change: string | null;
  readonly who: string;
  readonly text: string | null;
}

const KIND: Readonly<Record<string, TimelineKind>> = {
  issue: 'issue',
  escalate: 'escalate',
  reject_plan: 'back',
  send_back: 'back',
  report_progress: 'progress',
  close: 'close',
};

/**
 * `YYYY-MM-DD HH:mm` of an ISO date-time in `timeZone` (a bare date stays a date). Unparseable input is
 * shown as it is rather than hidden.
 */
export function formatWhen(at: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The timeline of an order, ordered by sequence number whatever order the entries came in. */
export function timelineItems(
  history: readonly TimelineEntryInput[],
  m: TasksMessages,
  timeZone: string,
): TimelineItem[] {
  return [...history]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const kind = KIND[e.action] ?? 'forward';
      const unit = e.actorUnitName ?? e.actorUnit;
      const who =
        e.actorId === 'system' ? m.timelineBy(m.system, unit) : m.timelineBy(e.actorName ?? e.actorId, unit);
      const change =
        e.from === null || e.from === e.to ? null : `${m.orderState(e.from)} → ${m.orderState(e.to)}`;
      const text = e.text === null || e.text === undefined || e.text.trim() === '' ? null : e.text;
      return {
        seq: e.seq,
        kind,
        at: e.at,
        when: formatWhen(e.at, timeZone),
        action: m.orderAction(e.action),
        change,
        who,
        text,
      };
    });
}
