// @suocha/store: the only place where SQL lives.
export * from './db';
export type * from './schema';
export * from './hierarchy/units-repo';
export * from './hierarchy/groups-repo';
export * from './targets/catalogue-repo';
export * from './observations/observations-repo';
export * from './access';
export * from './index/index';
export * from './collection';
export * from './progress';
export * from './gaps';
export * from './targets/target-edits';
export * from './projects';
export * from './tasks';
export * from './supervision';
export * from './bulletins';
