import { en } from './messages-en';
import { zh } from './messages-zh';
import type { Language, Messages } from './messages';

/** localStorage key holding the chosen UI language. */
export const LANGUAGE_STORAGE_KEY = 'suocha.language';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const CATALOGUES: Record<Language, Messages> = { 'zh-CN': zh, en };

export function messagesFor(language: Language): Messages {
  return CATALOGUES[language];
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/** Minimal part of the Web Storage API we use, so tests can pass a plain object. */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored language, or zh-CN when nothing (or something unknown) is stored or storage is unavailable. */
export function readStoredLanguage(storage: LanguageStorage | undefined): Language {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can throw (privacy mode, disabled cookies); the default language is then the honest choice.
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(storage: LanguageStorage | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisting is acceptable: the switch still works for this page view.
  }
}
