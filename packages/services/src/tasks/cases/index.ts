// Pilots and the case library (issue 8 §3).
export {};
