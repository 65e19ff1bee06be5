// @suocha/contract: zod schemas of the HTTP API, shared by server and web.
export * from './errors';
export * from './common';
export * from './health';
export * from './hierarchy/units';
export * from './targets/catalogue';
export * from './index/framework';
export * from './access/auth';
export * from './index/api';
export * from './progress/progress';
export * from './collection/collection';
export * from './gaps/gaps';
export * from './projects';
export * from './tasks';
export * from './supervision';
export * from './bulletins';
