// The monthly bulletin (月度通报, issue 8 §4): pure composition of its sections.
export * from './chinese-numeral';
export * from './bulletin-month';
export * from './bulletin-content';
export * from './bulletin-inputs';
export * from './bulletin-format';
export * from './compose-bulletin';
export * from './supervision-month';
export * from './tasks-month';
