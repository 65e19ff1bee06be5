/**
 * The case library and pilots on SQLite and PostgreSQL: golden queries over Chinese texts (2-character
 * terms, mixed Latin and digits, ranking), and a seeded random comparison of both engines against a
 * reference implementation written here in plain TypeScript (substring match and the same score).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from '@suocha/core';
import { insertUnits } from '../../hierarchy/units-repo';
import { testEngines, type OpenedStore } from '../../testing/engines';
import { getCase, insertCase, listCaseTags, queryCases, updateCase, type CaseFields } from './cases-repo';
import { listPilots, upsertPilots } from './pilots-repo';
import { normalizeSearchText, searchTerms } from './search-text';
import { testUnit as unit } from '../../testing/units';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const js = unit('330881', '江山市', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);
const UNITS = [cn, zj, qz, ka, js, hz];

/** Test texts (not real cases): written to exercise the search. */
const CORPUS: CaseFields[] = [
  {
    title: '“两山合作社”改革激活生态资源',
    unitCode: '330800',
    tags: ['两山合作社', '生态产品价值实现'],
    summary: '村统资源、县统运营、市统服务。',
    body: '构建开发运营体系，推动村集体和农户入股，走出一条共富新路。',
    pilotCode: null,
    source: 'test',
  },
  {
    title: '共富工坊带动低收入农户增收',
    unitCode: '330824',
    tags: ['共富工坊', '扩中提低'],
    summary: '在村里建共富工坊，农户家门口就业。',
    body: '共富工坊引入来料加工。共富工坊按件计酬，共富成效明显。',
    pilotCode: 'P1',
    source: 'test',
  },
  {
    title: '宅基地制度改革试点',
    unitCode: '330881',
    tags: ['宅基地'],
    summary: '探索“两退出三保障”模式。',
    body: '盘活闲置农房，促进共同富裕。改革经验在全市推广。',
    pilotCode: null,
    source: 'test',
  },
  {
    title: '5G数字乡村：ABC平台2025版',
    unitCode: '330100',
    tags: ['数字化改革'],
    summary: '基站覆盖到村，App2025上线。',
    body: '５Ｇ信号覆盖行政村，ＡＢＣ平台汇集数据。',
    pilotCode: null,
    source: 'test',
  },
];

/** Reference implementation of the match and score (cases-repo.ts `scoreOf`), in plain TypeScript. */
function referenceSearch(
  cases: readonly (CaseFields & { id: number; at: string })[],
  query: string,
): number[] {
  const terms = searchTerms(query);
  const scored = cases
    .map((c) => {
      const title = normalizeSearchText(c.title);
      const tags = normalizeSearchText(c.tags.join(' '));
      const summary = normalizeSearchText(c.summary);
      const body = normalizeSearchText(c.body);
      const all = [title, tags, summary, body].filter((s) => s !== '').join(' ');
      if (!terms.every((t) => all.includes(t))) return null;
      let score = 0;
      for (const t of terms) {
        score += (title.includes(t) ? 100 : 0) + (tags.includes(t) ? 40 : 0) + (summary.includes(t) ? 20 : 0);
        score += Math.min(20, body.split(t).length - 1);
      }
      return { id: c.id, at: c.at, score };
    })
    .filter((x) => x !== null);
  scored.sort((a, b) => b.score - a.score || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) || b.id - a.id);
  return scored.map((s) => s.id);
}

