// Data collection: data sets, forms and their workflow, values with optimistic versioning, bulk import writes.
export * from './datasets-repo';
export * from './forms-repo';
export * from './values-repo';
export * from './import-writer';
export * from './units-lookup';
