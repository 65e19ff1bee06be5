// The index module of the store: frameworks, frozen runs and their inputs, classification proposals.
export type * from './schema';
export * from './frameworks-repo';
export * from './runs-repo';
export * from './inputs-repo';
export * from './classification-repo';
