// Test helpers of the store (`@suocha/store/testing`): the engines every storage test runs on, fixture units.
export * from './engines';
export * from './units';
