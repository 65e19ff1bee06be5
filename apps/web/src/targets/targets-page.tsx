import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { TargetEditResult } from '../api/types';
import { useRequest } from '../api/use-request';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { replaceSearch } from '../router/location';
import { indicatorPath } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { defaultPlan, filterIndicators, planSummaries, targetCounts } from './catalogue-model';
import { PlanTargets, savedMessage } from './plan-targets';
import { firstTargetYear } from './target-edit-model';
import { useUnitOptions } from './unit-names';
import { domainsOf } from '../overview/progress-table-model';
import '../evaluation/evaluation.css';
import './targets.css';

const loadIndicators = (signal: AbortSignal) => api.indicators(signal);
const loadPlans = (signal: AbortSignal) => api.plans(signal);
const loadAllTargets = (signal: AbortSignal) => api.targetsWhere({}, signal);

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function readState(search: string): { plan: string | null; domain: string | null; q: string } {
  const params = new URLSearchParams(search);
  const plan = params.get('plan');
  const domain = params.get('domain');
  return {
    plan: plan !== null && SLUG.test(plan) ? plan : null,
    domain: domain !== null && SLUG.test(domain) ? domain : null,
    q: (params.get('q') ?? '').slice(0, 100),
  };
}

/**
 * 指标与目标: the indicator catalogue (search, domain filter, unit, direction, definition), the plans side by
 * side with the number of targets each sets, and the targets of the chosen plan — editable inline by a
 * provincial administrator (PUT /api/targets/:id); nobody else sees edit controls.
 */
