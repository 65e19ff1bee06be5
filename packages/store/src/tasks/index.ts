// The tasks module of the store.
export type * from './schema';
export * from './tasks-repo';
export * from './cases';
