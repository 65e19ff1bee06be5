// 三大差距 measures (METHODS.md §2–3): regional gaps over units and income distribution from household data.
export * from './gaps-error';
export * from './unit-values';
export * from './max-min-ratio';
export * from './group-to-parent-ratio';
export * from './units-below-line';
export * from './coefficient-of-variation';
export * from './williamson-cv';
export * from './theil-decomposition';
export * from './theil';
export * from './urban-rural-gap';
export * from './household-data';
export * from './float-radix-sort';
export * from './household-sums';
export * from './sorted-distribution';
export * from './weighted-gini';
export * from './atkinson';
export * from './household-measures';
