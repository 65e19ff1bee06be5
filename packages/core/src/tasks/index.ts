// 重点工作: task lists, deadlines (overdue / due soon), progress summaries and checks (seed 000 §十四, 004).
export * from './types';
export * from './deadlines';
export * from './progress';
export * from './validate-task';
