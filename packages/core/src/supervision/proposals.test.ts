import { describe, expect, it } from 'vitest';
import { evidenceKey, proposeOrder, proposeOrders, type ProposalOptions } from './proposals';
import type { OrderEvidence } from './types';
import { issueOrder } from './workflow';

const OPTS: ProposalOptions = { issuer: { unit: '330000', department: '省专班' }, today: '2025-07-10' };

const redProject: OrderEvidence = {
  kind: 'project',
  projectCode: 'P-17',
  projectName: '某县城污水管网提升工程',
  unit: '330825',
  leadDepartment: '县建设局',
  asOf: '2025-06',
  light: 'red',
  ruleId: 'schedule.red_band',
  explanation: '完成率12.0%, 序时进度50.0%, 落后38.0个百分点, 超过30个百分点',
};
const lateStart: OrderEvidence = {
  ...redProject,
  projectCode: 'P-18',
  ruleId: 'start.late_red',
  explanation: '计划2025-02开工, 逾期4个月未开工, 达到3个月',
};
const offTarget: OrderEvidence = {
  kind: 'target',
  indicator: 'mountain_island_income_ratio',
  indicatorName: '山区海岛县居民人均可支配收入与全省平均水平的比值',
  unit: '330000',
  targetYear: 2027,
  targetValue: 77,
  latestValue: 70, // synthetic test value
  period: '2024',
  progressClass: 'moving_away',
};
const overdueTask: OrderEvidence = {
  kind: 'task',
  taskCode: 'S000-09-01',
  title: '深化农业标准地改革',
  leadDepartment: '省农业农村厅',
  dueDate: '2025-06-01',
  daysLeft: -39,
};
const warning: OrderEvidence = {
  kind: 'warning',
  id: 'W-3',
  unit: '331100',
  severity: 'warning',
  message: '月报连续两月未报送',
};

describe('proposals from evidence', () => {
  it('proposes for a red project, citing the light verbatim', () => {
    const p = proposeOrder(redProject, OPTS);
    expect(p).toEqual({
      key: 'project:P-17',
      title: '关于某县城污水管网提升工程投资进度滞后的督办',
      requirement:
        '某县城污水管网提升工程(P-17) 2025-06亮红灯: 完成率12.0%, 序时进度50.0%, 落后38.0个百分点, 超过30个百分点。请于2025-08-09前查明原因、制定整改措施并报送整改方案。',
      issuer: OPTS.issuer,
      addressee: { unit: '330825', department: '县建设局' },
      dueDate: '2025-08-09', // 2025-07-10 + 30 days
      priority: 'high',
      evidence: [redProject],
    });
    expect(proposeOrder(lateStart, OPTS)?.title).toBe('关于某县城污水管网提升工程未按期开工的督办');
    expect(proposeOrder({ ...redProject, light: 'yellow' }, OPTS)).toBeNull();
  });
  it('proposes for an off-track target by METHODS §1 class', () => {
    const p = proposeOrder(offTarget, OPTS);
    expect(p?.title).toBe('关于山区海岛县居民人均可支配收入与全省平均水平的比值偏离目标的督办');
    expect(p?.priority).toBe('high');
    expect(proposeOrder({ ...offTarget, progressClass: 'limited_progress' }, OPTS)?.priority).toBe('normal');
    expect(proposeOrder({ ...offTarget, progressClass: 'needs_acceleration' }, OPTS)).toBeNull();
    expect(
      proposeOrder(
        { ...offTarget, progressClass: 'needs_acceleration' },
        { ...OPTS, offTrackClasses: ['needs_acceleration'] },
      ),
    ).not.toBeNull();
  });
  it('proposes for an overdue task to its lead department at the issuer level', () => {
    const p = proposeOrder(overdueTask, OPTS);
    expect(p?.addressee).toEqual({ unit: '330000', department: '省农业农村厅' });
    expect(p?.requirement).toContain('已逾期39天');
    expect(p?.priority).toBe('high');
    expect(proposeOrder({ ...overdueTask, daysLeft: 3 }, OPTS)).toBeNull(); // due soon is not overdue
    const { leadDepartment: _ld, ...orphan } = overdueTask as Extract<OrderEvidence, { kind: 'task' }>;
    expect(proposeOrder(orphan, OPTS)).toBeNull();
  });
  it('proposes for warnings from the configured severity', () => {
    expect(proposeOrder(warning, OPTS)?.priority).toBe('normal');
    expect(proposeOrder({ ...warning, severity: 'info' }, OPTS)).toBeNull();
    expect(proposeOrder(warning, { ...OPTS, minWarningSeverity: 'severe' })).toBeNull();
  });
  it('deduplicates, skips covered problems and puts high priority first', () => {
    const out = proposeOrders(
      [warning, redProject, { ...redProject, explanation: 'again' }, overdueTask, lateStart, offTarget],
      { ...OPTS, covered: new Set([evidenceKey(lateStart)]) },
    );
    expect(out.map((p) => p.key)).toEqual([
      'project:P-17',
      'task:S000-09-01',
      'target:mountain_island_income_ratio:330000:2027',
      'warning:W-3',
    ]);
    expect(out[0]?.requirement).not.toContain('again');
  });
  it('turns into an order that keeps the evidence', () => {
    const p = proposeOrder(redProject, OPTS);
    if (p === null) throw new Error('expected a proposal');
    const r = issueOrder(
      { ...p, id: 'D-9' },
      { id: 'u', unit: '330000', department: '省专班' },
      '2025-07-10',
    );
    expect(r.ok && r.value.evidence).toEqual([redProject]);
    expect(r.ok && r.value.dueDate).toBe('2025-08-09');
  });
});
