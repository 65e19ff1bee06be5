import { describe, expect, it } from 'vitest';
import { tasksEn, tasksMessages, tasksZh } from './tasks-messages';

/** Every leaf as "path: kind", so the two catalogues can be compared structurally. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [`${path}: ${typeof value}`];
}

describe('tasks texts', () => {
  it('have the same keys and kinds in both languages, and no empty strings', () => {
    expect(leaves(tasksEn)).toEqual(leaves(tasksZh));
    for (const c of [tasksZh, tasksEn])
      for (const v of Object.values(c)) if (typeof v === 'string') expect(v.trim()).not.toBe('');
  });

  it('are translated: zh uses Chinese, en does not', () => {
    const han = /\p{Script=Han}/u;
    for (const [k, v] of Object.entries(tasksEn)) if (typeof v === 'string') expect(v, k).not.toMatch(han);
    expect(tasksZh.title).toBe('重点工作与督办');
    expect(tasksMessages('en')).toBe(tasksEn);
    expect(tasksMessages('zh-CN')).toBe(tasksZh);
  });

  it('name every order state, action, list and status, and fall back to the code', () => {
    for (const s of [
      'issued',
      'acknowledged',
      'plan_submitted',
      'in_progress',
      'reported_resolved',
      'closed',
    ]) {
      expect(tasksZh.orderState(s)).not.toBe(s);
      expect(tasksEn.orderState(s)).not.toBe(s);
    }
    for (const a of [
      'acknowledge',
      'submit_plan',
      'approve_plan',
      'reject_plan',
      'report_progress',
      'report_resolved',
      'send_back',
      'close',
      'issue',
      'escalate',
    ]) {
      expect(tasksZh.orderAction(a)).not.toBe(a);
      expect(tasksEn.orderAction(a)).not.toBe(a);
    }
    expect(tasksZh.listName('key_indicators')).toBe('重点指标');
    expect(tasksZh.listName('major_policies')).toBe('重大政策');
    expect(tasksZh.listName('major_reforms')).toBe('重大改革');
    expect(tasksZh.listName('key_projects')).toBe('重点项目');
    expect(tasksZh.taskStatus('in_progress')).toBe('推进中');
    expect(tasksZh.orderState('unknown_state')).toBe('unknown_state');
    expect(tasksZh.errorHint('NOT_ADDRESSEE')).toContain('被督办单位');
    expect(tasksEn.errorHint('NOPE')).toBeUndefined();
  });
});
