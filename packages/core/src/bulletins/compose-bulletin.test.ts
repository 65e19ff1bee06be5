import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulletinTables, SYNTHETIC_MARK, type BulletinContent } from './bulletin-content';
import { formatFigure, formatNumber, formatPercent } from './bulletin-format';
import type { BulletinInputs, ProjectRowInput } from './bulletin-inputs';
import { parseBulletinMonth } from './bulletin-month';
import { composeBulletin, projectLists } from './compose-bulletin';

const nov = (() => {
  const r = parseBulletinMonth('2025-11');
  if (!r.ok) throw new Error('setup');
  return r.value;
})();

const base: BulletinInputs = {
  month: nov,
  issuer: '浙江省缩小三大差距工作专班办公室',
  issueDate: '2025-12-05',
  headline: [
    {
      code: 'urban_rural_income_ratio',
      nameZh: '城乡居民收入倍差',
      unit: 'ratio',
      latest: { period: '2024', value: 1.8345 },
      target: { year: 2025, comparator: '<=', value: 1.8 },
      status: 'on_track',
      synthetic: false,
    },
    {
      code: 'rural_income',
      nameZh: '农村居民人均可支配收入',
      unit: 'yuan',
      latest: null,
      target: null,
      status: null,
      synthetic: false,
    },
  ],
  targets: {
    rows: [
      {
        indicatorNameZh: '乙指标',
        unitName: '浙江省',
        unit: '%',
        latest: { period: '2024', value: 50 },
        target: { year: 2027, comparator: '>=', value: 60 },
        status: 'needs_acceleration',
        synthetic: false,
      },
      {
        indicatorNameZh: '甲指标',
        unitName: '浙江省',
        unit: '%',
        latest: { period: '2024', value: 10 },
        target: { year: 2027, comparator: '>=', value: 60 },
        status: 'moving_away',
        synthetic: true,
      },
      {
        indicatorNameZh: '丙指标',
        unitName: '浙江省',
        unit: 'yuan',
        latest: { period: '2024', value: 70000 },
        target: { year: 2025, comparator: '>=', value: 65000 },
        status: 'achieved',
        synthetic: false,
      },
    ],
  },
  league: null,
  warnings: { openAtEnd: 0, raised: [], closed: [] },
  projects: null,
  supervision: null,
  tasks: null,
};

