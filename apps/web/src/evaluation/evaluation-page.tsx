import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { IndexRun } from '../api/types';
import { useRequest } from '../api/use-request';
import { useAuth } from '../auth/auth-context';
import { loadCountiesOnce } from '../divisions/county-geo';
import { useI18n } from '../i18n/i18n-context';
import { navigate, replaceSearch } from '../router/location';
import { countyHealthPath } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { DataGapsPanel } from './data-gaps-panel';
import { citiesOf, filterRows, nextSort, sortRows } from './league-model';
import type { GroupFilter, SortKey } from './league-model';
import { LeagueTable } from './league-table';
import { RankIntervalChart } from './rank-interval-chart';
import { RunPicker, StartRun } from './run-controls';
import { RunSummary } from './run-summary';
import { ScoreMap } from './score-map';
import { SyntheticBanner } from './synthetic-banner';
import { UncertaintyPanel } from './uncertainty-panel';
import { readEvaluationUrlState, writeEvaluationUrlState } from './url-state';
import './evaluation.css';

const loadRuns = (signal: AbortSignal) => api.indexRuns(signal);

const groupFilterOf = (value: string): GroupFilter =>
  value === 'mountain_island' || value === 'other' ? value : 'all';

/**
 * 县域评价: pick a frozen run (or, as a province administrator, compute one), then its league table with
 * filters and sorting, the score map, the rank intervals, the choices that move ranks most and the data
 * gaps. Synthetic runs carry the 模拟数据 banner above everything.
 */
