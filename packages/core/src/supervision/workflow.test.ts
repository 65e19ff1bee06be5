import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  actionsFrom,
  escalate,
  escalationsDue,
  issueOrder,
  ORDER_TRANSITIONS,
  overdueAtStep,
  stepDeadline,
  transition,
} from './workflow';
import {
  ORDER_ACTIONS,
  ORDER_STATES,
  type OrderActor,
  type OrderAction,
  type OrderState,
  type SupervisionOrder,
} from './types';

const ISSUER: OrderActor = { id: 'u-prov', unit: '330000' };
const ADDRESSEE: OrderActor = { id: 'u-xh', unit: '330102' };
const STRANGER: OrderActor = { id: 'u-other', unit: '330103' };
const PARENT: Record<string, string> = { '330102': '330100', '330103': '330100', '330100': '330000' };
const parentOf = (u: string) => PARENT[u];

const issue = (dueDate?: string): SupervisionOrder => {
  const r = issueOrder(
    {
      id: 'D-1',
      title: '关于某项目进度滞后的督办',
      requirement: '请查明原因并报送整改方案',
      issuer: { unit: '330000' },
      addressee: { unit: '330102' },
      ...(dueDate === undefined ? {} : { dueDate }),
    },
    ISSUER,
    '2025-06-01',
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

// Independent statement of the table (from the brief): state → action → next state.
const EXPECTED: Record<OrderState, Partial<Record<OrderAction, OrderState>>> = {
  issued: { acknowledge: 'acknowledged' },
  acknowledged: { submit_plan: 'plan_submitted' },
  plan_submitted: { approve_plan: 'in_progress', reject_plan: 'acknowledged' },
  in_progress: { report_progress: 'in_progress', report_resolved: 'reported_resolved' },
  reported_resolved: { send_back: 'in_progress', close: 'closed' },
  closed: {},
};
const PATH: Record<OrderState, OrderAction[]> = {
  issued: [],
  acknowledged: ['acknowledge'],
  plan_submitted: ['acknowledge', 'submit_plan'],
  in_progress: ['acknowledge', 'submit_plan', 'approve_plan'],
  reported_resolved: ['acknowledge', 'submit_plan', 'approve_plan', 'report_resolved'],
  closed: ['acknowledge', 'submit_plan', 'approve_plan', 'report_resolved', 'close'],
};
const rightActor = (a: OrderAction) => (ORDER_TRANSITIONS[a].by === 'issuer' ? ISSUER : ADDRESSEE);
const wrongActor = (a: OrderAction) => (ORDER_TRANSITIONS[a].by === 'issuer' ? ADDRESSEE : ISSUER);

function reach(state: OrderState): SupervisionOrder {
  let o = issue();
  PATH[state].forEach((a, i) => {
    const r = transition(o, { type: a, text: `第${i + 1}步` }, rightActor(a), `2025-06-0${i + 2}`);
    if (!r.ok) throw new Error(`${a}: ${r.error.code}`);
    o = r.value;
  });
  return o;
}

describe('督办单 transition table', () => {
  it('walks every state × action pair', () => {
    for (const state of ORDER_STATES) {
      const order = reach(state);
      expect(order.state).toBe(state);
      for (const action of ORDER_ACTIONS) {
        const r = transition(order, { type: action, text: '说明' }, rightActor(action), '2025-06-20');
        const expected = EXPECTED[state][action];
        if (expected === undefined) {
          expect(r.ok, `${state} × ${action}`).toBe(false);
          if (!r.ok) expect(r.error.code).toBe('ILLEGAL_TRANSITION');
          continue;
        }
        expect(r.ok, `${state} × ${action}`).toBe(true);
        if (!r.ok) continue;
        expect(r.value.state).toBe(expected);
        expect(r.value.history.length).toBe(order.history.length + 1);
        expect(r.value.history.at(-1)).toEqual({
          seq: order.history.length + 1,
          at: '2025-06-20',
          action,
          from: state,
          to: expected,
          actorId: rightActor(action).id,
          actorUnit: rightActor(action).unit,
          text: '说明',
        });
        // The wrong party is refused with the code naming the required role.
        const w = transition(order, { type: action, text: '说明' }, wrongActor(action), '2025-06-20');
        expect(!w.ok && w.error.code).toBe(
          ORDER_TRANSITIONS[action].by === 'issuer' ? 'NOT_ISSUER_LEVEL' : 'NOT_ADDRESSEE',
        );
        const s = transition(order, { type: action, text: '说明' }, STRANGER, '2025-06-20');
        expect(s.ok).toBe(false);
        // Text: required ones refuse a blank text; optional ones accept none.
        const blank = transition(order, { type: action, text: '  ' }, rightActor(action), '2025-06-20');
        if (ORDER_TRANSITIONS[action].textRequired)
          expect(!blank.ok && blank.error.code).toBe('MISSING_TEXT');
        else expect(blank.ok && blank.value.history.at(-1)?.text).toBeUndefined();
      }
      expect(actionsFrom(state).sort()).toEqual(Object.keys(EXPECTED[state]).sort());
    }
  });
  it('counts 退回 (plan rejected, resolution sent back)', () => {
    const o = reach('plan_submitted');
    const r1 = transition(o, { type: 'reject_plan', text: '措施不具体' }, ISSUER, '2025-06-10');
    expect(r1.ok && [r1.value.state, r1.value.sendBackCount]).toEqual(['acknowledged', 1]);
    const o2 = reach('reported_resolved');
    const r2 = transition(o2, { type: 'send_back', text: '现场核查未整改到位' }, ISSUER, '2025-06-10');
    expect(r2.ok && [r2.value.state, r2.value.sendBackCount]).toEqual(['in_progress', 1]);
  });
  it('refuses a time before the last event or an invalid time', () => {
    const o = reach('acknowledged'); // last event 2025-06-02
    expect(transition(o, { type: 'submit_plan', text: '方案' }, ADDRESSEE, '2025-06-01').ok).toBe(false);
    const r = transition(o, { type: 'submit_plan', text: '方案' }, ADDRESSEE, '2025-13-01');
    expect(!r.ok && r.error.code).toBe('INVALID_TIME');
  });
  it('matches a department when the addressee names one', () => {
    const r = issueOrder(
      {
        id: 'D-2',
        title: '关于某政策出台滞后的督办',
        requirement: '请说明进展',
        issuer: { unit: '330000', department: '省专班' },
        addressee: { unit: '330000', department: '省发展改革委' },
      },
      { id: 'a', unit: '330000', department: '省专班' },
      '2025-06-01',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const wrong = transition(
      r.value,
      { type: 'acknowledge' },
      { id: 'b', unit: '330000', department: '省财政厅' },
      '2025-06-02',
    );
    expect(!wrong.ok && wrong.error.code).toBe('NOT_ADDRESSEE');
    const right = transition(
      r.value,
      { type: 'acknowledge' },
      { id: 'c', unit: '330000', department: '省发展改革委' },
      '2025-06-02',
    );
    expect(right.ok).toBe(true);
  });
  it('checks the issuing itself', () => {
    const input = {
      id: 'D',
      title: 't',
      requirement: 'r',
      issuer: { unit: '330000' },
      addressee: { unit: '330102' },
    };
    expect(issueOrder(input, ADDRESSEE, '2025-06-01')).toMatchObject({
      ok: false,
      error: { code: 'NOT_ISSUER_LEVEL' },
    });
    expect(issueOrder({ ...input, requirement: ' ' }, ISSUER, '2025-06-01')).toMatchObject({
      ok: false,
      error: { code: 'MISSING_TEXT' },
    });
    expect(issueOrder({ ...input, dueDate: '2025-6-30' }, ISSUER, '2025-06-01')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TIME' },
    });
  });
});

describe('step deadlines, overdue and escalation', () => {
  it('sets each step deadline from the configured durations', () => {
    expect(issue().stateDeadline).toBe('2025-06-04'); // issued 06-01 + 3 days
    expect(reach('acknowledged').stateDeadline).toBe('2025-06-09'); // 06-02 + 7
    expect(reach('plan_submitted').stateDeadline).toBe('2025-06-08'); // 06-03 + 5
    expect(reach('in_progress').stateDeadline).toBe('2025-07-04'); // 06-04 + 30
    expect(reach('reported_resolved').stateDeadline).toBe('2025-06-15'); // 06-05 + 10
    expect(reach('closed').stateDeadline).toBeUndefined();
    expect(
      stepDeadline('issued', '2025-06-01', undefined, {
        ...{ issued: 1, acknowledged: 1, plan_submitted: 1, in_progress: 1, reported_resolved: 1 },
      }),
    ).toBe('2025-06-02');
  });
  it('runs the in_progress step to the order due date unless it has passed', () => {
    expect(stepDeadline('in_progress', '2025-06-04', '2025-08-31')).toBe('2025-08-31');
    expect(stepDeadline('in_progress', '2025-09-10', '2025-08-31')).toBe('2025-10-10');
  });
  it('is overdue the day after the deadline, with the responsible party', () => {
    const o = issue();
    expect(overdueAtStep(o, '2025-06-04')).toBeNull();
    expect(overdueAtStep(o, '2025-06-05')).toEqual({
      state: 'issued',
      deadline: '2025-06-04',
      daysOverdue: 1,
      responsible: 'addressee',
      responsibleParty: { unit: '330102' },
    });
    expect(overdueAtStep(reach('plan_submitted'), '2025-06-20')?.responsible).toBe('issuer');
    expect(overdueAtStep(reach('closed'), '2026-01-01')).toBeNull();
  });
  it('escalates an overdue step one level up, once, and clears the flag on the next step', () => {
    const o = issue();
    expect(escalate(o, '2025-06-04', parentOf)).toMatchObject({ ok: false, error: { code: 'NOT_OVERDUE' } });
    const r = escalate(o, '2025-06-10', parentOf);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.escalatedTo).toBe('330100');
    expect(r.value.escalations).toEqual([
      {
        state: 'issued',
        stepSince: '2025-06-01',
        deadline: '2025-06-04',
        at: '2025-06-10',
        fromUnit: '330102',
        toUnit: '330100',
      },
    ]);
    expect(r.value.history.at(-1)).toMatchObject({
      action: 'escalate',
      from: 'issued',
      to: 'issued',
      escalatedTo: '330100',
    });
    expect(escalate(r.value, '2025-06-11', parentOf)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_ESCALATED' },
    });
    const ack = transition(r.value, { type: 'acknowledge' }, ADDRESSEE, '2025-06-11');
    expect(ack.ok && ack.value.escalatedTo).toBeUndefined();
    expect(ack.ok && ack.value.escalations.length).toBe(1);
  });
  it('escalates a late review to the issuer’s parent, or reports that there is none', () => {
    const o = reach('plan_submitted'); // issuer 330000 has no parent here
    expect(escalate(o, '2025-06-20', parentOf)).toMatchObject({ ok: false, error: { code: 'NO_PARENT' } });
  });
  it('lists the orders due for escalation', () => {
    const late = issue();
    const fine = reach('in_progress');
    expect(escalationsDue([late, fine], '2025-06-10', parentOf)).toEqual([
      { orderId: 'D-1', toUnit: '330100', daysOverdue: 6 },
    ]);
  });
});

