import { useCallback, useMemo } from 'react';
import { api } from '../api/client';
import type { UnitLevel } from '../api/types';
import { useRequest } from '../api/use-request';
import { loadCountiesOnce } from '../divisions/county-geo';
import { MAP_NAME } from '../divisions/map-option';
import { formatWithUnit } from '../evaluation/format';
import { SyntheticBanner } from '../evaluation/synthetic-banner';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { loadCitiesOnce } from './city-geo';
import { RegionalControls } from './regional-controls';
import type { ScopeUnit } from './regional-controls';
import { RegionalHeadline } from './regional-headline';
import {
  comparedLevel,
  coverageLevel,
  regionalDecompositions,
  regionalParams,
  theilBars,
} from './regional-model';
import { TheilBars } from './theil-bars';
import { UnitEnds } from './unit-ends';
import { UnitsTable } from './units-table';
import { UrbanRuralPanel } from './urban-rural-panel';
import type { GapsUrlState } from './url-state';
import { ValueMap } from './value-map';

const CITY_MAP_NAME = 'zhejiang-cities';
const loadIndicators = (signal: AbortSignal) => api.indicators(signal);
const loadGroups = (signal: AbortSignal) => api.groups(signal);

interface RegionalTabProps {
  readonly view: GapsUrlState;
  readonly onChange: (patch: Partial<GapsUrlState>) => void;
  /** The user's scope unit: the default scope, and with its cities the scopes offered. */
  readonly home: { readonly code: string; readonly name: string; readonly level: string };
}

const asLevel = (level: string): UnitLevel =>
  (['country', 'province', 'city', 'county', 'town', 'village'] as const).find((l) => l === level) ??
  'province';

/**
 * 地区差距: any indicator over the cities or counties of a scope, for one period, from stored values —
 * coverage first (units without data are shown, never filled), then the headline measures, the map with
 * the group outlined, the units at both ends, the Theil decompositions, the urban-rural table, every unit
 * and the server's notes.
 */
