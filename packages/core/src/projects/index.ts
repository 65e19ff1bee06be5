// 重大项目调度: project types, stage rules, 序时进度 metrics, lights, report checks and roll-ups (METHODS.md §5).
export * from './types';
export * from './calendar';
export * from './stage';
export * from './schedule';
export * from './lights';
export * from './project-metrics';
export * from './rollup';
export * from './report-validation';
export * from './s-curve';
export * from './synthetic';
