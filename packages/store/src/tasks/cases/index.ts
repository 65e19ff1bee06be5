// Pilots and the case library (issue 8 §3).
export type * from './schema';
export * from './search-text';
export * from './cases-repo';
export * from './pilots-repo';
