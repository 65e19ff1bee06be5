import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  messagesFor,
  readStoredLanguage,
  storeLanguage,
} from './language';
import type { LanguageStorage } from './language';

function memoryStorage(
  initial: Record<string, string> = {},
): LanguageStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

const throwing: LanguageStorage = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
};

describe('language preference', () => {
  it('defaults to zh-CN when nothing is stored', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    expect(readStoredLanguage(memoryStorage())).toBe('zh-CN');
    expect(readStoredLanguage(undefined)).toBe('zh-CN');
  });

  it('round-trips the chosen language through storage', () => {
    const storage = memoryStorage();
    storeLanguage(storage, 'en');
    expect(storage.data[LANGUAGE_STORAGE_KEY]).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
    storeLanguage(storage, 'zh-CN');
    expect(readStoredLanguage(storage)).toBe('zh-CN');
  });

  it('ignores unknown stored values and failing storage', () => {
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'fr' }))).toBe('zh-CN');
    expect(readStoredLanguage(throwing)).toBe('zh-CN');
    expect(() => storeLanguage(throwing, 'en')).not.toThrow();
  });
});

/** Every leaf of a catalogue as "path: kind", so the two languages can be compared structurally. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: string`];
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (Array.isArray(value))
    return [`${path}: array[${value.length}]`, ...value.flatMap((v, i) => leaves(v, `${path}[${i}]`))];
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [`${path}: ${typeof value}`];
}

describe('catalogues', () => {
  const zh = messagesFor('zh-CN');
  const en = messagesFor('en');

  it('have the same keys, kinds and list lengths in both languages', () => {
    // The type system already rejects missing keys; this also catches lists of different length.
    expect(leaves(en)).toEqual(leaves(zh));
  });

  it('have no empty strings', () => {
    const strings = (c: unknown): string[] =>
      typeof c === 'string'
        ? [c]
        : typeof c === 'object' && c !== null
          ? Object.values(c).flatMap(strings)
          : [];
    expect(strings(zh).length).toBeGreaterThan(50);
    expect(strings(zh).filter((s) => s.trim() === '')).toEqual([]);
    expect(strings(en).filter((s) => s.trim() === '')).toEqual([]);
  });

  it('are actually translated: zh uses Chinese, en does not', () => {
    expect(zh.nav.divisions).toBe('区划');
    expect(en.nav.divisions).toBe('Divisions');
    expect(zh.divisions.memberCount(25)).toBe('25 个县(市、区)');
    expect(en.divisions.memberCount(25)).toBe('25 counties (cities, districts)');
    expect(en.divisions.memberCount(1)).toBe('1 county (city, district)');
    const han = /\p{Script=Han}/u;
    for (const key of Object.keys(zh.nav) as (keyof typeof zh.nav)[]) {
      expect(zh.nav[key]).toMatch(han);
      expect(en.nav[key]).not.toMatch(han);
    }
  });
});
