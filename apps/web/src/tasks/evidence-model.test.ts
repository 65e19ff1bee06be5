import { describe, expect, it } from 'vitest';
import { evidenceLine } from './evidence-model';
import { tasksEn, tasksZh } from './tasks-messages';

describe('evidenceLine', () => {
  it('cites an overdue task with its due date and days overdue, linking to the task', () => {
    const line = evidenceLine(
      {
        kind: 'task',
        taskCode: 'S000-01-01',
        title: '唱好杭甬“双城记”',
        dueDate: '2025-12-31',
        daysLeft: -15,
      },
      tasksZh,
      false,
    );
    expect(line).toEqual({
      kind: 'task',
      label: '任务逾期',
      text: 'S000-01-01 唱好杭甬“双城记” · 2025-12-31 · 逾期 15 天',
      href: '/tasks/task/S000-01-01',
    });
    const milestone = evidenceLine(
      {
        kind: 'task',
        taskCode: 'T1',
        title: 'A',
        milestoneId: 'm',
        milestoneTitle: '方案',
        dueDate: '2026-01-01',
        daysLeft: 0,
      },
      tasksEn,
      true,
    );
    expect(milestone.text).toBe('T1 A · 方案 · 2026-01-01 · Due today');
  });

  it('cites an off-track target verbatim, with the progress class named', () => {
    const e = {
      kind: 'target',
      indicator: 'rural_income_growth',
      indicatorName: '农村居民人均可支配收入增速',
      unit: '330822',
      targetYear: 2027,
      targetValue: 7.5,
      latestValue: 5.9,
      period: '2025',
      progressClass: 'moving_away',
    } as const;
    expect(evidenceLine(e, tasksZh, false)).toEqual({
      kind: 'target',
      label: '目标偏离',
      text: '农村居民人均可支配收入增速 · 330822：最新 5.9（2025），2027 年目标 7.5 · 偏离目标',
      href: '/targets/indicator/rural_income_growth?unit=330822',
    });
    expect(evidenceLine(e, tasksEn, true).text).toBe(
      '农村居民人均可支配收入增速 · 330822: latest 5.9 (2025), target 7.5 by 2027 · moving_away',
    );
  });

  it('cites projects and warnings', () => {
    expect(
      evidenceLine(
        {
          kind: 'project',
          projectCode: 'ZJ-1',
          projectName: '山区公路',
          unit: '330822',
          asOf: '2025-11',
          light: 'red',
          ruleId: 'R1',
          explanation: '投资完成率低于 60%',
        },
        tasksZh,
        false,
      ),
    ).toEqual({
      kind: 'project',
      label: '红灯项目',
      text: '山区公路 (ZJ-1) · 2025-11 · red · 投资完成率低于 60%',
      href: '/projects/project/ZJ-1',
    });
    expect(
      evidenceLine(
        { kind: 'warning', id: 'w1', unit: '330800', severity: 'severe', message: '收入倍差扩大' },
        tasksZh,
        false,
      ),
    ).toEqual({ kind: 'warning', label: '预警', text: '330800 · severe · 收入倍差扩大', href: null });
  });
});
