import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { messagesFor, readStoredLanguage, storeLanguage } from './language';
import type { Language, Messages } from './messages';

export interface I18n {
  readonly language: Language;
  readonly t: Messages;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => readStoredLanguage(browserStorage()));

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(browserStorage(), next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    // Screen readers and the browser's font selection rely on the document language.
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(
    () => ({ language, t: messagesFor(language), setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
