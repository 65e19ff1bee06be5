/**
 * The 重点问题督办 section from the supervision module (issue 8 §2, §4): every order replayed to the
 * month's end (core `supervisionMonthInput`), so a bulletin written later still says what was true then.
 * Demo orders carry their 模拟数据 flag into the section.
 */
import { supervisionMonthInput, type MonthOrder } from '@suocha/core';
import { getOrderWithHistory, getUnit, listOrderRecords } from '@suocha/store';
import { stepDaysOf, toCoreOrder } from '../supervision/order-views';
import type { SupervisionSectionProvider } from './section-providers';

export const supervisionSectionProvider: SupervisionSectionProvider = async (store, month) => {
  const records = await listOrderRecords(store);
  const orders: MonthOrder[] = [];
  // Orders issued after the month's end cannot appear; their histories are not read.
  for (const r of records.filter((x) => x.issuedAt.slice(0, 10) <= month.end)) {
    const full = await getOrderWithHistory(store, r.id);
    if (full === undefined) continue;
    const addressee =
      full.addressee.departmentName === null
        ? full.addressee.unitName
        : `${full.addressee.unitName}${full.addressee.departmentName}`;
    orders.push({
      order: toCoreOrder(full, full),
      durations: stepDaysOf(full.stepDays),
      addresseeName: addressee,
      synthetic: full.synthetic,
    });
  }
  const codes = new Set(orders.flatMap((o) => o.order.escalations.map((e) => e.toUnit)));
  const names = new Map<string, string>();
  for (const code of codes) names.set(code, (await getUnit(store, code))?.name ?? code);
  return supervisionMonthInput(orders, month, (code) => names.get(code) ?? code);
};
