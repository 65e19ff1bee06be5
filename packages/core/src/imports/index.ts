export * from './problem';
export * from './measure-units';
