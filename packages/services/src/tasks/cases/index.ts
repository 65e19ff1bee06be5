// Pilots and the case library (issue 8 §3).
export * from './case-input';
export * from './highlight';
export * from './cases';
export * from './pilots';
