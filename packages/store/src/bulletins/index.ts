// The bulletins module of the store.
export type * from './schema';
export * from './bulletins-repo';
