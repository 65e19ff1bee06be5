// The gaps module of the store: what the regional measures and the household import read.
export * from './gap-observations';
export * from './unit-paths';
