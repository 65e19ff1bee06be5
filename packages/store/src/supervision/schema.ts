/** Supervision orders 督办 (issue 8): table types. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SupervisionTables {}
