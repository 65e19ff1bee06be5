// The supervision module of the store.
export type * from './schema';
export * from './orders-repo';
