import { useCallback, useMemo } from 'react';
import { api } from '../api/client';
import type { CountyHealth } from '../api/types';
import { useRequest } from '../api/use-request';
import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { Link } from '../router/link';
import { useSearch } from '../router/location';
import { countyHealthPath } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { CountyProjectsPanel } from './county-projects-panel';
import { DOMAIN_COLOURS, domainChartOption } from './domain-chart-option';
import {
  MISSING,
  formatInterval,
  formatNumber,
  formatScore,
  formatShare,
  formatWithUnit,
  rankChangeView,
} from './format';
import { SyntheticBanner } from './synthetic-banner';
import { TargetsPanel } from './targets-panel';
import { readRunParam } from './url-state';
import './evaluation.css';

type Indicator = CountyHealth['indicators'][number];

function statusOf(indicator: Pick<Indicator, 'imputed' | 'missing'>): 'observed' | 'imputed' | 'missing' {
  return indicator.missing ? 'missing' : indicator.imputed ? 'imputed' : 'observed';
}

function StatusBadge({
  status,
  h,
}: {
  readonly status: ReturnType<typeof statusOf>;
  readonly h: Messages['health'];
}) {
  const label =
    status === 'missing' ? h.statusMissing : status === 'imputed' ? h.statusImputed : h.statusObserved;
  return <span className={`status status-${status}`}>{label}</span>;
}

/**
 * 县域体检表 (seed 003): one county from a frozen run — its score and ranks, its domain scores against the
 * provincial (run) median and its group's median, its weakest indicators and every indicator with its raw
 * value, normalised score and whether it was observed, imputed or missing, its rank in every run, and the
 * targets and major-projects sections (which say plainly when there is nothing to show).
 */
