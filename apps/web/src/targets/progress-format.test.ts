import { describe, expect, it } from 'vitest';
import { zh } from '../i18n/messages-zh';
import { en } from '../i18n/messages-en';
import { formatAmount, formatRequiredChange, formatSignedDifference, formatTarget } from './progress-format';
import type { UnitLabels } from './progress-format';

const ZH: UnitLabels = {
  unitLabel: zh.evaluation.unitLabel,
  points: zh.targetsPage.points,
  perYear: zh.targetsPage.perYear,
};
const EN: UnitLabels = {
  unitLabel: en.evaluation.unitLabel,
  points: en.targetsPage.points,
  perYear: en.targetsPage.perYear,
};

describe('progress figures as written', () => {
  it('writes targets with ≤/≥ and the unit', () => {
    expect(formatTarget('<=', 1.8, 'ratio', ZH)).toBe('≤ 1.80 倍');
    expect(formatTarget('>=', 75.5, '%', ZH)).toBe('≥ 75.50%');
    expect(formatTarget('>=', 1000000, 'persons', ZH)).toBe('≥ 1,000,000 人');
    expect(formatAmount(25.16, 'persons', ZH)).toBe('25.2 人');
    expect(formatAmount(67013, 'yuan', { ...ZH, unitLabel: () => '' })).toBe('67,013');
    expect(formatAmount(67013, 'yuan', ZH)).toBe('67,013 元');
    expect(formatAmount(null, 'yuan', ZH)).toBe('—');
  });

  it('signs differences and uses percentage points for percentages', () => {
    expect(formatSignedDifference(0.0899068472037261, 'ratio', ZH)).toBe('+0.09 倍');
    expect(formatSignedDifference(-1.3, '%', ZH)).toBe('−1.30 个百分点');
    expect(formatSignedDifference(-1.3, '%', EN)).toBe('−1.30 pp');
    expect(formatSignedDifference(0.001, 'ratio', ZH)).toBe('0.00 倍');
    expect(formatSignedDifference(undefined, 'ratio', ZH)).toBe('—');
  });

  it('writes the required change as a growth rate per year, or a change per year when linear', () => {
    // requiredAnnualChange of the annual urban-rural series: (1.8 / 1.8289)^(1/3) − 1 = −0.5294%.
    expect(formatRequiredChange(-0.005293936702681079, 'compound', 'ratio', ZH)).toBe('−0.53%/年');
    expect(formatRequiredChange(0.035920824911294336, 'compound', 'persons', EN)).toBe('+3.59%/yr');
    expect(formatRequiredChange(2.5, 'linear', 'count', ZH)).toBe('+3 个/年');
    expect(formatRequiredChange(0, 'compound', 'ratio', ZH)).toBe('0.00%/年');
    expect(formatRequiredChange(null, 'compound', 'ratio', ZH)).toBe('—');
  });
});
