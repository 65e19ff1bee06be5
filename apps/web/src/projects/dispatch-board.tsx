import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DepartmentDto, DispatchBoardDto, ProjectCategoryDto } from '@suocha/contract';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { useRequest } from '../api/use-request';
import { replaceSearch } from '../router/location';
import { ErrorBanner } from '../shell/error-banner';
import { BoardFiltersBar } from './board-filters';
import type { UnitOption } from './board-filters';
import { boardParams, readBoardFilters, withFilter } from './board-url';
import type { BoardFilters } from './board-url';
import { ProjectList } from './project-list';
import { formatCount, formatGapPoints, formatShare, formatSpi, formatYi } from './projects-format';
import { ProjectsSyntheticBanner } from './projects-synthetic-banner';
import { ReportedPanel } from './reported-panel';
import { RollupTable } from './rollup-table';
import { useProjectsApi, useProjectsText } from './use-projects';

/** How many red and how many yellow projects the board lists at first (worst gap first). */
export const LIST_LIMIT = 20;
/** … and when the user asks for all of them (the API's maximum). */
export const LIST_ALL = 500;

/**
 * 调度看板 (issue 7 §6): totals against 序时进度 beside the province's reported figures, the red and yellow
 * lists first, then the roll-ups by area and by category. Filters live in the query string.
 */
