// Progress to targets, derived values with lineage, warnings (issue 4).
export * from './errors';
export * from './judge';
export * from './progress-report';
export * from './all-statuses';
export * from './all-statuses-fast';
export * from './resolver';
export * from './derived';
export * from './observe';
export * from './series';
export * from './warning-rules';
export * from './warnings';
export * from './submissions';