function compose(inputs: BulletinInputs): BulletinContent {
  const r = composeBulletin(inputs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const project = (code: string, light: ProjectRowInput['light'], rate: number | null): ProjectRowInput => ({
  code,
  name: `项目${code}`,
  unitName: '开化县',
  light,
  reason: 'r',
  completionRate: rate,
  plannedInvestment: 10,
  completedInvestment: rate === null ? null : 10 * rate,
  synthetic: false,
});

describe('composeBulletin', () => {
  it('numbers the sections present 一、二、三 and leaves out sections without input', () => {
    const c = compose(base);
    expect(c.sections.map((s) => `${s.label}${s.heading}`)).toEqual([
      '一、三大差距主要指标',
      '二、目标任务进展',
      '三、预警情况',
    ]);
    expect(c.omitted).toHaveLength(4);
    expect(c.issueNumber).toBe('2025年第11期');
    expect(c.asOf).toBe('2025-11-30');
    expect(c.lead).toContain('截至2025年11月30日');
  });

  it('writes the headline text from the figures, with target and status', () => {
    const c = compose(base);
    const first = c.sections[0]?.blocks[0];
    expect(first).toEqual({
      kind: 'paragraph',
      text: '截至2025年11月底，城乡居民收入倍差为1.83（2024），对照2025年≤1.8的目标，进度正常。',
      synthetic: false,
    });
    const table = bulletinTables(c)[0];
    expect(table?.rows[1]?.cells).toEqual(['农村居民人均可支配收入', '暂无数据', '—', '—', '—']);
  });

  it('counts target statuses and lists lagging ones worst first, marking synthetic figures', () => {
    const c = compose(base);
    const text = c.sections[1]?.blocks[0];
    expect(text?.kind === 'paragraph' && text.text).toBe(
      '纳入监测的目标共3项，其中已实现1项、需加快1项、背离目标1项。需加快、进展有限和背离目标的2项目标列于下表。',
    );
    const lagging = bulletinTables(c).find((t) => t.key === 'targets-lagging');
    expect(lagging?.rows.map((r) => [r.cells[0], r.cells[2], r.tone])).toEqual([
      ['甲指标', `10%（${SYNTHETIC_MARK}）`, 'red'],
      ['乙指标', '50%', 'yellow'],
    ]);
    expect(lagging?.synthetic).toBe(true);
    expect(lagging?.note).toContain(SYNTHETIC_MARK);
    expect(c.synthetic).toBe(true);
    expect(c.syntheticNote).toContain(SYNTHETIC_MARK);
  });

  it('is not marked synthetic when no figure is', () => {
    const c = compose({
      ...base,
      targets: { rows: base.targets.rows.map((r) => ({ ...r, synthetic: false })) },
    });
    expect(c.synthetic).toBe(false);
    expect(c.syntheticNote).toBeNull();
    expect(JSON.stringify(c)).not.toContain(SYNTHETIC_MARK);
  });

  it('refuses a month with nothing to report', () => {
    const r = composeBulletin({
      ...base,
      headline: base.headline.map((h) => ({ ...h, latest: null })),
      targets: { rows: base.targets.rows.map((t) => ({ ...t, latest: null, status: 'no_data' })) },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_DATA' } });
    if (!r.ok) expect(r.error.message).toContain('2025年11月');
  });

  it('puts red projects in the red list and yellow in the yellow list, numbering every table', () => {
    const c = compose({
      ...base,
      projects: {
        count: 3,
        lights: { red: 1, yellow: 1, green: 1, none: 0 },
        rows: [project('P3', 'yellow', 0.5), project('P1', 'red', 0.2), project('P2', 'green', 0.9)],
        schedule: 11 / 12,
        synthetic: false,
        plannedInvestment: 30,
        completedInvestment: 16,
        startRate: null,
      },
      supervision: { opened: [], overdue: [], closed: [], escalated: [] },
      tasks: { overdue: [], lists: [] },
    });
    expect(c.sections.map((s) => s.label)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const tables = bulletinTables(c);
    expect(tables.map((t) => t.number)).toEqual(tables.map((_, i) => i + 1));
    expect(new Set(tables.map((t) => t.sheetName)).size).toBe(tables.length);
    expect(tables.find((t) => t.key === 'projects-red')?.rows.map((r) => r.cells[0])).toEqual(['P1']);
    expect(tables.find((t) => t.key === 'projects-yellow')?.rows.map((r) => r.cells[0])).toEqual(['P3']);
    const p = c.sections.find((s) => s.key === 'projects')?.blocks[0];
    // 16 / 30 = 53.3%, 11/12 = 91.7%.
    expect(p?.kind === 'paragraph' && p.text).toBe(
      '纳入调度的重大项目3个，年度计划投资30亿元，累计完成16亿元，完成率53.3%（序时进度91.7%）。其中红灯1个、黄灯1个、绿灯1个。',
    );
    expect(c.omitted).toEqual([expect.stringContaining('县域排名')]);
  });
});

describe('projectLists', () => {
  it('keeps exactly the red and the yellow rows, lowest completion first', () => {
    const light = fc.constantFrom('red' as const, 'yellow' as const, 'green' as const, 'none' as const);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(light, fc.option(fc.double({ min: 0, max: 2, noNaN: true }))), {
          maxLength: 30,
        }),
        (specs) => {
          const rows = specs.map(([l, rate], i) => project(`P${i}`, l, rate));
          const { red, yellow } = projectLists(rows);
          expect(red.length).toBe(rows.filter((r) => r.light === 'red').length);
          expect(yellow.length).toBe(rows.filter((r) => r.light === 'yellow').length);
          expect(red.every((r) => r.light === 'red')).toBe(true);
          expect(yellow.every((r) => r.light === 'yellow')).toBe(true);
          for (const list of [red, yellow])
            for (let i = 1; i < list.length; i++)
              expect(list[i - 1]?.completionRate ?? -1).toBeLessThanOrEqual(list[i]?.completionRate ?? -1);
        },
      ),
    );
  });
});

describe('formatting', () => {
  it('rounds to two decimals and writes units in Chinese', () => {
    expect(formatNumber(1.8345)).toBe('1.83');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatFigure(67013, 'yuan')).toBe('67013元');
    expect(formatFigure(3.2, '100m yuan')).toBe('3.2亿元');
    expect(formatFigure(1.83, 'ratio')).toBe('1.83');
    expect(formatPercent(0.91666)).toBe('91.7%');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
