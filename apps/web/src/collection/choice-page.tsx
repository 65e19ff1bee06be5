import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useRequest } from '../api/use-request';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { navigate, replaceSearch } from '../router/location';
import { ErrorBanner } from '../shell/error-banner';
import type { CollectionApi } from './collection-api';
import { collectionMessages } from './collection-messages';
import type { DataSet } from './collection-types';
import { choicePath, formPagePath, readChoice } from './form-path';
import { ImportPanel } from './import-panel';
import { chinaToday, currentReportingPeriod, recentPeriods } from './period-choice';
import { ReportingPanel } from './reporting-panel';
import { defaultUnit, unitsToChoose } from './unit-choice';
import type { UnitChoice } from './unit-choice';
import { useCollectionApi } from './use-collection-api';

/** How many periods back the period list goes. */
const PERIODS_SHOWN = 24;

/** The units this user may open forms of the data set for (see unit-choice.ts). */
async function reportingUnits(
  api: CollectionApi,
  ds: DataSet,
  scope: UnitChoice & { readonly level: string },
  asOf: string,
  signal: AbortSignal,
): Promise<UnitChoice[]> {
  const [below, inDataSet] = await Promise.all([
    scope.level === ds.level ? Promise.resolve([]) : api.unitsUnder(scope.code, ds.level, asOf, signal),
    ds.scopeUnit === scope.code
      ? Promise.resolve(null)
      : api.unitsUnder(ds.scopeUnit, ds.level, asOf, signal),
  ]);
  return unitsToChoose({ scope, dataset: ds, below, inDataSet });
}

/**
 * /collection: choose a data set, a unit and a period and open the form; below, the reporting rate of
 * the data set and period, and the import, template and export of its files.
 */
export function ChoicePage() {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const { state } = useAuth();
  const api = useCollectionApi();
  const scope = state.status === 'ready' ? state.me.user.scopeUnit : null;
  const today = useMemo(() => chinaToday(new Date()), []);
  const initial = useMemo(() => readChoice(window.location.search), []);
  const [datasetCode, setDatasetCode] = useState<string | undefined>(initial.dataset);
  const [unitCode, setUnitCode] = useState<string | undefined>(initial.unit);
  const [period, setPeriod] = useState<string | undefined>(initial.period);
  // Bumped after each real import so that the reporting view is read again.
  const [imports, setImports] = useState(0);

  const datasets = useRequest('datasets', (signal) => api.datasets(signal));
  const items = datasets.data?.items ?? [];
  const ds = items.find((d) => d.code === datasetCode) ?? items[0];

  const units = useRequest(
    ds === undefined || scope === null ? null : `${ds.code}:${scope.code}`,
    (signal) =>
      ds === undefined || scope === null
        ? Promise.resolve([])
        : reportingUnits(api, ds, scope, today, signal),
  );
  const unitList = units.loading ? [] : (units.data ?? []);
  const unit = defaultUnit(unitList, unitCode, scope?.code);

  const periods = useMemo(
    () => (ds === undefined ? [] : recentPeriods(ds, today, PERIODS_SHOWN)),
    [ds, today],
  );
  const current = ds === undefined ? undefined : currentReportingPeriod(ds, today);
  const chosenPeriod = period !== undefined && periods.includes(period) ? period : current;

  useEffect(() => {
    const path = choicePath({
      ...(ds ? { dataset: ds.code } : {}),
      ...(unit ? { unit: unit.code } : {}),
      ...(chosenPeriod ? { period: chosenPeriod } : {}),
    });
    replaceSearch(new URLSearchParams(path.split('?')[1] ?? ''));
  }, [ds, unit, chosenPeriod]);

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (ds === undefined || unit === undefined || chosenPeriod === undefined) return;
    navigate(formPagePath({ dataset: ds.code, unit: unit.code, period: chosenPeriod }));
  };

  return (
    <div className="collection" data-testid="collection-page">
      <section className="panel">
        <h1>{m.title}</h1>
        <p className="muted">{m.intro}</p>
      </section>
      <section className="panel" data-testid="collection-choice">
        <h2>{m.chooseTitle}</h2>
        {datasets.error !== undefined ? (
          <ErrorBanner error={datasets.error} onRetry={datasets.reload} />
        ) : null}
        {datasets.loading ? <p className="muted">…</p> : null}
        {!datasets.loading && datasets.error === undefined && items.length === 0 ? (
          <p className="notice" data-testid="no-datasets">
            {m.noDatasets}
          </p>
        ) : null}
        {ds !== undefined ? (
          <form className="controls collection-controls" onSubmit={open}>
            <label className="field dataset-field">
              <span>{m.dataset}</span>
              <select
                data-testid="choose-dataset"
                value={ds.code}
                onChange={(event) => setDatasetCode(event.target.value)}
              >
                {items.map((d) => (
                  <option key={d.code} value={d.code}>
                    {language === 'en' && d.nameEn !== '' ? d.nameEn : d.nameZh}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{m.unit}</span>
              <select
                data-testid="choose-unit"
                value={unit?.code ?? ''}
                disabled={unitList.length === 0}
                onChange={(event) => setUnitCode(event.target.value)}
              >
                {unitList.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name} ({u.code})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{m.period}</span>
              <select
                data-testid="choose-period"
                value={chosenPeriod ?? ''}
                onChange={(event) => setPeriod(event.target.value)}
              >
                {periods.map((p) => (
                  <option key={p} value={p}>
                    {p === current ? `${p} · ${m.currentPeriod}` : p}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="primary-button"
              data-testid="open-form"
              disabled={unit === undefined || chosenPeriod === undefined}
            >
              {m.open}
            </button>
          </form>
        ) : null}
        {ds !== undefined ? (
          <p className="muted small dataset-meta" data-testid="dataset-meta">
            <code>{ds.code}</code> ·{' '}
            {m.datasetMeta(
              m.periodKind(ds.periodKind),
              m.levelName(ds.level),
              m.dueRule(ds.dueDay, ds.dueOffsetMonths),
            )}
          </p>
        ) : null}
        {units.error !== undefined ? <ErrorBanner error={units.error} onRetry={units.reload} /> : null}
        {ds !== undefined && !units.loading && units.error === undefined && unitList.length === 0 ? (
          <p className="notice" data-testid="no-units">
            {m.noUnits}
          </p>
        ) : null}
      </section>
      {ds !== undefined && chosenPeriod !== undefined ? (
        <ReportingPanel key={`reporting-${imports}`} api={api} dataset={ds} period={chosenPeriod} />
      ) : null}
      {ds !== undefined && chosenPeriod !== undefined ? (
        <ImportPanel
          api={api}
          dataset={ds}
          period={chosenPeriod}
          unit={unit ?? null}
          onImported={() => setImports((n) => n + 1)}
        />
      ) : null}
    </div>
  );
}
