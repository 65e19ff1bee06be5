// The index module's HTTP API (issue 6): runs, league tables, comparisons, health checks, classification.
export * from './runs';
export * from './classification';
