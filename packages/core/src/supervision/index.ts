// 重点问题督办: supervision orders as a pure state machine, deadlines, escalation and proposals (seed 000 §十四).
export * from './types';
export * from './workflow';
export * from './proposals';
