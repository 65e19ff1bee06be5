/** The monthly bulletin 月度通报 (issue 8): table types. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BulletinsTables {}
