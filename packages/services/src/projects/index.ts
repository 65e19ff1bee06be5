// Project dispatch (issue 7).
export * from './project-error';
export * from './project-access';
export * from './snapshot';
export * from './status';
export * from './library';
export * from './template';
export * from './import';
export * from './demo';
