// Progress to targets (METHODS.md §1) and the derived-indicator formula language.
export * from './types';
export * from './comparator';
export * from './rates';
export * from './expected-on-path';
export * from './projection';
export * from './series';
export * from './target-status';
export * from './unsd-progress';
export * from './weather';
export * from './governing-targets';
export * from './formula';
export * from './status-judge';
