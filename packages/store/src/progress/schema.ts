/** Tables of the progress module (warnings, derived-value lineage). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProgressTables {}
