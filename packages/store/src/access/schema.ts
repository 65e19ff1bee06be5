/** Tables of the access module (users, sessions, tokens, departments). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccessTables {}
