import { describe, expect, it } from 'vitest';
import { changedValues, initialDrafts, isDirty, outsideBand, parseTyped } from './form-state';
import { stored, testField, testForm } from './test-form';

const form = testForm([
  testField('urban_income', { current: stored(52000, 3, '春节因素') }),
  testField('rural_income'),
  testField('households', { current: stored(1200, 1), editable: false }),
]);

describe('initialDrafts', () => {
  it('fills the inputs with the stored values and comments, empty where nothing is stored', () => {
    expect(initialDrafts(form)).toEqual({
      urban_income: { text: '52000', comment: '春节因素' },
      rural_income: { text: '', comment: '' },
      households: { text: '1200', comment: '' },
    });
  });
});

describe('changedValues', () => {
  it('sends nothing for an untouched form, or one retyped to the same numbers', () => {
    const drafts = initialDrafts(form);
    expect(changedValues(form, drafts)).toEqual([]);
    expect(isDirty(form, drafts)).toBe(false);
    expect(
      changedValues(form, { ...drafts, urban_income: { text: ' 52,000.0 ', comment: '春节因素' } }),
    ).toEqual([]);
  });

  it('sends changed values as typed with the version seen, and clears with null', () => {
    const drafts = {
      ...initialDrafts(form),
      urban_income: { text: '', comment: '春节因素' },
      rural_income: { text: '3.1万', comment: '' },
    };
    expect(changedValues(form, drafts)).toEqual([
      { indicatorCode: 'urban_income', value: null, version: 3, comment: '春节因素' },
      { indicatorCode: 'rural_income', value: '3.1万', version: 0 },
    ]);
    expect(isDirty(form, drafts)).toBe(true);
  });

  it('sends a changed comment alone, and an emptied one as empty text', () => {
    const drafts = initialDrafts(form);
    expect(changedValues(form, { ...drafts, urban_income: { text: '52000', comment: '' } })).toEqual([
      { indicatorCode: 'urban_income', value: '52000', version: 3, comment: '' },
    ]);
    expect(changedValues(form, { ...drafts, rural_income: { text: '', comment: ' 说明 ' } })).toEqual([
      { indicatorCode: 'rural_income', value: null, version: 0, comment: '说明' },
    ]);
  });

  it('never sends a field the user may not change', () => {
    const drafts = { ...initialDrafts(form), households: { text: '1300', comment: '' } };
    expect(changedValues(form, drafts)).toEqual([]);
  });
});

describe('parseTyped', () => {
  it('reads numbers with thousands separators and rejects other text', () => {
    expect(parseTyped('1,234.5')).toBe(1234.5);
    expect(parseTyped('１２')).toBeUndefined();
    expect(parseTyped('-0.5')).toBe(-0.5);
    expect(parseTyped('1e3')).toBe(1000);
    expect(parseTyped('12a')).toBeUndefined();
    expect(parseTyped('')).toBeUndefined();
    expect(parseTyped('.')).toBeUndefined();
  });
});

describe('outsideBand', () => {
  const banded = testField('urban_income', { band: { method: 'minmax', low: 40000, high: 60000 } });
  it('is true only for a number outside the band', () => {
    expect(outsideBand(banded, '39999')).toBe(true);
    expect(outsideBand(banded, '60,001')).toBe(true);
    expect(outsideBand(banded, '40000')).toBe(false);
    expect(outsideBand(banded, '60000')).toBe(false);
    expect(outsideBand(banded, 'abc')).toBe(false);
    expect(outsideBand(testField('x'), '1e9')).toBe(false);
    expect(outsideBand(testField('x', { band: { method: 'zscore', low: null, high: 10 } }), '-5')).toBe(
      false,
    );
  });
});
