/** Project dispatch (issue 7): table types. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProjectsTables {}
