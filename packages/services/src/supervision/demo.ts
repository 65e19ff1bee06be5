/**
 * Demo data for the 重点工作与督办 page (模拟数据, labelled so wherever shown): a few synthetic tasks with
 * due dates around `now` and a few orders from the province to counties chosen by a seeded generator, at
 * different steps, one of them overdue. Idempotent: nothing is added when synthetic orders exist.
 */
import { addDays, mulberry32, type Actor } from '@suocha/core';
import { getUnitPath, insertTasksIfAbsent, listOrderRecords, type Store } from '@suocha/store';
import { issueSupervisionOrder, transitionSupervisionOrder } from './orders-service';

export interface DemoSupervisionResult {
  readonly tasks: number;
  readonly orders: readonly string[];
}

/** The province's working group acting for demo writes. */
async function demoIssuer(store: Store, province: string): Promise<Actor> {
  const path = await getUnitPath(store, province);
  if (path === undefined) throw new Error(`demo: no unit ${province}`);
  return {
    userId: 0,
    username: 'demo',
    role: 'province_admin',
    scopeUnit: province,
    scopePath: path,
    department: null,
    via: 'token',
  };
}

export async function loadDemoSupervision(
  store: Store,
  options: { readonly now: string; readonly seed?: number; readonly province?: string },
): Promise<DemoSupervisionResult> {
  const province = options.province ?? '330000';
  if ((await listOrderRecords(store)).some((o) => o.synthetic)) return { tasks: 0, orders: [] };
  const today = options.now.slice(0, 10);
  const day = (n: number) => addDays(today, n) ?? today;
  const counties = await store.db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('level', '=', 'county')
    .where('path', 'like', `%/${province}/%`)
    .orderBy('code')
    .execute();
  if (counties.length < 3)
    throw new Error('demo: the hierarchy has fewer than 3 counties; load the default dataset first');
  const rnd = mulberry32(options.seed ?? 8);
  const picked: { code: string; name: string }[] = [];
  while (picked.length < 3) {
    const c = counties[Math.floor(rnd() * counties.length)];
    if (c !== undefined && !picked.some((p) => p.code === c.code)) picked.push(c);
  }
  const [a, b, c] = picked as [(typeof picked)[0], (typeof picked)[0], (typeof picked)[0]];
  const t = await insertTasksIfAbsent(
    store,
    [
      {
        code: 'DEMO-01',
        title: `（模拟数据）${a.name}强村富民项目推进`,
        unitCode: a.code,
        dueDate: day(-10),
        status: 'in_progress' as const,
      },
      {
        code: 'DEMO-02',
        title: `（模拟数据）${b.name}县城承载能力提升`,
        unitCode: b.code,
        dueDate: day(5),
        status: 'in_progress' as const,
      },
      {
        code: 'DEMO-03',
        title: `（模拟数据）${c.name}公共服务一体化`,
        unitCode: c.code,
        dueDate: day(90),
        status: 'not_started' as const,
      },
    ].map((x) => ({
      ...x,
      list: 'custom' as const,
      listName: '模拟数据',
      plan: null,
      section: null,
      leadDepartment: null,
      coDepartments: [],
      completedOn: null,
      source: '模拟数据 (synthetic demo)',
      synthetic: true,
      milestones: [{ id: 'm1', title: '制定方案', dueDate: day(-20), completedOn: null }],
    })),
    options.now,
  );
  const admin = await demoIssuer(store, province);
  const issue = async (to: { code: string; name: string }, title: string, at: string, due: string) =>
    issueSupervisionOrder(
      store,
      admin,
      {
        title: `（模拟数据）${title}`,
        requirement: `（模拟数据）请${to.name}于${due}前完成整改并报告。`,
        addressee: { unit: to.code },
        dueDate: due,
        synthetic: true,
      },
      at,
    );
  const o1 = await issue(a, `${a.name}强村富民项目进度滞后`, `${day(-20)}T09:00:00.000Z`, day(10));
  const o2 = await issue(b, `${b.name}县城承载能力提升任务推进缓慢`, `${day(-2)}T09:00:00.000Z`, day(40));
  const o3 = await issue(c, `${c.name}公共服务一体化方案未报送`, `${day(-1)}T09:00:00.000Z`, day(30));
  // The third order has been acknowledged by its county (a demo county user acting).
  const countyPath = await getUnitPath(store, c.code);
  if (countyPath !== undefined)
    await transitionSupervisionOrder(
      store,
      {
        ...admin,
        userId: 0,
        username: 'demo-county',
        role: 'county',
        scopeUnit: c.code,
        scopePath: countyPath,
      },
      o3.id,
      { type: 'acknowledge', text: '（模拟数据）已签收' },
      `${day(-1)}T15:00:00.000Z`,
    );
  return { tasks: t.inserted, orders: [o1.id, o2.id, o3.id] };
}
