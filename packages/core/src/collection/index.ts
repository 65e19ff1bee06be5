// 数据填报/审核: data sets, validation (types, ranges, rules, outliers), approval workflow, due dates, reporting rate.
export * from './types';
export * from './expression';
export * from './rules';
export * from './values';
export * from './periods';
export * from './outliers';
export * from './validate-form';
export * from './dataset-definition';
export * from './workflow';
export * from './due-dates';
export * from './reporting-rate';
