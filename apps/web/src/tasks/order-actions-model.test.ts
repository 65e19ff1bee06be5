import { describe, expect, it } from 'vitest';
import { ACTION_CODES, actsFor, availableActions, isActionCode } from './order-actions-model';

const order = (state: string) => ({
  state,
  issuer: { unit: '330000' },
  addressee: { unit: '330822', department: null },
});
const province = { unit: '330000', department: null };
const county = { unit: '330822', department: null };
const other = { unit: '330881', department: null };
const codes = (xs: { action: string }[]) => xs.map((x) => x.action);

describe('actsFor', () => {
  it('needs the same unit, and the same department when the party names one', () => {
    expect(actsFor(county, { unit: '330822' })).toBe(true);
    expect(actsFor(other, { unit: '330822' })).toBe(false);
    expect(actsFor({ unit: '330000', department: 'fgw' }, { unit: '330000', department: 'fgw' })).toBe(true);
    expect(actsFor({ unit: '330000', department: 'tjj' }, { unit: '330000', department: 'fgw' })).toBe(false);
    expect(actsFor({ unit: '330000' }, { unit: '330000', department: 'fgw' })).toBe(false);
    // A department user still acts for its unit when no department is named.
    expect(actsFor({ unit: '330000', department: 'fgw' }, { unit: '330000' })).toBe(true);
  });
});

describe('availableActions', () => {
  it('offers the addressee its response at each of its steps, and nothing at the issuer’s', () => {
    expect(codes(availableActions(order('issued'), county))).toEqual(['acknowledge']);
    expect(codes(availableActions(order('acknowledged'), county))).toEqual(['submit_plan']);
    expect(codes(availableActions(order('in_progress'), county))).toEqual([
      'report_progress',
      'report_resolved',
    ]);
    expect(codes(availableActions(order('plan_submitted'), county))).toEqual([]);
    expect(codes(availableActions(order('reported_resolved'), county))).toEqual([]);
  });

  it('offers the issuing level its decisions, marking the moves back', () => {
    expect(availableActions(order('plan_submitted'), province)).toEqual([
      { action: 'approve_plan', textRequired: false, backward: false },
      { action: 'reject_plan', textRequired: true, backward: true },
    ]);
    expect(codes(availableActions(order('reported_resolved'), province))).toEqual(['send_back', 'close']);
    expect(codes(availableActions(order('issued'), province))).toEqual([]);
  });

  it('offers nothing to a unit that is not a party, nor on a closed order, nor to nobody', () => {
    for (const s of [
      'issued',
      'acknowledged',
      'plan_submitted',
      'in_progress',
      'reported_resolved',
      'closed',
    ])
      expect(availableActions(order(s), other)).toEqual([]);
    for (const who of [province, county]) expect(availableActions(order('closed'), who)).toEqual([]);
    expect(availableActions(order('issued'), null)).toEqual([]);
  });

  it('lets the server’s own list win, in table order, ignoring unknown codes', () => {
    expect(codes(availableActions(order('issued'), other, ['close', 'acknowledge', 'fly']))).toEqual([
      'acknowledge',
      'close',
    ]);
    expect(availableActions(order('issued'), county, [])).toEqual([]);
  });

  it('knows exactly the eight actions of the loop', () => {
    expect(ACTION_CODES).toHaveLength(8);
    expect(isActionCode('close')).toBe(true);
    expect(isActionCode('toString')).toBe(false);
  });
});
