/** Validation of a case before it is written. */
import { describe, expect, it } from 'vitest';
import { validateCaseInput } from './case-input';

const GOOD = {
  title: ' 标题 ',
  unitCode: '330824',
  summary: '摘要',
  body: '正文',
  tags: ['a', ' a ', '', 'b'],
};

describe('validateCaseInput', () => {
  it('trims text, de-duplicates tags and defaults pilot and source', () => {
    expect(validateCaseInput(GOOD)).toEqual({
      ok: true,
      value: {
        title: '标题',
        unitCode: '330824',
        summary: '摘要',
        body: '正文',
        tags: ['a', 'b'],
        pilotCode: null,
        source: '',
      },
    });
  });

  it.each(['title', 'summary', 'body'] as const)('refuses an empty or blank %s with a clear message', (f) => {
    const r = validateCaseInput({ ...GOOD, [f]: ' \n\t ' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'EMPTY_TEXT', field: f });
      expect(r.error.message).toMatch(/不能为空.*must not be empty/);
    }
  });

  it('refuses over-long text and too many tags', () => {
    expect(validateCaseInput({ ...GOOD, title: '字'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'TOO_LONG' },
    });
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(validateCaseInput({ ...GOOD, tags })).toMatchObject({ ok: false, error: { code: 'BAD_TAG' } });
  });
});
