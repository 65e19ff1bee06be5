/** Errors of the task use cases: a stable code and a message in Chinese and English. */
export type TaskErrorCode =
  | 'TASK_NOT_FOUND'
  | 'TASK_EXISTS'
  | 'DEPARTMENT_NOT_FOUND'
  | 'UNIT_NOT_FOUND'
  | 'MILESTONE_NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVALID_TASK'
  | 'MISSING_TEXT'
  | 'BAD_DATE'
  | 'FILE_INVALID';

export class TaskError extends Error {
  constructor(
    readonly code: TaskErrorCode,
    message: string,
    /** Located problems (task checks of core `validateTask`, CSV problems). */
    readonly problems: readonly {
      readonly code: string;
      readonly message: string;
      readonly column?: string;
    }[] = [],
  ) {
    super(message);
  }
}
