// Key tasks, pilots and cases (issue 8).
export * from './errors';
export * from './task-access';
export * from './task-views';
export * from './tasks-service';
export * from './load-default-tasks';
export * from './cases';
