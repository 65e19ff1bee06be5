/** Tables of the collection module (data sets, approvals, validation rules). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CollectionTables {}
