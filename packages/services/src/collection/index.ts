// 数据填报/审核: data sets, forms, entry and workflow, imports (xlsx template, CSV), exports, reporting rate.
export * from './errors';
export * from './datasets';
export * from './context';
export * from './form';
export * from './entry';
export * from './import-record';
export * from './read-values-csv';
export * from './read-template';
export * from './template-layout';
export * from './template';
export * from './zip-guard';
export * from './neutralise';
export * from './import';
export * from './export';
export * from './reporting';
