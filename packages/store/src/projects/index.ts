// The projects module of the store.
export type * from './schema';
