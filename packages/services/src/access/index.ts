// Access use cases: users, departments, passwords, login with lock-out, sessions, API tokens.
export * from './policy';
export * from './errors';
export * from './actor';
export * from './passwords';
export * from './secrets';
export * from './throttle';
export * from './users';
export * from './login';
export * from './sessions';
export * from './tokens';
export * from './change-password';
