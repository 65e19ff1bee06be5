// Key tasks, pilots and cases (issue 8): HTTP API schemas.
export * from './tasks';
export * from './cases';