export function DispatchBoard() {
  const p = useProjectsText();
  const { language } = useI18n();
  const { state } = useAuth();
  const api = useProjectsApi();
  const [filters, setFilters] = useState<BoardFilters>(() => readBoardFilters(window.location.search));

  useEffect(() => {
    replaceSearch(boardParams(filters));
  }, [filters]);

  const [listLimit, setListLimit] = useState(LIST_LIMIT);
  const key = boardParams(filters).toString();
  const board = useRequest<DispatchBoardDto>(`board?${key}&listLimit=${listLimit}`, (signal) =>
    api.board(filters, listLimit, signal),
  );
  const categories = useRequest<readonly ProjectCategoryDto[]>('categories', (signal) =>
    api.categories(signal),
  );
  const departments = useRequest<readonly DepartmentDto[]>('departments', (signal) =>
    api.departments(signal),
  );

  const onChange = useCallback(
    (k: keyof BoardFilters, value: string) => setFilters((f) => withFilter(f, k, value)),
    [],
  );
  const onClear = useCallback(() => setFilters((f) => (f.month === undefined ? {} : { month: f.month })), []);

  const categoryNames = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of categories.data ?? []) map.set(c.code, language === 'en' ? c.nameEn : c.nameZh);
    return map;
  }, [categories.data, language]);
  const categoryName = useCallback((code: string) => categoryNames.get(code) ?? code, [categoryNames]);
  const departmentNames = useMemo(() => {
    const map = new Map<string, string>();
    for (const d of departments.data ?? []) map.set(d.code, language === 'en' ? d.nameEn : d.nameZh);
    return map;
  }, [departments.data, language]);
  const departmentName = useCallback((code: string) => departmentNames.get(code) ?? code, [departmentNames]);

  if (state.status !== 'ready') return null;
  const scope = state.me.user.scopeUnit;
  const data = board.data;
  const units: UnitOption[] = [{ code: scope.code, name: scope.name }];
  if (data !== undefined) {
    if (data.unit.code !== scope.code) units.push({ code: data.unit.code, name: data.unit.name });
    for (const r of data.byUnit)
      if (!units.some((u) => u.code === r.key)) units.push({ code: r.key, name: r.name });
  }

  return (
    <div className="pj-board" data-testid="projects-board" data-loading={board.loading ? 'true' : 'false'}>
      <section className="panel">
        <BoardFiltersBar
          filters={filters}
          month={data?.month ?? ''}
          units={units}
          categories={categories.data ?? []}
          departments={departments.data ?? []}
          onChange={onChange}
          onClear={onClear}
        />
      </section>
      {board.error !== undefined ? <ErrorBanner error={board.error} onRetry={board.reload} /> : null}
      {data === undefined ? (
        board.error === undefined ? (
          <p className="muted">{p.loading}</p>
        ) : null
      ) : (
        <>
          {data.synthetic ? <ProjectsSyntheticBanner /> : null}
          <div className="pj-top">
            <section
              className="panel pj-totals"
              data-testid="board-total"
              data-month={data.month}
              data-count={data.total.count}
            >
              <h2>{p.totalTitle(data.unit.name, data.month)}</h2>
              <dl className="stat-grid">
                <div data-figure="count">
                  <dt>{p.projects}</dt>
                  <dd>{formatCount(data.total.count)}</dd>
                </div>
                <div data-figure="plan">
                  <dt>
                    {p.annualPlan} ({p.yi})
                  </dt>
                  <dd>{formatYi(data.total.annualPlan)}</dd>
                </div>
                <div data-figure="ytd">
                  <dt>
                    {p.ytdCompleted} ({p.yi})
                  </dt>
                  <dd>{formatYi(data.total.ytdCompleted)}</dd>
                </div>
                <div data-figure="rate">
                  <dt>{p.completionRate}</dt>
                  <dd>{formatShare(data.total.completionRate)}</dd>
                </div>
                <div data-figure="schedule">
                  <dt>{p.scheduleShare}</dt>
                  <dd>{formatShare(data.scheduleShare)}</dd>
                </div>
                <div data-figure="gap" title={p.gapHint}>
                  <dt>{p.gap}</dt>
                  <dd className={(data.total.gapPoints ?? 0) > 0 ? 'pj-behind' : ''}>
                    {formatGapPoints(data.total.gapPoints)}
                  </dd>
                </div>
                <div
                  data-figure="start"
                  title={p.startRateOf(data.total.newStartDone, data.total.newStartDue)}
                >
                  <dt>{p.startRate}</dt>
                  <dd>{formatShare(data.total.startRate)}</dd>
                </div>
                <div data-figure="spi">
                  <dt>{p.spi}</dt>
                  <dd>{formatSpi(data.total.spi)}</dd>
                </div>
              </dl>
              <ul className="pj-light-tiles" data-testid="light-tiles">
                {(['red', 'yellow', 'green', 'none'] as const).map((l) => (
                  <li
                    key={l}
                    className={`pj-tile pj-tile-${l}`}
                    data-light={l}
                    data-count={data.total.lights[l].count}
                  >
                    <button
                      type="button"
                      onClick={() => onChange('light', filters.light === l ? '' : l)}
                      aria-pressed={filters.light === l}
                    >
                      <span className="pj-tile-name">{p.lightName(l)}</span>
                      <span className="pj-tile-count">{formatCount(data.total.lights[l].count)}</span>
                      <span className="pj-tile-amount">
                        {formatYi(data.total.lights[l].annualPlan)} {p.yi}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <p className="muted small">{p.rules(data.rulesId)}</p>
            </section>
            <ReportedPanel figures={data.reported} synthetic={data.synthetic} />
          </div>
          <section className="panel pj-red" data-testid="red-panel" data-total={data.redTotal}>
            <h2>
              <span className="pj-light-dot pj-dot-red" aria-hidden="true" /> {p.redTitle}
              <span className="pj-count-note">{p.listCount(data.red.length, data.redTotal)}</span>
            </h2>
            {data.red.length === 0 ? (
              <p className="muted">{p.listEmpty}</p>
            ) : (
              <ProjectList
                rows={data.red}
                month={data.month}
                categoryName={categoryName}
                departmentName={departmentName}
                testId="red-list"
              />
            )}
            {data.red.length < data.redTotal && listLimit < LIST_ALL ? (
              <button
                type="button"
                className="pj-link-button pj-more"
                data-testid="red-more"
                onClick={() => setListLimit(LIST_ALL)}
              >
                {p.showAll(data.redTotal)}
              </button>
            ) : null}
          </section>
          <section className="panel pj-yellow" data-testid="yellow-panel" data-total={data.yellowTotal}>
            <h2>
              <span className="pj-light-dot pj-dot-yellow" aria-hidden="true" /> {p.yellowTitle}
              <span className="pj-count-note">{p.listCount(data.yellow.length, data.yellowTotal)}</span>
            </h2>
            {data.yellow.length === 0 ? (
              <p className="muted">{p.listEmpty}</p>
            ) : (
              <ProjectList
                rows={data.yellow}
                month={data.month}
                categoryName={categoryName}
                departmentName={departmentName}
                testId="yellow-list"
              />
            )}
            {data.yellow.length < data.yellowTotal && listLimit < LIST_ALL ? (
              <button
                type="button"
                className="pj-link-button pj-more"
                data-testid="yellow-more"
                onClick={() => setListLimit(LIST_ALL)}
              >
                {p.showAll(data.yellowTotal)}
              </button>
            ) : null}
          </section>
          <section className="panel">
            <h2>{p.byUnitTitle}</h2>
            <RollupTable rows={data.byUnit} testId="by-unit" onPick={(code) => onChange('unit', code)} />
          </section>
          <section className="panel">
            <h2>{p.byCategoryTitle}</h2>
            <RollupTable
              rows={data.byCategory}
              testId="by-category"
              onPick={(code) => onChange('category', code)}
            />
          </section>
        </>
      )}
    </div>
  );
}