export function CountyHealthPage({ code }: { readonly code: string }) {
  const { t, language } = useI18n();
  const h = t.health;
  const e = t.evaluation;
  const search = useSearch();
  const runParam = readRunParam(search);
  const load = useCallback(
    (signal: AbortSignal) => api.countyHealth(code, runParam, signal),
    [code, runParam],
  );
  const health = useRequest(`${code}@${runParam ?? 'latest'}`, load);
  const data = health.loading ? undefined : health.data;

  const groupName = data?.unit.mountainIsland ? h.groupMountain : h.groupOther;
  const chartOption = useMemo(
    () =>
      data === undefined
        ? null
        : domainChartOption(
            data.domains.map((d) => ({
              name: language === 'en' ? d.nameEn : d.nameZh,
              score: d.score,
              runMedian: d.runMedian,
              groupMedian: d.groupMedian,
            })),
            {
              county: data.unit.name,
              runMedian: h.seriesRunMedian,
              groupMedian: h.seriesGroupMedian(groupName),
              formatScore,
            },
          ),
    [data, language, h, groupName],
  );

  if (health.error !== undefined)
    return (
      <section className="panel" data-testid="health-page" data-code={code}>
        <p>
          <Link to="/evaluation">← {h.back}</Link>
        </p>
        <ErrorBanner error={health.error} onRetry={health.reload} />
      </section>
    );
  if (data === undefined || chartOption === null)
    return (
      <section className="panel" data-testid="health-page" data-code={code} aria-busy="true">
        <p className="muted">{t.common.loading}</p>
      </section>
    );

  const { run, row, unit } = data;
  const framework = language === 'en' ? run.framework.nameEn : run.framework.nameZh;
  const change = rankChangeView(row.rankChange);
  const indicatorsByCode = new Map(data.indicators.map((i) => [i.code, i]));
  const domainNames = new Map(data.domains.map((d) => [d.code, language === 'en' ? d.nameEn : d.nameZh]));
  const name = (i: { readonly nameZh: string; readonly nameEn: string }) =>
    language === 'en' ? i.nameEn : i.nameZh;

  return (
    <div className="health" data-testid="health-page" data-code={unit.code} data-run={run.id}>
      {run.synthetic ? <SyntheticBanner label={run.syntheticLabel ?? e.syntheticTitle} /> : null}
      <section className="panel">
        <p className="back-link">
          <Link to={`/evaluation?run=${run.id}`}>← {h.back}</Link>
        </p>
        <h1 data-testid="health-title">{h.title(unit.name)}</h1>
        <p className="muted">
          {unit.parentName ?? MISSING} · <code>{unit.code}</code> ·{' '}
          {unit.mountainIsland ? <span className="group-badge">{e.groupBadge}</span> : groupName} ·{' '}
          {h.fromRun(run.id, run.period, framework)}
        </p>
        <dl className="stat-grid" data-testid="health-stats">
          <div>
            <dt>{h.score}</dt>
            <dd data-testid="health-score" data-score={row.score ?? ''}>
              {formatScore(row.score)}
            </dd>
          </div>
          <div>
            <dt>{h.rank}</dt>
            <dd data-testid="health-rank" data-rank={row.rank ?? ''}>
              {row.rank !== null ? h.rankOf(row.rank, run.ranked) : e.notRanked}
            </dd>
          </div>
          <div>
            <dt>{h.groupRank}</dt>
            <dd>{row.groupRank !== null ? e.tooltipRank(row.groupRank) : MISSING}</dd>
          </div>
          <div>
            <dt>{h.cityRank}</dt>
            <dd>{row.parentRank !== null ? e.tooltipRank(row.parentRank) : MISSING}</dd>
          </div>
          <div>
            <dt>{h.change}</dt>
            <dd>
              <span className={`change change-${change.direction}`}>
                {change.direction === 'none'
                  ? MISSING
                  : change.direction === 'same'
                    ? change.arrow
                    : `${change.arrow}${change.amount}`}
              </span>
            </dd>
          </div>
          <div>
            <dt>{h.interval}</dt>
            <dd>{formatInterval(row.rankInterval)}</dd>
          </div>
          <div>
            <dt>{h.coverage}</dt>
            <dd className={row.belowCoverage ? 'coverage-low' : undefined}>{formatShare(row.coverage)}</dd>
          </div>
        </dl>
        {row.belowCoverage ? (
          <p className="notice" data-testid="health-below-coverage">
            {h.belowCoverage}
          </p>
        ) : null}
      </section>

      <div className="health-grid">
        <section className="panel" data-testid="health-domains">
          <h2>{h.domainsTitle}</h2>
          <p className="muted small">{h.domainsIntro(groupName)}</p>
          <EChart
            option={chartOption}
            className="domain-chart"
            testId="domain-chart"
            ariaLabel={h.domainsTitle}
          />
          <table className="data-table" data-testid="domain-scores">
            <thead>
              <tr>
                <th scope="col">{h.colDomain}</th>
                <th scope="col" className="num">
                  <span className="key" style={{ background: DOMAIN_COLOURS[0] }} />
                  {h.colScore}
                </th>
                <th scope="col" className="num">
                  <span className="key" style={{ background: DOMAIN_COLOURS[1] }} />
                  {h.colRunMedian}
                </th>
                <th scope="col" className="num">
                  <span className="key" style={{ background: DOMAIN_COLOURS[2] }} />
                  {h.colGroupMedian}
                </th>
                <th scope="col" className="num">
                  {h.colVsRun}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.domains.map((d) => {
                const diff = d.score !== null && d.runMedian !== null ? d.score - d.runMedian : null;
                return (
                  <tr key={d.code} data-domain={d.code} data-score={d.score ?? ''}>
                    <th scope="row">{name(d)}</th>
                    <td className="num domain-score">{formatScore(d.score)}</td>
                    <td className="num">{formatScore(d.runMedian)}</td>
                    <td className="num">{formatScore(d.groupMedian)}</td>
                    <td className={diff !== null && diff < 0 ? 'num negative' : 'num positive'}>
                      {diff === null ? MISSING : `${diff > 0 ? '+' : ''}${formatScore(diff)}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="panel" data-testid="health-weakest">
          <h2>{h.weakestTitle}</h2>
          <p className="muted small">{h.weakestIntro}</p>
          {data.weakest.length === 0 ? (
            <p className="muted">{h.weakestNone}</p>
          ) : (
            <ol className="weakest-cards">
              {data.weakest.map((w) => {
                const indicator = indicatorsByCode.get(w.indicator);
                const unitCode = indicator?.unit ?? '';
                return (
                  <li key={w.indicator} data-indicator={w.indicator}>
                    <p className="weakest-name">{indicator !== undefined ? name(indicator) : w.nameZh}</p>
                    <dl>
                      <div>
                        <dt>{h.colValue}</dt>
                        <dd>{formatWithUnit(w.value, unitCode, e.unitLabel(unitCode))}</dd>
                      </div>
                      <div>
                        <dt>{h.colNormalised}</dt>
                        <dd>{formatScore(w.normalised)}</dd>
                      </div>
                      <div>
                        <dt>{h.colMedian}</dt>
                        <dd>{formatWithUnit(indicator?.runMedian, unitCode, e.unitLabel(unitCode))}</dd>
                      </div>
                      <div>
                        <dt>{h.colShortfall}</dt>
                        <dd>{formatNumber(w.contribution, 2)}</dd>
                      </div>
                      <div>
                        <dt>{h.colStatus}</dt>
                        <dd>
                          {indicator !== undefined ? (
                            <StatusBadge status={statusOf(indicator)} h={h} />
                          ) : (
                            MISSING
                          )}
                        </dd>
                      </div>
                    </dl>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>

      <section className="panel" data-testid="health-indicators">
        <h2>{h.indicatorsTitle}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{h.colIndicator}</th>
                <th scope="col">{e.colDomain}</th>
                <th scope="col" className="num">
                  {h.colValue}
                </th>
                <th scope="col" className="num">
                  {h.colMedian}
                </th>
                <th scope="col" className="num">
                  {h.colNormalised}
                </th>
                <th scope="col" className="num">
                  {h.colShortfall}
                </th>
                <th scope="col">{h.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((i) => (
                <tr key={i.code} data-indicator={i.code} data-status={statusOf(i)}>
                  <td>
                    {name(i)} <code className="muted">{i.code}</code>
                  </td>
                  <td>{domainNames.get(i.domain) ?? i.domain}</td>
                  <td className="num">{formatWithUnit(i.raw ?? i.value, i.unit, e.unitLabel(i.unit))}</td>
                  <td className="num">{formatWithUnit(i.runMedian, i.unit, e.unitLabel(i.unit))}</td>
                  <td className="num">{formatScore(i.normalised)}</td>
                  <td className="num">{i.missing ? MISSING : formatNumber(i.shortfall, 2)}</td>
                  <td>
                    <StatusBadge status={statusOf(i)} h={h} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="health-grid">
        <section className="panel" data-testid="health-history">
          <h2>{h.historyTitle}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{h.colPeriod}</th>
                <th scope="col">{h.colRun}</th>
                <th scope="col" className="num">
                  {h.score}
                </th>
                <th scope="col" className="num">
                  {h.colRankHistory}
                </th>
                <th scope="col" className="num">
                  {h.coverage}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rankHistory.map((entry) => (
                <tr
                  key={entry.runId}
                  data-run={entry.runId}
                  className={entry.runId === run.id ? 'current-run' : undefined}
                >
                  <td>{entry.period}</td>
                  <td>
                    {entry.runId === run.id ? (
                      <strong>
                        #{entry.runId} ({h.historyCurrent})
                      </strong>
                    ) : (
                      <Link to={countyHealthPath(unit.code, entry.runId)}>#{entry.runId}</Link>
                    )}
                    {entry.synthetic ? <span className="synthetic-tag">{e.syntheticTag}</span> : null}
                  </td>
                  <td className="num">{formatScore(entry.score)}</td>
                  <td className="num">{entry.rank ?? e.notRanked}</td>
                  <td className={entry.belowCoverage ? 'num coverage-low' : 'num'}>
                    {formatShare(entry.coverage)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <TargetsPanel code={unit.code} />
      </div>

      <CountyProjectsPanel code={unit.code} />
    </div>
  );
}
