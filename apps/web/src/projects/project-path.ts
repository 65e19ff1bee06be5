/** Path of a project's page, judged at `month` when given (`/projects/project/ZJ-1?month=2025-11`). */
export function projectPath(code: string, month?: string): string {
  const base = `/projects/project/${encodeURIComponent(code)}`;
  return month === undefined ? base : `${base}?month=${encodeURIComponent(month)}`;
}

/** Path of the import page for a month. */
export function importPath(month?: string): string {
  return month === undefined ? '/projects/import' : `/projects/import?month=${encodeURIComponent(month)}`;
}
