// Supervision orders 督办 (issue 8).
export * from './errors';
export * from './order-parties';
export * from './order-views';
export * from './orders-service';
export * from './proposals-service';
export * from './inbox';
export * from './demo';
export * from './red-projects';
export * from './escalation-schedule';
