import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FrameworkSchema, jsonPath, parseFramework, validateFramework } from './framework';

const known = ['a', 'b', 'c', 'd'];
const valid = (): z.input<typeof FrameworkSchema> => ({
  code: 'f',
  aggregation: { indicators: 'arithmetic', domains: 'geometric' },
  coverageThreshold: 0.5,
  domains: [
    {
      code: 'd1',
      weight: 1,
      indicators: [
        { code: 'a', direction: 'up', weight: 1, normalisation: { method: 'minmax' } },
        { code: 'b', direction: 'down', weight: 2, normalisation: { method: 'goalposts', lo: 1, hi: 3 } },
      ],
    },
    {
      code: 'd2',
      weight: 2,
      aggregation: 'geometric',
      indicators: [
        {
          code: 'c',
          direction: 'up',
          weight: 1,
          normalisation: { method: 'efficacy', target: 90, floor: 70 },
          outliers: { method: 'winsorise', lower: 5, upper: 95 },
          imputation: 'group_mean',
        },
        {
          code: 'd',
          direction: 'down',
          weight: 1,
          normalisation: { method: 'distance_to_target', target: 1.8 },
        },
      ],
    },
  ],
});
const codes = (json: unknown) => validateFramework(json, known).map((i) => `${i.code} ${i.path}`);

describe('validateFramework', () => {
  it('accepts a valid framework and parses it', () => {
    expect(validateFramework(valid(), known)).toEqual([]);
    const r = parseFramework(valid(), known);
    expect(r.ok && r.framework.domains[1]!.indicators[0]!.imputation).toBe('group_mean');
  });
  it('reports negative weights with their paths', () => {
    const f = valid();
    f.domains[0]!.indicators[1]!.weight = -1;
    f.domains[1]!.weight = -2;
    expect(codes(f)).toEqual([
      'NEGATIVE_WEIGHT $.domains[0].indicators[1].weight',
      'NEGATIVE_WEIGHT $.domains[1].weight',
    ]);
  });
  it('reports indicators missing from the catalogue', () => {
    const f = valid();
    f.domains[1]!.indicators[1]!.code = 'zz';
    expect(codes(f)).toEqual(['UNKNOWN_INDICATOR $.domains[1].indicators[1].code']);
    expect(FrameworkSchema.safeParse(f).success).toBe(true); // the catalogue check needs a catalogue
  });
  it('reports inverted goalposts (lo ≥ hi)', () => {
    const f = valid();
    f.domains[0]!.indicators[1]!.normalisation = { method: 'goalposts', lo: 3, hi: 3 };
    expect(codes(f)).toEqual(['INVERTED_GOALPOSTS $.domains[0].indicators[1].normalisation']);
  });
  it('reports duplicate indicator and domain codes', () => {
    const f = valid();
    f.domains[1]!.indicators[1]!.code = 'a';
    f.domains[1]!.code = 'd1';
    expect(codes(f)).toEqual([
      'DUPLICATE_DOMAIN $.domains[1].code',
      'DUPLICATE_INDICATOR $.domains[1].indicators[1].code',
    ]);
    expect(validateFramework(f, known)[1]!.message).toContain('$.domains[0].indicators[0]');
  });
  it('reports empty domains, zero weights and an empty framework', () => {
    const f = valid();
    f.domains[0]!.indicators = [];
    f.domains[1]!.indicators.forEach((i) => (i.weight = 0));
    expect(codes(f)).toEqual([
      'EMPTY_DOMAIN $.domains[0].indicators',
      'ZERO_WEIGHTS $.domains[1].indicators',
    ]);
    expect(codes({ ...valid(), domains: [] })).toEqual(['EMPTY_FRAMEWORK $.domains']);
  });
  it('reports bad efficacy, target, percentiles and threshold', () => {
    const f = valid();
    f.domains[1]!.indicators[0]!.normalisation = { method: 'efficacy', target: 70, floor: 90 };
    f.domains[1]!.indicators[0]!.outliers = { method: 'winsorise', lower: 95, upper: 5 };
    f.domains[1]!.indicators[1]!.normalisation = { method: 'distance_to_target', target: 0 };
    f.coverageThreshold = 2;
    expect(codes(f).sort()).toEqual(
      [
        'BAD_THRESHOLD $.coverageThreshold',
        'BAD_EFFICACY $.domains[1].indicators[0].normalisation',
        'BAD_PERCENTILES $.domains[1].indicators[0].outliers',
        'BAD_TARGET $.domains[1].indicators[1].normalisation.target',
      ].sort(),
    );
  });
  it('reports structural problems as SCHEMA with paths, including misspelt keys', () => {
    const f: Record<string, unknown> = {
      ...valid(),
      aggregation: { indicators: 'median', domains: 'arithmetic' },
    };
    f.domains = [{ ...valid().domains[0]!, wieght: 1 }];
    const issues = codes(f);
    expect(issues).toContain('SCHEMA $.aggregation.indicators');
    expect(issues.some((i) => i.startsWith('SCHEMA $.domains[0]'))).toBe(true);
    expect(codes('not a framework')).toEqual(['SCHEMA $']);
  });
  it('lists several problems at once', () => {
    const f = valid();
    f.domains[0]!.indicators[0]!.weight = -1;
    f.domains[0]!.indicators[1]!.normalisation = { method: 'goalposts', lo: 5, hi: 1 };
    f.domains[1]!.indicators[1]!.code = 'zz';
    expect(codes(f).length).toBe(3);
  });
});

describe('jsonPath', () => {
  it('writes indices in brackets and odd keys quoted', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['domains', 0, 'indicators', 12, 'code'])).toBe('$.domains[0].indicators[12].code');
    expect(jsonPath(['a b'])).toBe('$["a b"]');
  });
});
