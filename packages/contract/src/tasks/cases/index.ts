// Pilots and the case library (issue 8 §3): HTTP API schemas.
export * from './cases';
