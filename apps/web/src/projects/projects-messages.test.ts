import { describe, expect, it } from 'vitest';
import { LIGHT_CODES, PROJECT_STAGE_CODES } from '@suocha/contract';
import { projectsEn, projectsMessages, projectsZh } from './projects-messages';

describe('projects messages', () => {
  it('names every stage and light of the contract in both languages (never the raw code)', () => {
    for (const m of [projectsZh, projectsEn]) {
      for (const s of PROJECT_STAGE_CODES) expect(m.stageName(s)).not.toBe(s);
      for (const l of LIGHT_CODES) expect(m.lightName(l)).not.toBe(l);
    }
    expect(projectsZh.stageName('under_construction')).toBe('实施');
    expect(projectsZh.lightName('red')).toBe('红灯');
  });

  it('quotes the default thresholds only for the default rule set', () => {
    expect(projectsZh.rules('methods-5')).toContain('超过30个百分点为红灯');
    expect(projectsZh.rules('custom-1')).not.toContain('30');
    expect(projectsEn.rules('custom-1')).toContain('custom-1');
  });

  it('names where a report came from, with the imported file', () => {
    expect(projectsZh.origin('import:月报.xlsx')).toBe('模板导入 (月报.xlsx)');
    expect(projectsEn.origin('form')).toBe('Form');
    expect(projectsZh.origin('api')).toBe('api');
  });

  it('picks the catalogue of the UI language', () => {
    expect(projectsMessages('en')).toBe(projectsEn);
    expect(projectsMessages('zh-CN')).toBe(projectsZh);
  });
});
