// The progress module of the store: derived values with lineage, progress inputs, warnings, revisions.
export type * from './schema';
export * from './revision';
export * from './observation-writes';
export * from './derived-repo';
export * from './progress-read';
export * from './series-scan';
export * from './formula-inputs';
export * from './warnings-repo';
export * from './bulk-load';
