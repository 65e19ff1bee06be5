/**
 * The evidence a 督办单 or a proposal cites (issue 8 §2: the proposal cites the evidence; a person
 * confirms), as one line each: the kind, and the facts of the record verbatim — nothing is recomputed.
 */
import type { OrderEvidenceDto } from '@suocha/contract';
import type { TasksMessages } from './tasks-messages';

export interface EvidenceLine {
  readonly kind: OrderEvidenceDto['kind'];
  readonly label: string;
  readonly text: string;
  /** In-app link to the record, when it has a page. */
  readonly href: string | null;
}

const PROGRESS_ZH: Readonly<Record<string, string>> = {
  achieved: '已达标',
  on_track: '进度正常',
  needs_acceleration: '需加快进度',
  limited_progress: '进展有限',
  moving_away: '偏离目标',
  no_data: '数据不足',
};

export function evidenceLine(e: OrderEvidenceDto, m: TasksMessages, en: boolean): EvidenceLine {
  const label = m.evidenceKind(e.kind);
  switch (e.kind) {
    case 'project':
      return {
        kind: e.kind,
        label,
        text: `${e.projectName} (${e.projectCode}) · ${e.asOf} · ${e.light} · ${e.explanation}`,
        href: `/projects/project/${encodeURIComponent(e.projectCode)}`,
      };
    case 'target': {
      const cls = en ? e.progressClass : (PROGRESS_ZH[e.progressClass] ?? e.progressClass);
      const text = en
        ? `${e.indicatorName} · ${e.unit}: latest ${e.latestValue} (${e.period}), target ${e.targetValue} by ${e.targetYear} · ${cls}`
        : `${e.indicatorName} · ${e.unit}：最新 ${e.latestValue}（${e.period}），${e.targetYear} 年目标 ${e.targetValue} · ${cls}`;
      return {
        kind: e.kind,
        label,
        text,
        href: `/targets/indicator/${encodeURIComponent(e.indicator)}?unit=${encodeURIComponent(e.unit)}`,
      };
    }
    case 'task': {
      const what = e.milestoneTitle === undefined ? e.title : `${e.title} · ${e.milestoneTitle}`;
      const when =
        e.daysLeft < 0 ? m.overdueBy(-e.daysLeft) : e.daysLeft === 0 ? m.dueToday : m.dueIn(e.daysLeft);
      return {
        kind: e.kind,
        label,
        text: `${e.taskCode} ${what} · ${e.dueDate} · ${when}`,
        href: `/tasks/task/${encodeURIComponent(e.taskCode)}`,
      };
    }
    case 'warning':
      return { kind: e.kind, label, text: `${e.unit} · ${e.severity} · ${e.message}`, href: null };
  }
}
