/** Paths of the module's pages (routed in router/routes.ts: /tasks/order/<id>, /tasks/task/<code>). */
export const TASKS_PATH = '/tasks';

export function taskPath(code: string): string {
  return `${TASKS_PATH}/task/${encodeURIComponent(code)}`;
}

export function orderPath(id: string): string {
  return `${TASKS_PATH}/order/${encodeURIComponent(id)}`;
}

/** The home page on one of its tabs. */
export function tabPath(tab: string): string {
  return `${TASKS_PATH}?tab=${encodeURIComponent(tab)}`;
}

export type TasksTab = 'inbox' | 'tasks' | 'orders' | 'cases';

/** The tab named in a query string, among those shown; the inbox otherwise. */
export function readTab(search: string, available: readonly TasksTab[]): TasksTab {
  const tab = new URLSearchParams(search).get('tab');
  const found = available.find((t) => t === tab);
  return found ?? 'inbox';
}
