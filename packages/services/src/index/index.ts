// The index module's use cases: frameworks, frozen runs, comparisons, health checks, export,
// classification proposals and demo data (issue 6).
export * from './errors';
export * from './frameworks';
export * from './inputs';
export * from './run';
export * from './read';
export * from './compare';
export * from './health';
export * from './export-xlsx';
export * from './classification';
export * from './demo-data';
