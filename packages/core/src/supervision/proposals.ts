/**
 * Proposed supervision orders from evidence — seed 000 §十四 (重点问题督办: problems found by 重大项目调度,
 * 重点指标分析 and 重点工作监测 are handed on for supervision), seed 002 (三) (及时预警). Pure: the input is
 * the evidence records (a red project, an off-track target, an overdue task or milestone, a warning);
 * the output is a draft the working group confirms with `issueOrder`, citing the evidence verbatim.
 *
 * Rules (configurable): a project whose overall light is red; a target whose progress class (METHODS.md
 * §1) is `moving_away` or `limited_progress`; a task or milestone past its due date; a warning of
 * severity `warning` or above. Anything else proposes nothing.
 */
import { addDays } from '../projects/calendar';
import type { OrderEvidence, OrderParty } from './types';

export interface ProposalOptions {
  /** The level that would issue the order. */
  readonly issuer: OrderParty;
  /** Today, ISO date `YYYY-MM-DD`. */
  readonly today: string;
  /** Days from today to the proposed 整改时限; default 30. */
  readonly dueInDays?: number;
  /** Target progress classes that count as off track; default moving_away and limited_progress. */
  readonly offTrackClasses?: readonly string[];
  /** Lowest warning severity that proposes an order; default `warning`. */
  readonly minWarningSeverity?: 'info' | 'warning' | 'severe';
  /** Keys (see `evidenceKey`) already covered by open orders: no second proposal for them. */
  readonly covered?: ReadonlySet<string>;
}

export interface ProposedOrder {
  /** Stable key of the evidence, to avoid proposing the same problem twice. */
  readonly key: string;
  readonly title: string;
  readonly requirement: string;
  readonly issuer: OrderParty;
  readonly addressee: OrderParty;
  readonly dueDate: string;
  readonly priority: 'high' | 'normal';
  readonly evidence: readonly OrderEvidence[];
}

const SEVERITY = { info: 0, warning: 1, severe: 2 } as const;
const DEFAULT_OFF_TRACK = ['moving_away', 'limited_progress'];

const PROGRESS_ZH: Readonly<Record<string, string>> = {
  achieved: '已达标',
  on_track: '进度正常',
  needs_acceleration: '需加快进度',
  limited_progress: '进展有限',
  moving_away: '偏离目标',
  no_data: '数据不足',
};

/** A stable identity of the problem an evidence record shows (not of the record itself). */
export function evidenceKey(e: OrderEvidence): string {
  switch (e.kind) {
    case 'project':
      return `project:${e.projectCode}`;
    case 'target':
      return `target:${e.indicator}:${e.unit}:${e.targetYear}`;
    case 'task':
      return e.milestoneId === undefined ? `task:${e.taskCode}` : `task:${e.taskCode}:${e.milestoneId}`;
    case 'warning':
      return `warning:${e.id}`;
  }
}

const party = (unit: string, department: string | undefined): OrderParty =>
  department === undefined ? { unit } : { unit, department };

/**
 * The proposed order for one evidence record, or null when the record does not call for one (or has
 * no addressee: a task with neither unit nor lead department).
 */
export function proposeOrder(e: OrderEvidence, opts: ProposalOptions): ProposedOrder | null {
  const due = addDays(opts.today, opts.dueInDays ?? 30) ?? opts.today;
  const base = { key: evidenceKey(e), issuer: opts.issuer, dueDate: due, evidence: [e] };
  const ask = `请于${due}前查明原因、制定整改措施并报送整改方案。`;
  switch (e.kind) {
    case 'project': {
      if (e.light !== 'red') return null;
      const late = e.ruleId.startsWith('start.');
      return {
        ...base,
        title: `关于${e.projectName}${late ? '未按期开工' : '投资进度滞后'}的督办`,
        requirement: `${e.projectName}(${e.projectCode}) ${e.asOf}亮红灯: ${e.explanation}。${ask}`,
        addressee: party(e.unit, e.leadDepartment),
        priority: 'high',
      };
    }
    case 'target': {
      const off = opts.offTrackClasses ?? DEFAULT_OFF_TRACK;
      if (!off.includes(e.progressClass)) return null;
      return {
        ...base,
        title: `关于${e.indicatorName}${PROGRESS_ZH[e.progressClass] ?? e.progressClass}的督办`,
        requirement: `${e.indicatorName} ${e.period}为${e.latestValue}, 到${e.targetYear}年目标${e.targetValue}, 进度评价为“${PROGRESS_ZH[e.progressClass] ?? e.progressClass}”。${ask}`,
        addressee: party(e.unit, e.department),
        priority: e.progressClass === 'moving_away' ? 'high' : 'normal',
      };
    }
    case 'task': {
      if (e.daysLeft >= 0) return null;
      if (e.unit === undefined && e.leadDepartment === undefined) return null;
      const what = e.milestoneTitle === undefined ? e.title : `${e.title}(节点: ${e.milestoneTitle})`;
      return {
        ...base,
        title: `关于${e.title}逾期未完成的督办`,
        requirement: `${what} 时限${e.dueDate}, 已逾期${-e.daysLeft}天。${ask}`,
        addressee: party(e.unit ?? opts.issuer.unit, e.leadDepartment),
        priority: e.daysLeft <= -30 ? 'high' : 'normal',
      };
    }
    case 'warning': {
      if (SEVERITY[e.severity] < SEVERITY[opts.minWarningSeverity ?? 'warning']) return null;
      return {
        ...base,
        title: `关于预警事项的督办: ${e.message}`,
        requirement: `预警(${e.id}): ${e.message}。${ask}`,
        addressee: party(e.unit, e.department),
        priority: e.severity === 'severe' ? 'high' : 'normal',
      };
    }
  }
}

/**
 * Proposals for a batch of evidence: one per problem (first record of a key wins), none for problems
 * already covered by open orders; high priority first, then in input order.
 */
export function proposeOrders(evidence: readonly OrderEvidence[], opts: ProposalOptions): ProposedOrder[] {
  const seen = new Set<string>(opts.covered ?? []);
  const out: ProposedOrder[] = [];
  for (const e of evidence) {
    const p = proposeOrder(e, opts);
    if (p === null || seen.has(p.key)) continue;
    seen.add(p.key);
    out.push(p);
  }
  const high = out.filter((p) => p.priority === 'high');
  const normal = out.filter((p) => p.priority !== 'high');
  return [...high, ...normal];
}
