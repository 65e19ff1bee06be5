// 收入差距 from household micro-data files: import (CSV, xlsx) and measurement.
export * from './household-columns';
export * from './household-table';
export * from './read-households-csv';
export * from './read-households-xlsx';
export * from './measure-households-file';
export * from './household-units';
export * from './household-jobs';
export * from './regional-types';
export * from './regional-gaps';
