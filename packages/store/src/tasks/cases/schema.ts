/** Pilots and the case library (issue 8 §3): table types. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CasesTables {}
