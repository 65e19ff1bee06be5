export * from './levels';
export * from './unit';
export * from './path';
export * from './membership';