for (const engine of testEngines()) {
  describe(`cases on ${engine.name}`, () => {
    let opened: OpenedStore;
    const ids: number[] = [];
    beforeAll(async () => {
      opened = await engine.open();
      await insertUnits(opened.store, UNITS);
      await upsertPilots(opened.store, [
        {
          code: 'P1',
          name: '托育教育一体化试点',
          kind: '专项试点',
          theme: '托育',
          startDate: null,
          status: 'active',
          unitsNote: '',
          source: 'test',
          unitCodes: ['330824', '330881'],
        },
      ]);
      for (const [i, c] of CORPUS.entries())
        ids.push(await insertCase(opened.store, c, { at: `2025-01-0${i + 1}T00:00:00.000Z`, by: 'tester' }));
    });
    afterAll(async () => opened.cleanup());

    const search = async (q: string, extra: { unitPath?: string; tag?: string; pilotCode?: string } = {}) =>
      (await queryCases(opened.store, { terms: searchTerms(q), limit: 50, offset: 0, ...extra })).items.map(
        (c) => c.id,
      );

    it('finds 2-character and 1-character terms, best match first', async () => {
      const [lsh, gfgf, zjd] = ids;
      // 共富: case 2 has it in title, tags, summary and 3× in the body (100+40+20+3); case 1 once in the body.
      expect(await search('共富')).toEqual([gfgf, lsh]);
      const hits = await queryCases(opened.store, { terms: ['共富'], limit: 10, offset: 0 });
      expect(hits.items.map((h) => h.score)).toEqual([163, 1]);
      expect(hits.total).toBe(2);
      // 富 (one character) also occurs in 共同富裕 (case 3).
      expect((await search('富')).sort()).toEqual([lsh, gfgf, zjd].sort());
      expect(await search('共同富裕')).toEqual([zjd]);
      // 改革: in the titles of cases 1 and 3 (100 + body), the tags of case 4 (40).
      const [, , , fiveG] = ids;
      expect(await search('改革')).toEqual([zjd, lsh, fiveG]);
    });

    it('matches Latin letters and digits whatever their width or case', async () => {
      const fiveG = ids[3];
      for (const q of ['5g', '５Ｇ', 'abc', 'ABC平台', '2025', 'app2025'])
        expect(await search(q)).toEqual([fiveG]);
      expect(await search('app2026')).toEqual([]);
    });

    it('requires every term, ignores punctuation, and filters by unit subtree, tag and pilot', async () => {
      const [lsh, gfgf, zjd] = ids;
      expect(await search('宅基地 改革')).toEqual([zjd]);
      expect(await search('“两山合作社”')).toEqual([lsh]);
      expect(await search('宅基地 共富')).toEqual([]);
      expect(await search('改革', { unitPath: qz.path })).toEqual([zjd, lsh]);
      expect(await search('', { unitPath: ka.path })).toEqual([gfgf]);
      expect(await search('', { tag: '宅基地' })).toEqual([zjd]);
      expect(await search('', { pilotCode: 'P1' })).toEqual([gfgf]);
      // No terms: every case, newest first.
      expect(await search('')).toEqual([...ids].reverse());
    });

    it('pages the results and keeps the total', async () => {
      const page = await queryCases(opened.store, { terms: ['富'], limit: 1, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(1);
    });

    it('updates a case: new text is found, old text no longer, stale versions are refused', async () => {
      const id = await insertCase(
        opened.store,
        { ...CORPUS[0]!, title: '临时案例', tags: ['临时'], summary: '旧摘要', body: '旧的正文内容' },
        { at: '2024-12-31T00:00:00.000Z', by: 'tester' },
      );
      expect(await search('旧的正文')).toEqual([id]);
      const fields = {
        ...CORPUS[0]!,
        title: '临时案例',
        tags: ['新标签'],
        summary: '新摘要',
        body: '全新正文',
      };
      expect(
        await updateCase(opened.store, id, 1, fields, { at: '2024-12-31T01:00:00.000Z', by: 'b' }),
      ).toEqual({
        version: 2,
      });
      expect(await updateCase(opened.store, id, 1, fields, { at: '2024-12-31T01:00:00.000Z', by: 'b' })).toBe(
        'conflict',
      );
      expect(await updateCase(opened.store, 99999, 1, fields, { at: 'x', by: 'b' })).toBe('not_found');
      expect(await search('旧的正文')).toEqual([]);
      expect(await search('全新')).toEqual([id]);
      expect(await search('', { tag: '临时' })).toEqual([]);
      expect(await search('', { tag: '新标签' })).toEqual([id]);
      const stored = await getCase(opened.store, id);
      expect(stored).toMatchObject({ version: 2, updatedBy: 'b', createdBy: 'tester', unitName: '衢州市' });
      expect(await getCase(opened.store, 99999)).toBeUndefined();
      expect((await listCaseTags(opened.store)).find((t) => t.tag === '新标签')).toEqual({
        tag: '新标签',
        count: 1,
      });
    });

    it('refuses blank text in the database itself', async () => {
      await expect(
        insertCase(opened.store, { ...CORPUS[0]!, body: '   ' }, { at: '2025-02-01T00:00:00.000Z', by: 't' }),
      ).rejects.toThrow();
    });

    it('lists pilots with their units and linked cases', async () => {
      const [p] = await listPilots(opened.store);
      expect(p).toMatchObject({
        code: 'P1',
        kind: '专项试点',
        caseCount: 1,
        units: [
          { code: '330824', name: '开化县' },
          { code: '330881', name: '江山市' },
        ],
      });
      expect(await listPilots(opened.store, 'nope')).toEqual([]);
    });
  });

  describe(`random corpus on ${engine.name} agrees with the reference implementation`, () => {
    let opened: OpenedStore;
    const cases: (CaseFields & { id: number; at: string })[] = [];
    const rng = mulberry32(20251123);
    const ALPHABET = ['共', '富', '同', '裕', '村', '改', '革', 'a', 'B', '5', '，', ' '];
    const text = (n: number) =>
      Array.from({ length: 1 + randomInt(rng, n) }, () => ALPHABET[randomInt(rng, ALPHABET.length)]).join('');
    beforeAll(async () => {
      opened = await engine.open();
      await insertUnits(opened.store, UNITS);
      for (let i = 0; i < 40; i++) {
        const fields: CaseFields = {
          title: `题${text(6)}`,
          unitCode: '330824',
          tags: [text(3)],
          summary: `摘${text(10)}`,
          body: `文${text(60)}`,
          pilotCode: null,
          source: 'synthetic',
        };
        // Some cases share a timestamp so that the id tie-break is exercised too.
        const at = `2025-03-${String(1 + randomInt(rng, 9)).padStart(2, '0')}T00:00:00.000Z`;
        const id = await insertCase(opened.store, fields, { at, by: 't' });
        cases.push({ ...fields, id, at });
      }
    });
    afterAll(async () => opened.cleanup());

    it('returns the same cases in the same order for 60 random queries', async () => {
      let nonEmpty = 0;
      for (let i = 0; i < 60; i++) {
        const q = text(4);
        const got = (
          await queryCases(opened.store, { terms: searchTerms(q), limit: 100, offset: 0 })
        ).items.map((c) => c.id);
        const want = referenceSearch(cases, q);
        expect(got, `query "${q}"`).toEqual(want);
        if (want.length > 0 && want.length < cases.length) nonEmpty++;
      }
      // The queries discriminate: many match some but not all cases.
      expect(nonEmpty).toBeGreaterThan(10);
    });
  });
}
