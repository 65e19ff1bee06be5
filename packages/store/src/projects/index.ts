// The projects module of the store.
export type * from './schema';
export * from './projects-repo';
