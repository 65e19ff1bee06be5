/**
 * Failures of the project-dispatch use cases, with the stable codes of the HTTP API (contract/errors.ts),
 * so the server and the CLI map them without guessing.
 */
export type ProjectErrorCode =
  'NOT_FOUND' | 'UNIT_NOT_FOUND' | 'BAD_REQUEST' | 'VALIDATION_FAILED' | 'CONFLICT' | 'FORBIDDEN';

export class ProjectError extends Error {
  constructor(
    readonly code: ProjectErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const projectNotFound = (code: string) =>
  new ProjectError('NOT_FOUND', `项目 ${code} 不存在 (no project with code ${code})`);
