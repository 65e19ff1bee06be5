// Public surface of @suocha/core: pure domain types and computations (no IO, no dependencies).
export * from './result';
export * from './random';
export * from './period';
export * from './hierarchy';
export * from './imports';
export * from './projects';
export * from './tasks';
export * from './supervision';
export * from './access';
export * from './index/index';
export * from './targets';
export * from './collection';
export * from './gaps';
export * from './bulletins';
