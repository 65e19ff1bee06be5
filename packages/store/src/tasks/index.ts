// The tasks module of the store.
export type * from './schema';
export * from './cases';
