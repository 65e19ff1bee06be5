/** Errors of the bulletin use cases: a stable code and a message in Chinese and English. */
export type BulletinErrorCode = 'BAD_MONTH' | 'MONTH_NOT_ENDED' | 'NO_DATA' | 'ALREADY_PUBLISHED';

export class BulletinError extends Error {
  constructor(
    readonly code: BulletinErrorCode,
    message: string,
  ) {
    super(message);
  }
}
