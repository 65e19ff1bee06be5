import type { TaskListResponseDto, TaskRowDto } from '@suocha/contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { replaceSearch } from '../router/location';
import { ErrorBanner } from '../shell/error-banner';
import {
  EMPTY_FILTER,
  filterTasks,
  filterable,
  isEmptyFilter,
  listCounts,
  readTaskFilter,
  sectionOptions,
  writeTaskFilter,
  type TaskFilter,
} from './task-filter-model';
import { TaskTable } from './task-table';
import { useTasksApi, useTasksMessages } from './use-tasks';

const STATUSES = ['not_started', 'in_progress', 'completed', 'cancelled'];

interface Named {
  readonly code: string;
  readonly name: string;
}

function named(rows: readonly TaskRowDto[], pick: (row: TaskRowDto) => readonly Named[]): Named[] {
  const map = new Map<string, string>();
  for (const r of rows) for (const n of pick(r)) map.set(n.code, n.name);
  return [...map].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * 任务清单: the four lists of seed 004 (and custom lists) as chips with counts, filters by plan section,
 * department (lead or co-), unit, status, overdue and due soon, and a search; the filter lives in the query
 * string. Overdue / due soon are the server's verdicts as of its date.
 */
export function TaskListPanel() {
  const m = useTasksMessages();
  const { t } = useI18n();
  const api = useTasksApi();
  const [filter, setFilter] = useState<TaskFilter>(() => readTaskFilter(window.location.search));
  const load = useCallback(
    (signal: AbortSignal): Promise<TaskListResponseDto> => api.tasks({}, signal),
    [api],
  );
  const tasks = useRequest('tasks:list', load);
  const all = useMemo(() => tasks.data?.items ?? [], [tasks.data]);

  useEffect(() => {
    replaceSearch(writeTaskFilter(filter, new URLSearchParams(window.location.search)));
  }, [filter]);

  const pairs = useMemo(() => all.map((row) => ({ row, f: filterable(row) })), [all]);
  const shown = useMemo(() => {
    const keep = new Set(
      filterTasks(
        pairs.map((p) => p.f),
        filter,
      ),
    );
    return pairs.filter((p) => keep.has(p.f)).map((p) => p.row);
  }, [pairs, filter]);
  const counts = useMemo(() => listCounts(pairs.map((p) => p.f)), [pairs]);
  const sections = useMemo(() => sectionOptions(pairs.map((p) => p.f)), [pairs]);
  const departments = useMemo(
    () =>
      named(all, (r) =>
        [...(r.leadDepartment === null ? [] : [r.leadDepartment]), ...r.coDepartments].map((d) => ({
          code: d.code,
          name: d.nameZh,
        })),
      ),
    [all],
  );
  const units = useMemo(() => named(all, (r) => (r.unit === null ? [] : [r.unit])), [all]);
  const set = (patch: Partial<TaskFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const summary = tasks.data?.summary;

  return (
    <section className="panel" data-testid="task-list-panel">
      <div className="panel-head">
        <h2>{m.tasksTitle}</h2>
        {summary !== undefined ? (
          <p className="task-summary small" data-testid="task-summary">
            <span>{m.summaryTotal(summary.total)}</span>
            <span className="tone-overdue-text">{m.summaryOverdue(summary.overdue)}</span>
            <span className="tone-due_soon-text">{m.summaryDueSoon(summary.dueSoon)}</span>
            {tasks.data !== undefined ? <span className="muted">{m.asOf(tasks.data.asOf)}</span> : null}
          </p>
        ) : null}
      </div>
      {tasks.error !== undefined ? <ErrorBanner error={tasks.error} onRetry={tasks.reload} /> : null}
      <div className="list-chips" role="group" aria-label={m.filterList}>
        <button
          type="button"
          className="chip"
          aria-pressed={filter.list === null}
          data-testid="list-chip-all"
          onClick={() => set({ list: null })}
        >
          {m.filterAll} {all.length}
        </button>
        {counts
          .filter((c) => c.count > 0 || c.list !== 'custom')
          .map((c) => (
            <button
              type="button"
              key={c.list}
              className="chip"
              aria-pressed={filter.list === c.list}
              data-testid={`list-chip-${c.list}`}
              onClick={() => set({ list: filter.list === c.list ? null : c.list })}
            >
              {m.listName(c.list)} {c.count}
            </button>
          ))}
      </div>
      <div className="controls compact task-filters">
        <label className="field">
          <span>{m.filterSection}</span>
          <select
            data-testid="filter-section"
            value={filter.section ?? ''}
            onChange={(e) => set({ section: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{m.filterAll}</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{m.filterDepartment}</span>
          <select
            data-testid="filter-department"
            value={filter.department ?? ''}
            onChange={(e) => set({ department: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{m.filterAll}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{m.filterUnit}</span>
          <select
            data-testid="filter-unit"
            value={filter.unit ?? ''}
            onChange={(e) => set({ unit: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{m.filterAll}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{m.filterStatus}</span>
          <select
            data-testid="filter-status"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{m.filterAll}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.taskStatus(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field check">
          <input
            type="checkbox"
            data-testid="filter-overdue"
            checked={filter.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
          />
          <span>{m.filterOverdue}</span>
        </label>
        <label className="field check">
          <input
            type="checkbox"
            data-testid="filter-due-soon"
            checked={filter.dueSoon}
            onChange={(e) => set({ dueSoon: e.target.checked })}
          />
          <span>{m.filterDueSoon}</span>
        </label>
        <label className="field">
          <span>{m.filterQuery}</span>
          <input
            type="search"
            data-testid="filter-query"
            placeholder={m.filterQueryPlaceholder}
            value={filter.q}
            onChange={(e) => set({ q: e.target.value })}
          />
        </label>
        {!isEmptyFilter(filter) ? (
          <button type="button" className="link-button" onClick={() => setFilter(EMPTY_FILTER)}>
            {m.clearFilters}
          </button>
        ) : null}
      </div>
      <p className="muted small" data-testid="task-count" data-count={shown.length}>
        {m.taskCount(shown.length, all.length)}
      </p>
      {tasks.loading && tasks.data === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {tasks.data !== undefined && shown.length === 0 ? <p className="empty-state">{m.noTasks}</p> : null}
      {shown.length > 0 ? <TaskTable rows={shown} testId="task-table" /> : null}
    </section>
  );
}
