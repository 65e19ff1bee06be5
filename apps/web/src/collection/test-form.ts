/**
 * A form view as the server answers it, for the unit tests (模拟数据: invented figures, test-only).
 */
import type { FieldView, FormView } from './collection-types';

export function testField(code: string, patch: Partial<FieldView> = {}): FieldView {
  return {
    indicatorCode: code,
    nameZh: `指标 ${code}`,
    nameEn: `Indicator ${code}`,
    unit: 'yuan',
    polarity: 'up',
    departmentCode: null,
    valueType: 'number',
    min: 0,
    max: null,
    required: true,
    softMin: null,
    softMax: null,
    current: null,
    previous: null,
    lastYear: null,
    target: null,
    band: null,
    editable: true,
    ...patch,
  };
}

export function testForm(fields: readonly FieldView[], patch: Partial<FormView> = {}): FormView {
  return {
    dataset: {
      code: 'county_income',
      nameZh: '县级收入月报',
      nameEn: 'County income',
      periodKind: 'month',
      ytd: false,
      level: 'county',
      version: 1,
    },
    unit: { code: '330822', name: '常山县', level: 'county', parentCode: '330800' },
    period: '2026-02',
    periodEnd: '2026-02-28',
    dueDate: '2026-03-05',
    state: 'draft',
    formVersion: 0,
    firstSubmittedAt: null,
    submittedAt: null,
    submittedBy: null,
    approvedAt: null,
    approvedBy: null,
    lockedAt: null,
    lockedBy: null,
    timeliness: null,
    actions: ['save', 'submit'],
    allowed: ['save', 'submit'],
    fields: [...fields],
    rules: [
      {
        code: 'urban_ge_rural',
        expression: 'urban_income >= rural_income',
        messageZh: '城镇居民收入应不低于农村居民收入',
        messageEn: 'urban ≥ rural',
        severity: 'error',
        missing: 'skip_if_any_missing',
      },
    ],
    events: [],
    ...patch,
  };
}

export const stored = (value: number, version: number, comment = ''): NonNullable<FieldView['current']> => ({
  value,
  version,
  status: 'draft',
  comment,
  updatedAt: '2026-03-02T01:00:00.000Z',
  updatedBy: 'changshan',
});
