/** Order storage on SQLite and PostgreSQL: order + events in one transaction, stale changes refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPath, provinceOf } from '@suocha/core';
import { insertUnits, type UnitRow } from '../hierarchy/units-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import {
  applyOrderChange,
  getOrderWithHistory,
  insertOrderRecord,
  ProposalTakenError,
  type NewOrderRecord,
} from './orders-repo';

const u = (code: string, level: UnitRow['level'], parent: UnitRow | null): UnitRow => {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name: code,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: 0,
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: null,
    source: 'test',
  };
};
const zj = u('330000', 'province', null);
const ka = u('330824', 'county', zj);
const order: NewOrderRecord = {
  title: '督办',
  requirement: '整改',
  issuerUnit: '330000',
  issuerDepartment: null,
  addresseeUnit: '330824',
  addresseeDepartment: null,
  issuedAt: '2025-06-01T00:00:00Z',
  dueDate: '2025-07-31',
  stepDays: {},
  evidence: [],
  proposalKey: 'task:T1',
  state: 'issued',
  stateSince: '2025-06-01T00:00:00Z',
  stateDeadline: '2025-06-04',
  synthetic: false,
};
const ev = (seq: number, to: 'issued' | 'acknowledged') => ({
  seq,
  at: `2025-06-0${seq}T00:00:00Z`,
  action: seq === 1 ? 'issue' : 'acknowledge',
  from: seq === 1 ? null : ('issued' as const),
  to,
  actorId: '1',
  actorName: 'a',
  actorUnit: '330000',
  text: null,
  escalatedTo: null,
});

describe.each(testEngines())('orders repository on $name', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await engine.open();
    await insertUnits(opened.store, [zj, ka]);
  });
  afterAll(async () => opened.cleanup());

  it('writes an order with its events, refuses a second open order for the same proposal', async () => {
    const s = opened.store;
    const id = await insertOrderRecord(s, order, [ev(1, 'issued')]);
    await expect(insertOrderRecord(s, order, [ev(1, 'issued')])).rejects.toBeInstanceOf(ProposalTakenError);
    const o = await getOrderWithHistory(s, id);
    expect(o?.version).toBe(1);
    expect(o?.events.map((e) => e.action)).toEqual(['issue']);
  });

  it('applies a change once; a stale version writes nothing', async () => {
    const s = opened.store;
    const [first] = await s.db.selectFrom('supervision_orders').select('id').execute();
    const id = first?.id ?? 0;
    const patch = {
      state: 'acknowledged' as const,
      stateSince: '2025-06-02T00:00:00Z',
      stateDeadline: '2025-06-09',
      escalatedTo: null,
      sendBackCount: 0,
    };
    expect(await applyOrderChange(s, id, 1, patch, [ev(2, 'acknowledged')])).toBe(true);
    expect(await applyOrderChange(s, id, 1, patch, [ev(2, 'acknowledged')])).toBe(false);
    const o = await getOrderWithHistory(s, id);
    expect([o?.state, o?.version, o?.events.length]).toEqual(['acknowledged', 2, 2]);
  });

  it('rolls back the order when an event cannot be written', async () => {
    const s = opened.store;
    const before = (await s.db.selectFrom('supervision_orders').select('id').execute()).length;
    // two events with the same sequence number violate the unique index: nothing is kept
    await expect(
      insertOrderRecord(s, { ...order, proposalKey: null }, [ev(1, 'issued'), ev(1, 'issued')]),
    ).rejects.toThrow();
    expect((await s.db.selectFrom('supervision_orders').select('id').execute()).length).toBe(before);
  });
});