export function TargetsPage() {
  const { t, language } = useI18n();
  const p = t.targetsPage;
  const { state } = useAuth();
  const isAdmin = state.status === 'ready' && state.me.user.role === 'province_admin';
  const scope = state.status === 'ready' ? state.me.user.scopeUnit.code : '330000';
  const initial = useMemo(() => readState(window.location.search), []);
  const [query, setQuery] = useState(initial.q);
  const [domain, setDomain] = useState<string | null>(initial.domain);
  const [plan, setPlan] = useState<string | null>(initial.plan);
  const [targetsVersion, setTargetsVersion] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const params = new URLSearchParams();
    if (plan !== null) params.set('plan', plan);
    if (domain !== null) params.set('domain', domain);
    if (query !== '') params.set('q', query);
    replaceSearch(params);
  }, [plan, domain, query]);

  const indicators = useRequest('indicators', loadIndicators);
  const plans = useRequest('plans', loadPlans);
  const targets = useRequest(`targets:all#${targetsVersion}`, loadAllTargets);
  const allTargets = targets.data?.items;
  const units = useUnitOptions(
    useMemo(() => [...new Set((allTargets ?? []).map((x) => x.unitCode))], [allTargets]),
    scope,
  );
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u.name])), [units.data]);

  const items = indicators.data?.items;
  const byCode = useMemo(() => new Map((items ?? []).map((i) => [i.code, i])), [items]);
  const domains = useMemo(() => domainsOf((items ?? []).map((i) => i.domain)), [items]);
  const shown = useMemo(() => filterIndicators(items ?? [], { query, domain }), [items, query, domain]);
  const counts = useMemo(() => targetCounts(allTargets ?? []), [allTargets]);
  const summaries = useMemo(
    () => planSummaries(plans.data?.items ?? [], allTargets ?? [], (code) => byCode.get(code)?.domain),
    [plans.data, allTargets, byCode],
  );
  const selected = summaries.find((s) => s.plan.code === plan) ?? defaultPlan(summaries, scope);

  const onSaved = useCallback(
    (result: TargetEditResult) => {
      const indicator = byCode.get(result.target.indicatorCode);
      const name =
        indicator === undefined
          ? result.target.indicatorCode
          : language === 'en'
            ? indicator.nameEn
            : indicator.nameZh;
      setSaved(savedMessage(result, name, p.saved));
      setTargetsVersion((v) => v + 1);
    },
    [byCode, language, p],
  );

  const error = indicators.error ?? plans.error ?? targets.error;

  return (
    <div className="targets-page" data-testid="targets-page">
      <section className="panel">
        <h1>{p.title}</h1>
        <p className="muted">{p.intro}</p>
        {error !== undefined ? <ErrorBanner error={error} /> : null}
      </section>

      <section className="panel" data-testid="catalogue-panel">
        <div className="panel-head">
          <h2>{p.catalogueTitle}</h2>
          <div className="controls compact">
            <label className="field">
              <span>{p.search}</span>
              <input
                type="search"
                data-testid="catalogue-search"
                placeholder={p.searchPlaceholder}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </label>
            <label className="field">
              <span>{p.filterDomain}</span>
              <select
                data-testid="catalogue-domain"
                value={domain ?? ''}
                onChange={(event) => setDomain(event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{p.allDomains}</option>
                {domains.map((code) => (
                  <option key={code} value={code}>
                    {p.domain(code)}
                  </option>
                ))}
              </select>
            </label>
            <p className="league-count" data-testid="catalogue-count" data-count={shown.length}>
              {p.catalogueCount(shown.length, items?.length ?? 0)}
            </p>
          </div>
        </div>
        {indicators.loading ? <p className="muted">{t.common.loading}</p> : null}
        {items !== undefined && shown.length === 0 ? <p className="empty-state">{p.noIndicators}</p> : null}
        {shown.length > 0 ? (
          <div className="table-scroll catalogue-scroll">
            <table className="data-table catalogue-table" data-testid="catalogue-table">
              <thead>
                <tr>
                  <th scope="col">{p.colName}</th>
                  <th scope="col">{p.colDomain}</th>
                  <th scope="col">{p.colUnit}</th>
                  <th scope="col">{p.colPolarity}</th>
                  <th scope="col">{p.colDefinition}</th>
                  <th scope="col" className="num">
                    {p.colTargets}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.code} data-code={i.code} data-domain={i.domain}>
                    <td className="indicator-name">
                      <Link to={indicatorPath(i.code, scope)}>{language === 'en' ? i.nameEn : i.nameZh}</Link>
                      <span className="indicator-code">{i.code}</span>
                    </td>
                    <td className="small nowrap">{p.domain(i.domain)}</td>
                    <td className="small">{t.evaluation.unitLabel(i.unit)}</td>
                    <td className="small nowrap">{p.polarity(i.polarity)}</td>
                    <td className="small definition" title={i.definition}>
                      {i.definition}
                    </td>
                    <td className="num">{counts.get(i.code) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="panel" data-testid="plans-panel">
        <h2>{p.plansTitle}</h2>
        <p className="muted small">{p.plansIntro}</p>
        {plans.loading || targets.loading ? <p className="muted">{t.common.loading}</p> : null}
        <div className="plan-grid">
          {summaries.map((s) => (
            <button
              type="button"
              key={s.plan.code}
              className="plan-card"
              data-testid="plan-card"
              data-plan={s.plan.code}
              data-count={s.targets.length}
              aria-pressed={selected?.plan.code === s.plan.code}
              onClick={() => {
                setPlan(s.plan.code);
                setSaved(null);
              }}
            >
              <span className="plan-card-title">{s.plan.title}</span>
              <span className="plan-card-meta">
                {p.issuer}
                {s.plan.issuer}
              </span>
              <span className="plan-card-meta">
                {p.issuedOn}
                {s.plan.issuedOn} · {p.scope}
                {unitNames.get(s.plan.scopeUnit) ?? s.plan.scopeUnit}
              </span>
              <span className="plan-card-count">
                <strong>{p.targetCount(s.targets.length)}</strong>
                {s.years.length > 0 ? <span className="muted"> · {s.years.join(' / ')}</span> : null}
              </span>
              <span className="plan-card-code">
                {s.plan.code} · {p.planSource} {s.plan.source}
              </span>
            </button>
          ))}
        </div>
        {selected !== undefined ? (
          <div className="plan-targets-block" data-testid="plan-targets" data-plan={selected.plan.code}>
            <h3>{p.planTargetsTitle(selected.plan.title)}</h3>
            {isAdmin ? <p className="muted small">{p.editHint}</p> : null}
            {saved !== null ? (
              <p className="saved-note" role="status" data-testid="edit-saved">
                {saved}
              </p>
            ) : null}
            {selected.targets.length === 0 ? (
              <p className="empty-state">{p.noTargets}</p>
            ) : (
              <PlanTargets
                targets={selected.targets}
                indicators={byCode}
                unitNames={unitNames}
                canEdit={isAdmin}
                firstYear={firstTargetYear(selected.plan.issuedOn)}
                onSaved={onSaved}
              />
            )}
          </div>
        ) : null}
      </section>
    </div>
  );
}
