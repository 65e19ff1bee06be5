// Supervision orders 督办 (issue 8).
export {};
