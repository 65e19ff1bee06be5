// Derived-indicator formula language (SYNTAX.md): tokenizer, parser, validation, evaluation, dependencies.
export * from './ast';
export * from './errors';
export * from './tokenizer';
export * from './parser';
export * from './validate';
export * from './references';
export * from './format';
export * from './dependencies';
export * from './evaluate';
export * from './classify-definition';
export * from './memory-resolver';
