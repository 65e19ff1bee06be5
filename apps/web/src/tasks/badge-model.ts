import type { DeadlineJudgement } from './deadline-model';
import type { TasksMessages } from './tasks-messages';

export interface BadgeView {
  /** CSS modifier and `data-tone` of the badge. */
  readonly tone: DeadlineJudgement['tone'];
  readonly label: string;
}

/**
 * The text of a due / overdue badge: "逾期 3 天", "今日到期", "5 天后到期", "按期推进", "已完成", or
 * "未设时限" when there is no usable date.
 */
export function deadlineBadge(judgement: DeadlineJudgement, m: TasksMessages): BadgeView {
  const { tone, daysLeft } = judgement;
  switch (tone) {
    case 'overdue':
      return { tone, label: m.overdueBy(Math.abs(daysLeft ?? 0)) };
    case 'due_soon':
      return { tone, label: daysLeft === 0 || daysLeft === undefined ? m.dueToday : m.dueIn(daysLeft) };
    case 'on_track':
      return { tone, label: m.onTrack };
    case 'done':
      return { tone, label: m.done };
    case 'none':
      return { tone, label: m.noDueDate };
  }
}
