/**
 * Household micro-data in columnar form (METHODS.md §3): one entry per household in parallel typed
 * arrays, so that ten million households take about 20 bytes each and no per-row objects exist.
 */

/** A classification of households (urban/rural, city, county): a code per row into a label table. */
export interface HouseholdGrouping {
  readonly codes: Int32Array | Uint16Array | Uint8Array;
  readonly labels: readonly string[];
}

export interface HouseholdData {
  /** Per-capita disposable income y of each household (yuan). */
  readonly income: Float64Array;
  /** Household size n (persons), > 0. */
  readonly size: Float64Array | Uint8Array | Uint16Array;
  /** Sampling weight w ≥ 0; 1 for every household when absent. */
  readonly weight?: Float64Array | undefined;
  /** Named groupings available for decomposition, e.g. `urban_rural`, `city`, `county`. */
  readonly groups?: Readonly<Record<string, HouseholdGrouping>> | undefined;
}
