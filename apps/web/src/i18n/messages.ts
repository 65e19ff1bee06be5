import type { zh } from './messages-zh';

/** Shape of a UI catalogue, derived from the zh-CN source so the languages cannot drift apart. */
export type Messages = typeof zh;

export type Language = 'zh-CN' | 'en';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
