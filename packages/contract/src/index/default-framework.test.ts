// The shipped default framework (data/frameworks/default.json) against the schema and the catalogue.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFramework, validateFramework } from './framework';

const root = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const catalogueCodes = (path: string) =>
  read(path)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
const catalogue = [...catalogueCodes('data/indicators.csv'), ...catalogueCodes('data/indicators_extra.csv')];
/** Indicators the default framework needs that the catalogue does not have yet (proposed to the lead). */
const PROPOSED = ['resident_income_province_ratio'];
const json: unknown = JSON.parse(read('data/frameworks/default.json'));

describe('data/frameworks/default.json', () => {
  it('is valid against the catalogue plus the proposed indicators', () => {
    expect(validateFramework(json, [...catalogue, ...PROPOSED])).toEqual([]);
  });
  it('uses catalogue indicators except the proposed ones', () => {
    const unknown = validateFramework(json, catalogue).filter((i) => i.code === 'UNKNOWN_INDICATOR');
    expect(unknown.every((i) => PROPOSED.some((p) => i.message.endsWith(p)))).toBe(true);
  });
  it('has the four domains 强城 兴村 融合 富民 and 18 equally weighted indicators, each with a seed source', () => {
    const r = parseFramework(json, [...catalogue, ...PROPOSED]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const f = r.framework;
    expect(f.domains.map((d) => d.name?.zh)).toEqual(['强城', '兴村', '融合', '富民']);
    const indicators = f.domains.flatMap((d) => d.indicators);
    expect(indicators.length).toBe(18);
    expect(new Set(f.domains.map((d) => d.weight)).size).toBe(1);
    expect(new Set(indicators.map((i) => i.weight)).size).toBe(1);
    for (const i of indicators) expect(i.source).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt /);
    expect(f.note?.zh).toContain('未公开');
    expect(f.note?.en).toContain('not public');
  });
  it('takes each goalpost from a seed target of that indicator', () => {
    const r = parseFramework(json, [...catalogue, ...PROPOSED]);
    if (!r.ok) throw new Error('invalid');
    const targets = read('data/targets.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    for (const i of r.framework.domains.flatMap((d) => d.indicators)) {
      if (i.normalisation.method !== 'goalposts') continue;
      const hi = i.normalisation.hi;
      expect(targets.some((t) => t[0] === i.code && Number(t[5]) === hi)).toBe(true);
      expect(i.normalisation.lo).toBe(0);
    }
  });
});
