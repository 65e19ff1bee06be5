// Supervision orders 督办 (issue 8): HTTP API schemas.
export * from './supervision';
