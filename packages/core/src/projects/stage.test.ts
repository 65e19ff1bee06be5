import { describe, expect, it } from 'vitest';
import { changeStage, isLegalStageMove, STAGE_TRANSITIONS } from './stage';
import { PROJECT_STAGES, type Project, type ProjectStage } from './types';

const project = (stage: ProjectStage, extra: Partial<Project> = {}): Project => ({
  code: 'P1',
  name: '县城污水管网',
  ownerUnit: '330102',
  leadDepartment: '省建设厅',
  category: 'county_town',
  stage,
  totalInvestment: 1000,
  ...extra,
});

// The expected table written out independently of STAGE_TRANSITIONS (rows: from; listed: legal targets).
const EXPECTED: Record<ProjectStage, ProjectStage[]> = {
  planned: ['reserve', 'suspended', 'cancelled'],
  reserve: ['planned', 'under_construction', 'suspended', 'cancelled'],
  under_construction: ['completed', 'suspended', 'cancelled'],
  completed: [],
  suspended: ['planned', 'reserve', 'under_construction', 'cancelled'],
  cancelled: [],
};

describe('project stage transitions', () => {
  it('allows exactly the expected moves, for every pair of stages', () => {
    for (const from of PROJECT_STAGES)
      for (const to of PROJECT_STAGES) {
        const legal = EXPECTED[from].includes(to);
        expect(isLegalStageMove(from, to), `${from}→${to}`).toBe(legal);
        // A started project so that resuming to 实施 is allowed when the table says so.
        const r = changeStage(project(from, { actualStart: '2025-01' }), {
          to,
          date: '2025-06-01',
          reason: '调度会议决定',
        });
        if (legal) expect(r.ok, `${from}→${to}`).toBe(true);
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.code).toBe(from === to ? 'STAGE_UNCHANGED' : 'STAGE_ILLEGAL_TRANSITION');
        }
      }
    expect(Object.keys(STAGE_TRANSITIONS).sort()).toEqual([...PROJECT_STAGES].sort());
  });
  it('records the change and sets actual start and completion months', () => {
    const r1 = changeStage(project('reserve'), {
      to: 'under_construction',
      date: '2025-03-15',
      reason: '已开工',
    });
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    expect(r1.value.stage).toBe('under_construction');
    expect(r1.value.actualStart).toBe('2025-03');
    expect(r1.value.stageHistory).toEqual([
      { from: 'reserve', to: 'under_construction', date: '2025-03-15', reason: '已开工' },
    ]);
    const r2 = changeStage(r1.value, { to: 'completed', date: '2026-11-30', reason: '竣工验收' });
    expect(r2.ok && r2.value.actualCompletion).toBe('2026-11');
    expect(r2.ok && r2.value.stageHistory?.length).toBe(2);
  });
  it('requires a date, a valid one, not before the last change, and a reason', () => {
    const p = project('planned');
    const code = (date: string, reason: string) => {
      const r = changeStage(p, { to: 'reserve', date, reason });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('', '入库')).toBe('STAGE_MISSING_DATE');
    expect(code('2025-02-30', '入库')).toBe('STAGE_INVALID_DATE');
    expect(code('2025-2-3', '入库')).toBe('STAGE_INVALID_DATE');
    expect(code('2025-02-03', '  ')).toBe('STAGE_MISSING_REASON');
    const later = project('reserve', {
      stageHistory: [{ from: 'planned', to: 'reserve', date: '2025-05-01', reason: '入库' }],
    });
    const r = changeStage(later, { to: 'planned', date: '2025-04-30', reason: '退回' });
    expect(!r.ok && r.error.code).toBe('STAGE_DATE_BEFORE_LAST_CHANGE');
  });
  it('resumes a suspended project to 实施 only if it had started', () => {
    const r = changeStage(project('suspended'), {
      to: 'under_construction',
      date: '2025-06-01',
      reason: '复工',
    });
    expect(!r.ok && r.error.code).toBe('STAGE_RESUME_NOT_STARTED');
    const r2 = changeStage(project('suspended'), { to: 'reserve', date: '2025-06-01', reason: '恢复储备' });
    expect(r2.ok).toBe(true);
  });
  it('keeps an earlier actual start when construction resumes', () => {
    const r = changeStage(project('suspended', { actualStart: '2024-09' }), {
      to: 'under_construction',
      date: '2025-06-01',
      reason: '复工',
    });
    expect(r.ok && r.value.actualStart).toBe('2024-09');
  });
});
