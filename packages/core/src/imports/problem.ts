/**
 * A problem found in an input file, located precisely enough for a person to fix it in Excel or a text
 * editor: file, sheet (for workbooks), 1-based line/row and the column name.
 */
export interface ImportProblem {
  readonly code: string;
  readonly file: string;
  readonly sheet?: string;
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** One line per problem: `file[:sheet]:line[:column]: message`. */
export function formatProblem(p: ImportProblem): string {
  const where = [p.file, p.sheet, String(p.line), p.column]
    .filter((s) => s !== undefined && s !== '')
    .join(':');
  return `${where}: ${p.message}`;
}

/** The first `limit` problems as lines, and a summary of how many more there were. */
export function formatProblems(problems: readonly ImportProblem[], limit = 100): string {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit)
    lines.push(`… and ${problems.length - limit} more problems (${problems.length} in all)`);
  return lines.join('\n');
}
