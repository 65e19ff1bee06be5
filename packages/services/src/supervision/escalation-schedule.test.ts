/**
 * The escalation clock on SQLite and PostgreSQL: an order left unacknowledged past its step deadline is
 * escalated to the city without anybody asking, once, and stopping waits for the run in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor } from '@suocha/core';
import { insertUnits } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { chinaDateOf, scheduleEscalations, type Escalated } from './escalation-schedule';
import { getSupervisionOrder, issueSupervisionOrder } from './orders-service';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const ADMIN: Actor = {
  userId: 1,
  username: 'admin',
  role: 'province_admin',
  scopeUnit: '330000',
  scopePath: zj.path,
  department: null,
  via: 'session',
};

describe('chinaDateOf', () => {
  it('gives the Beijing date: 16:00 UTC is already the next day', () => {
    expect(chinaDateOf('2025-11-09T15:59:59.000Z')).toBe('2025-11-09');
    expect(chinaDateOf('2025-11-09T16:00:00.000Z')).toBe('2025-11-10');
  });
});

for (const engine of testEngines()) {
  describe(`escalation schedule on ${engine.name}`, () => {
    let opened: OpenedStore;
    let orderId: string;
    beforeAll(async () => {
      opened = await engine.open();
      await insertUnits(opened.store, [cn, zj, qz, ka]);
      // Issued 11-03 and never acknowledged: the acknowledgement step is overdue by 11-10.
      orderId = (
        await issueSupervisionOrder(
          opened.store,
          ADMIN,
          {
            title: '逾期未签收事项',
            requirement: '请整改',
            addressee: { unit: '330824' },
            dueDate: '2025-12-31',
          },
          '2025-11-03T09:00:00.000Z',
        )
      ).id;
    }, 60_000);
    afterAll(async () => opened.cleanup());

    it('escalates an overdue order to the level above by itself, once', async () => {
      const seen: Escalated[] = [];
      const errors: unknown[] = [];
      const schedule = scheduleEscalations(opened.store, {
        everyMs: 20,
        now: () => '2025-11-10T01:00:00.000Z',
        onEscalated: (e) => seen.push(e),
        onError: (e) => errors.push(e),
      });
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
      // Later ticks find nothing more to escalate.
      await new Promise((r) => setTimeout(r, 100));
      await schedule.stop();
      expect(errors).toEqual([]);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.map((e) => [e.orderId, e.toUnit])).toEqual([[orderId, '330800']]);
      const order = await getSupervisionOrder(opened.store, ADMIN, orderId, '2025-11-10');
      expect(order.escalatedTo).toBe('330800');
    });
  });
}
