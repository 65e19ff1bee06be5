import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_ACTIONS, FORM_STATES, type FormAction, type FormState } from './types';
import { FORM_TRANSITIONS, formActionsFrom, transitionForm, valuesEditable } from './workflow';

// Independent statement of the table in the brief: state → action → next state.
const EXPECTED: Record<FormState, Partial<Record<FormAction, FormState>>> = {
  draft: { save: 'draft', submit: 'submitted' },
  submitted: { approve: 'approved', return: 'draft' },
  approved: { lock: 'locked', reopen: 'draft' },
  locked: { reopen: 'draft' },
};

describe('form workflow', () => {
  it('walks every state × action pair', () => {
    for (const s of FORM_STATES)
      for (const a of FORM_ACTIONS) {
        const r = transitionForm(s, a, 'because');
        const want = EXPECTED[s][a];
        if (want === undefined)
          expect(r, `${s} ${a}`).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
        else expect(r, `${s} ${a}`).toEqual({ ok: true, value: want });
      }
    expect(formActionsFrom('locked')).toEqual(['reopen']);
    expect(formActionsFrom('draft')).toEqual(['save', 'submit']);
  });
  it('return and reopen need a reason; the others do not', () => {
    expect(transitionForm('submitted', 'return', ' ')).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED' },
    });
    expect(transitionForm('locked', 'reopen')).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED' },
    });
    expect(transitionForm('locked', 'reopen', '数据有误')).toEqual({ ok: true, value: 'draft' });
    expect(transitionForm('draft', 'submit')).toEqual({ ok: true, value: 'submitted' });
  });
  it('approval and reopening need the approver permissions; entry needs write', () => {
    expect(FORM_TRANSITIONS.approve.permission).toBe('approve');
    expect(FORM_TRANSITIONS.return.permission).toBe('approve');
    expect(FORM_TRANSITIONS.lock.permission).toBe('approve');
    expect(FORM_TRANSITIONS.reopen.permission).toBe('reopen');
    expect(FORM_TRANSITIONS.submit.permission).toBe('write');
    expect(FORM_TRANSITIONS.save.permission).toBe('write');
  });

  it('any sequence of actions: values change only in draft, a locked form is left only by a reasoned reopen, and approval always precedes lock (property)', () => {
    const step = fc.record({
      action: fc.constantFrom(...FORM_ACTIONS),
      reason: fc.constantFrom('', ' ', '数据有误', 'x'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state: FormState = 'draft';
        const visited: FormState[] = [state];
        for (const { action, reason } of steps) {
          const r = transitionForm(state, action, reason);
          if (!r.ok) continue;
          // A save is the only action that changes values, and it is accepted only in draft.
          if (action === 'save') expect(valuesEditable(state)).toBe(true);
          if (state === 'locked') {
            expect(action).toBe('reopen');
            expect(reason.trim().length).toBeGreaterThanOrEqual(2);
          }
          if (r.value === 'locked') expect(state).toBe('approved');
          if (r.value === 'approved') expect(state).toBe('submitted');
          expect(EXPECTED[state][action]).toBe(r.value);
          state = r.value;
          visited.push(state);
        }
        // Every entry into approved came right after submitted.
        visited.forEach((s, i) => {
          if (s === 'approved' && visited[i - 1] !== 'approved') expect(visited[i - 1]).toBe('submitted');
        });
        expect(FORM_STATES).toContain(state);
      }),
      { numRuns: 500 },
    );
  });
  it('from every state some sequence reaches locked and draft again (property: no dead ends)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORM_STATES), (start) => {
        const reach = (from: FormState, goal: FormState): boolean => {
          const seen = new Set<FormState>([from]);
          const queue: FormState[] = [from];
          while (queue.length) {
            const s = queue.shift() as FormState;
            if (s === goal) return true;
            for (const a of formActionsFrom(s)) {
              const r = transitionForm(s, a, 'reason');
              if (r.ok && !seen.has(r.value)) {
                seen.add(r.value);
                queue.push(r.value);
              }
            }
          }
          return false;
        };
        expect(reach(start, 'locked')).toBe(true);
        expect(reach(start, 'draft')).toBe(true);
      }),
    );
  });
});
