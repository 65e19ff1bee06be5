// Key tasks, pilots and cases (issue 8).
export * from './cases';
