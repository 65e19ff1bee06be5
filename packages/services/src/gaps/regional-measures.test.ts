/** The regional measures over given units: what is computed, and what is left null (with a note) and why. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionalMeasures, type MeasuredUnit } from './regional-measures';

const unit = (
  code: string,
  value: number,
  population: number | null,
  parent = 'p1',
  inGroup = false,
): MeasuredUnit => ({
  code,
  name: `U${code}`,
  parentCode: parent,
  parentName: `P${parent}`,
  inGroup,
  value,
  population,
});

describe('regionalMeasures', () => {
  it('a value ≤ 0 (e.g. a growth rate): max/min and Theil are null with a note; CV is still given', () => {
    const { measures, notes } = regionalMeasures({
      units: [unit('a', -1.5, 10), unit('b', 4, 30), unit('c', 6, 60)],
      populationWeights: true,
      group: null,
      parentValue: null,
      line: { line: 0, lineSource: 'value', lineUnit: null },
      byParent: false,
    });
    expect(measures.maxMin).toBeNull();
    expect(measures.theil).toBeNull();
    expect(measures.mean).toBeCloseTo(0.1 * -1.5 + 0.3 * 4 + 0.6 * 6, 12);
    expect(measures.williamsonCv).not.toBeNull();
    expect(measures.belowLine).toMatchObject({ count: 1, populationShare: 0.1 });
    expect(notes.some((n) => n.startsWith('max/min') && n.includes('must be > 0'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Theil'))).toBe(true);
  });

  it('a group with no member having a value gives no ratio, and says so', () => {
    const { measures, notes } = regionalMeasures({
      units: [unit('a', 10, 1), unit('b', 20, 1)],
      populationWeights: false,
      group: { code: 'g', nameZh: '山区海岛县' },
      parentValue: 15,
      line: null,
      byParent: true,
    });
    expect(measures.groupRatio).toBeNull();
    expect(notes.join('\n')).toContain('no member of g in the set has a value');
    // One parent only: no decomposition by parent; the group decomposition has everyone outside.
    expect(measures.decompositions.map((d) => d.by)).toEqual(['group']);
  });

  it('every decomposition adds up: between + within = total (random units, parents and membership)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.double({ min: 1, max: 1e6, noNaN: true }),
            population: fc.double({ min: 1, max: 1e7, noNaN: true }),
            parent: fc.constantFrom('p1', 'p2', 'p3'),
            inGroup: fc.boolean(),
          }),
          { minLength: 2, maxLength: 40 },
        ),
        (rows) => {
          const { measures } = regionalMeasures({
            units: rows.map((r, i) => unit(String(i), r.value, r.population, r.parent, r.inGroup)),
            populationWeights: true,
            group: { code: 'g', nameZh: 'G' },
            parentValue: 100,
            line: null,
            byParent: true,
          });
          const total = measures.theil!;
          for (const d of measures.decompositions) {
            expect(d.theilT.between + d.theilT.within).toBeCloseTo(total.theilT.total, 9);
            expect(d.theilL.between + d.theilL.within).toBeCloseTo(total.theilL.total, 9);
          }
          const members = rows.filter((r) => r.inGroup);
          if (members.length > 0) {
            const pop = members.reduce((s, r) => s + r.population, 0);
            const mean = members.reduce((s, r) => s + r.population * r.value, 0) / pop;
            expect(measures.groupRatio!.groupMean).toBeCloseTo(mean, 6);
            expect(measures.groupRatio!.ratioToParent).toBeCloseTo(mean / 100, 6);
          }
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