export function EvaluationPage() {
  const { t } = useI18n();
  const e = t.evaluation;
  const { state } = useAuth();
  const isAdmin = state.status === 'ready' && state.me.user.role === 'province_admin';
  const initial = useMemo(() => readEvaluationUrlState(window.location.search), []);
  const [runId, setRunId] = useState<number | null>(initial.run);
  const [city, setCity] = useState<string | null>(initial.city);
  const [group, setGroup] = useState<GroupFilter>(initial.group);
  const [sort, setSort] = useState(initial.sort);
  const [runsVersion, setRunsVersion] = useState(0);

  const runs = useRequest(`runs#${runsVersion}`, loadRuns);
  const runItems = runs.data?.items;
  const selectedId = runId ?? runItems?.[0]?.id ?? null;
  const loadRun = useCallback((signal: AbortSignal) => api.indexRun(selectedId ?? 0, signal), [selectedId]);
  const run = useRequest(selectedId === null ? null : `run:${selectedId}`, loadRun);
  const counties = useRequest('counties', loadCountiesOnce);
  const current: IndexRun | undefined =
    !run.loading && run.data !== undefined && run.data.id === selectedId ? run.data : undefined;

  useEffect(() => {
    replaceSearch(writeEvaluationUrlState({ run: runId, city, group, sort }));
  }, [runId, city, group, sort]);

  const allRows = current?.rows;
  const cities = useMemo(() => citiesOf(allRows ?? []), [allRows]);
  const filtered = useMemo(() => filterRows(allRows ?? [], { city, group }), [allRows, city, group]);
  const rows = useMemo(() => sortRows(filtered, sort), [filtered, sort]);
  const visible = useMemo(
    () => (city === null && group === 'all' ? null : new Set(filtered.map((row) => row.unitCode))),
    [filtered, city, group],
  );
  const onSort = useCallback((key: SortKey) => setSort((s) => nextSort(s, key)), []);
  const currentId = current?.id;
  const openCounty = useCallback(
    (code: string) => navigate(countyHealthPath(code, currentId ?? null)),
    [currentId],
  );
  const onStarted = useCallback((started: IndexRun) => {
    setRunId(started.id);
    setRunsVersion((v) => v + 1);
  }, []);

  const noRuns = runItems !== undefined && runItems.length === 0 && !runs.loading;

  return (
    <div className="evaluation" data-testid="evaluation-page">
      {current?.synthetic ? <SyntheticBanner label={current.syntheticLabel ?? e.syntheticTitle} /> : null}
      <section className="panel">
        <h1>{e.title}</h1>
        <p className="muted">{e.intro}</p>
        {runs.error !== undefined ? <ErrorBanner error={runs.error} onRetry={runs.reload} /> : null}
        {runItems !== undefined && runItems.length > 0 ? (
          <div className="controls">
            <RunPicker runs={runItems} selected={selectedId} onSelect={setRunId} />
            {current !== undefined ? (
              <p className="export">
                <a
                  className="export-link"
                  data-testid="export-link"
                  href={api.indexRunExportUrl(current.id)}
                  download
                >
                  {e.exportXlsx}
                </a>
                {current.synthetic ? <span className="muted small"> · {e.exportSynthetic}</span> : null}
              </p>
            ) : null}
          </div>
        ) : null}
        {current !== undefined ? <RunSummary run={current} /> : null}
        {run.loading ? <p className="muted">{t.common.loading}</p> : null}
        {run.error !== undefined ? <ErrorBanner error={run.error} onRetry={run.reload} /> : null}
        {noRuns ? (
          <div className="empty-state" data-testid="evaluation-empty">
            <p className="empty-title">{e.noRuns}</p>
            <p className="muted">{isAdmin ? e.noRunsAdmin : e.noRunsOther}</p>
          </div>
        ) : null}
        {isAdmin && runItems !== undefined ? (
          <StartRun onStarted={onStarted} collapsed={runItems.length > 0} />
        ) : null}
      </section>

      {current !== undefined ? (
        <>
          <section className="panel" data-testid="league-panel">
            <div className="panel-head">
              <h2>
                {e.leagueTitle} · {current.period}
              </h2>
              <div className="controls compact">
                <label className="field">
                  <span>{e.filterCity}</span>
                  <select
                    data-testid="city-filter"
                    value={city ?? ''}
                    onChange={(event) => setCity(event.target.value === '' ? null : event.target.value)}
                  >
                    <option value="">{e.allCities}</option>
                    {cities.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{e.filterGroup}</span>
                  <select
                    data-testid="group-filter"
                    value={group}
                    onChange={(event) => setGroup(groupFilterOf(event.target.value))}
                  >
                    <option value="all">{e.groupAll}</option>
                    <option value="mountain_island">{e.groupMountain}</option>
                    <option value="other">{e.groupOther}</option>
                  </select>
                </label>
                <p className="league-count" data-testid="league-count" data-count={rows.length}>
                  {e.shown(rows.length, current.rows.length)}
                </p>
              </div>
            </div>
            {current.ranked === 0 ? (
              <p className="notice" data-testid="none-ranked">
                {e.noneRanked}
              </p>
            ) : null}
            <LeagueTable run={current} rows={rows} sort={sort} onSort={onSort} />
          </section>

          <div className="evaluation-grid">
            <section className="panel map-panel">
              <h2>{e.mapTitle}</h2>
              {counties.error !== undefined ? (
                <ErrorBanner error={counties.error} onRetry={counties.reload} />
              ) : null}
              {counties.data !== undefined ? (
                <ScoreMap geo={counties.data} rows={current.rows} visible={visible} onOpen={openCounty} />
              ) : counties.error === undefined ? (
                <div className="county-map placeholder">{t.common.loading}</div>
              ) : null}
              <p className="muted small">{t.divisions.mapSource}</p>
            </section>
            <section className="panel" data-testid="factors-panel">
              <h2>{e.factorsTitle}</h2>
              <UncertaintyPanel run={current} />
            </section>
          </div>

          <section className="panel" data-testid="interval-panel">
            <h2>{e.intervalTitle}</h2>
            {current.uncertainty === null ? (
              <p className="muted">{e.intervalNone}</p>
            ) : (
              <>
                <p className="muted small">{e.intervalIntro(current.uncertainty.samples)}</p>
                <RankIntervalChart rows={filtered} ranked={current.ranked} />
              </>
            )}
          </section>

          <DataGapsPanel run={current} />
        </>
      ) : null}
    </div>
  );
}