export function RegionalTab({ view, onChange, home }: RegionalTabProps) {
  const { t, language } = useI18n();
  const g = t.gaps;
  const loadHome = useCallback((signal: AbortSignal) => api.unit(home.code, signal), [home.code]);
  const homeDetail = useRequest(`unit:${home.code}`, loadHome);
  const indicators = useRequest('indicators', loadIndicators);
  const groups = useRequest('groups', loadGroups);

  const scopes = useMemo<readonly ScopeUnit[]>(() => {
    const detail = homeDetail.data;
    if (detail === undefined) return [{ code: home.code, name: home.name, level: asLevel(home.level) }];
    const cities = detail.level === 'province' ? detail.children.filter((c) => c.level === 'city') : [];
    return [detail, ...cities].map((u) => ({ code: u.code, name: u.name, level: u.level }));
  }, [homeDetail.data, home.code, home.name, home.level]);
  const scope: ScopeUnit = scopes.find((u) => u.code === view.scope) ??
    scopes[0] ?? { code: home.code, name: home.name, level: asLevel(home.level) };
  const level = comparedLevel(scope.level, view.level);
  const params = useMemo(
    () =>
      regionalParams({
        indicator: view.indicator,
        scope: { code: scope.code, level: scope.level },
        level: view.level,
        group: view.group,
        asOf: view.asOf,
        period: view.period,
      }),
    [view.indicator, scope.code, scope.level, view.level, view.group, view.asOf, view.period],
  );
  const key = JSON.stringify(params);
  const loadAnswer = useCallback((signal: AbortSignal) => api.regionalGaps(params, signal), [params]);
  const request = useRequest(key, loadAnswer);
  const answer = request.error === undefined ? request.data : undefined;
  const loadGeo = level === 'county' ? loadCountiesOnce : loadCitiesOnce;
  const geo = useRequest(`geo:${level}`, loadGeo);

  const unit = answer?.indicator.unit ?? '';
  const formatValue = useCallback(
    (x: number | null | undefined) => formatWithUnit(x, unit, t.evaluation.unitLabel(unit)),
    [unit, t],
  );
  const groupName =
    answer?.group == null ? null : language === 'en' ? answer.group.nameEn : answer.group.nameZh;
  const levelName = level === 'city' ? g.levelCity : g.levelCounty;
  const bars = useMemo(
    () => (answer === undefined ? [] : theilBars(regionalDecompositions(answer))),
    [answer],
  );
  const indicatorName =
    answer === undefined
      ? view.indicator
      : language === 'en'
        ? answer.indicator.nameEn
        : answer.indicator.nameZh;
  const coverage = answer === undefined ? null : coverageLevel(answer.coverage);

  return (
    <div className="regional-tab" data-testid="regional-tab">
      {answer?.synthetic ? (
        <SyntheticBanner label={answer.syntheticLabel ?? t.evaluation.syntheticTag} />
      ) : null}
      <section className="panel">
        <RegionalControls
          view={view}
          onChange={onChange}
          indicators={indicators.data?.items}
          scopes={scopes}
          scope={scope}
          groups={groups.data?.items}
          answer={request.loading ? undefined : answer}
        />
        {request.loading ? (
          <p className="run-busy" data-testid="regional-loading">
            <span className="spinner" aria-hidden="true" />
            {g.computing}
          </p>
        ) : null}
        {request.error !== undefined ? <ErrorBanner error={request.error} onRetry={request.reload} /> : null}
        {answer !== undefined ? (
          <div
            className={`coverage coverage-${coverage ?? 'full'}`}
            data-testid="coverage"
            data-with-data={answer.coverage.withData}
            data-units={answer.coverage.units}
          >
            <p className="coverage-line">
              <strong>{g.coverage(answer.coverage.withData, answer.coverage.units, levelName)}</strong>
              <span className="muted">
                {' · '}
                {g.coverageMeta(
                  answer.period,
                  answer.periodChoice === 'most_units',
                  answer.asOf,
                  answer.asOfChoice === 'period_end',
                )}
              </span>
            </p>
            {coverage === 'thin' ? (
              <p className="notice" data-testid="coverage-thin">
                {g.thinCoverage(answer.coverage.withData, answer.coverage.units, levelName)}
              </p>
            ) : coverage === 'partial' ? (
              <p className="notice" data-testid="coverage-partial">
                {g.partialCoverage(answer.coverage.withoutData, answer.coverage.units, levelName)}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      {answer !== undefined ? (
        <div
          className="regional-results"
          data-testid="regional-results"
          aria-busy={request.loading}
          data-level={level}
          data-period={answer.period}
          data-indicator={answer.indicator.code}
        >
          <section className="panel">
            <h2>
              {indicatorName} · {g.unitsOf(answer.of.name, levelName)} · {answer.period}
            </h2>
            <RegionalHeadline answer={answer} formatValue={formatValue} />
          </section>

          <div className="gaps-grid">
            <section className="panel map-panel">
              <h2>{g.mapTitle(indicatorName, levelName)}</h2>
              {geo.error !== undefined ? <ErrorBanner error={geo.error} onRetry={geo.reload} /> : null}
              {geo.data !== undefined && !geo.loading ? (
                <ValueMap
                  geo={geo.data}
                  mapName={level === 'county' ? MAP_NAME : CITY_MAP_NAME}
                  units={answer.units}
                  groupName={groupName}
                  formatValue={formatValue}
                  title={g.mapTitle(indicatorName, levelName)}
                />
              ) : geo.error === undefined ? (
                <div className="county-map placeholder">{t.common.loading}</div>
              ) : null}
              <p className="muted small">{t.divisions.mapSource}</p>
            </section>
            <section className="panel" data-testid="ends-panel">
              <h2>{g.endsTitle}</h2>
              <UnitEnds answer={answer} formatValue={formatValue} />
            </section>
          </div>

          <section className="panel" data-testid="theil-panel">
            <h2>{g.theilTitle}</h2>
            <p className="muted small">{g.theilIntro}</p>
            {bars.length > 0 ? (
              <TheilBars bars={bars} testId="regional-theil" />
            ) : (
              <p className="muted" data-testid="theil-none">
                {level === 'city' ? g.theilNoneCity : g.theilNone}
              </p>
            )}
          </section>

          <UrbanRuralPanel answer={answer} />

          <section className="panel" data-testid="units-panel">
            <h2>{g.unitsTitle(answer.coverage.withData, answer.coverage.units)}</h2>
            <UnitsTable answer={answer} formatValue={formatValue} />
          </section>

          <section className="panel" data-testid="notes-panel">
            <h2>{g.notesTitle}</h2>
            <p data-testid="weights" data-kind={answer.weights.kind}>
              {answer.weights.kind === 'population'
                ? g.weightsPopulation(answer.weights.indicator)
                : g.weightsEqual(answer.weights.indicator, answer.weights.missing.length)}
            </p>
            {answer.notes.length > 0 ? (
              <ul className="notes-list">
                {answer.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}
