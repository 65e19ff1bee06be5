// The access module of the store: users, departments, sessions, API tokens, login throttling.
export type * from './schema';
export * from './users-repo';
export * from './sessions-repo';
export * from './tokens-repo';
export * from './throttle-repo';
