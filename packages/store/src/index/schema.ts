/** Tables of the index module (frameworks, frozen runs, classification proposals). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IndexTables {}
