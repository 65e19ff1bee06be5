// @suocha/services: use cases — read via store, compute via core, write.
export * from './io/csv';
export * from './io/canonical-json';
export * from './hierarchy/divisions';
export * from './hierarchy/groups';
export * from './targets/catalogue';
export * from './observations/load-observations';
export * from './dataset/default-dataset';
export * from './access';
export * from './index/index';
export * from './progress';
export * from './collection';
export * from './gaps';
export * from './projects';
export * from './tasks';
export * from './supervision';
export * from './bulletins';