describe('history stays consistent under any sequence of actions (property)', () => {
  // Half the steps are drawn from the legal actions of the current state by the right party, so that
  // runs reach every state; the other half are arbitrary (mostly refused) actions, times and actors.
  const step = fc.record({
    legal: fc.boolean(),
    pick: fc.nat({ max: 99 }),
    action: fc.constantFrom(...ORDER_ACTIONS, 'escalate' as const),
    who: fc.constantFrom(ISSUER, ADDRESSEE, STRANGER),
    text: fc.constantFrom('', '情况说明'),
    days: fc.integer({ min: -2, max: 20 }),
  });
  it('keeps seq, times, states and counters coherent', () => {
    const visited = new Set<OrderState>();
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.option(fc.constantFrom('2025-06-20', '2025-12-31'), { nil: undefined }),
        (steps, due) => {
          let o = issue(due);
          visited.add(o.state);
          let day = Date.UTC(2025, 5, 1);
          for (const s of steps) {
            day += s.days * 86_400_000;
            const now = new Date(day).toISOString().slice(0, 10);
            const before = o;
            const legal = actionsFrom(o.state);
            const chosen = s.legal && legal.length > 0 ? legal[s.pick % legal.length] : undefined;
            const r =
              chosen !== undefined
                ? transition(o, { type: chosen, text: '依规办理' }, rightActor(chosen), now)
                : s.action === 'escalate'
                  ? escalate(o, now, parentOf)
                  : transition(
                      o,
                      s.text === '' ? { type: s.action } : { type: s.action, text: s.text },
                      s.who,
                      now,
                    );
            if (!r.ok) {
              expect(o).toBe(before); // a refused action changes nothing
              continue;
            }
            o = r.value;
            visited.add(o.state);
            expect(before.state).not.toBe('closed'); // closed is final
            expect(o.history.length).toBe(before.history.length + 1);
            expect(o.history.slice(0, -1)).toEqual(before.history); // append-only
          }
          const h = o.history;
          expect(h[0]).toMatchObject({ seq: 1, action: 'issue', from: null, to: 'issued' });
          h.forEach((e, i) => {
            expect(e.seq).toBe(i + 1);
            if (i > 0) {
              const prev = h[i - 1];
              expect(e.from).toBe(prev?.to);
              expect(e.at >= (prev?.at ?? '')).toBe(true);
              if (e.action !== 'escalate' && e.action !== 'issue') {
                const rule = ORDER_TRANSITIONS[e.action];
                expect([rule.from, rule.to]).toEqual([e.from, e.to]);
              }
            }
          });
          expect(h.at(-1)?.to).toBe(o.state);
          const lastChange = [...h].reverse().find((e) => e.from !== e.to);
          expect(o.stateSince).toBe(lastChange?.at);
          expect(o.sendBackCount).toBe(
            h.filter((e) => e.action === 'send_back' || e.action === 'reject_plan').length,
          );
          expect(o.escalations.length).toBe(h.filter((e) => e.action === 'escalate').length);
          expect(o.stateDeadline === undefined).toBe(o.state === 'closed');
        },
      ),
      { numRuns: 300 },
    );
    expect([...visited].sort()).toEqual([...ORDER_STATES].sort());
  });
});
