import { sourceUrl } from '../divisions/source-url';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { indicatorPath } from '../router/routes';
import { formatAmount, formatTarget } from '../targets/progress-format';
import { STATUS_COLOURS } from '../targets/progress-status';
import { Sparkline } from '../targets/sparkline';
import { StatusChip } from '../targets/status-chip';
import { useUnitLabels } from '../targets/unit-labels';
import type { GapKey, HeadlineMetric } from './headline-model';

const NEUTRAL = '#0b3a75';

/** Where a value comes from: a link when the note holds a web address, the note itself otherwise. */
export function SourceNote({ source }: { readonly source: string }) {
  const url = sourceUrl(source);
  return url === null ? (
    <span className="source-note">{source}</span>
  ) : (
    <a className="source-note" href={url} target="_blank" rel="noreferrer noopener" title={source}>
      {new URL(url).hostname}
    </a>
  );
}

interface MetricProps {
  readonly metric: HeadlineMetric;
  readonly unitCode: string;
  /** The only indicator of its gap: a larger trend line fills the card. */
  readonly large: boolean;
}

function Metric({ metric, unitCode, large }: MetricProps) {
  const { t, language } = useI18n();
  const d = t.dashboard;
  const p = t.targetsPage;
  const labels = useUnitLabels();
  const { indicator, latest, row } = metric;
  const unit = indicator?.unit ?? row?.indicator.unit ?? '';
  const name = indicator === null ? metric.code : language === 'en' ? indicator.nameEn : indicator.nameZh;
  const colour = row === null ? NEUTRAL : STATUS_COLOURS[row.status];
  const lines = [
    { key: 'main', points: metric.line },
    ...(metric.annualLine !== null ? [{ key: 'annual', points: metric.annualLine }] : []),
  ];
  return (
    <div
      className="headline-metric"
      data-testid="headline-metric"
      data-indicator={metric.code}
      data-status={row?.status ?? 'no_target'}
      data-latest={latest === null ? '' : String(latest.value)}
      data-period={latest?.period ?? ''}
      style={{ borderTopColor: colour }}
    >
      <Link to={indicatorPath(metric.code, unitCode)} className="headline-name">
        {name}
      </Link>
      {latest !== null ? (
        <>
          <p className="headline-value">
            <span className="big" data-testid="headline-value">
              {formatAmount(latest.value, unit, { ...labels, unitLabel: () => '' })}
            </span>{' '}
            <span className="headline-unit">{unit === '%' ? '%' : labels.unitLabel(unit)}</span>
            {metric.synthetic ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
          </p>
          <p className="headline-meta small">
            <span className="headline-period" data-testid="headline-period">
              {latest.period}
            </span>
            {latest.source !== null ? (
              <>
                {' · '}
                {d.source} <SourceNote source={latest.source} />
              </>
            ) : null}
          </p>
        </>
      ) : (
        <>
          <p className="headline-value no-data" data-testid="headline-no-data">
            {d.noData}
          </p>
          <p className="headline-meta small muted">{d.noDataDetail}</p>
        </>
      )}
      <p className="headline-target small">
        <span className="muted">{d.target}</span>
        {row === null ? (
          <span className="muted">{d.noTarget}</span>
        ) : (
          <span data-testid="headline-target" title={row.plan.title}>
            {d.targetBy(formatTarget(row.comparator, row.targetValue, unit, labels), row.year)}
            <span className="muted"> · {row.plan.code}</span>
          </span>
        )}
      </p>
      <div className={large ? 'headline-foot large' : 'headline-foot'}>
        <div className="headline-status">
          {row !== null ? <StatusChip status={row.status} /> : null}
          {row !== null && row.seasonality !== null && row.seasonality !== 'year' ? (
            <span className="muted small"> {d.judgedOn(p.seasonality(row.seasonality))}</span>
          ) : null}
          {row?.annual !== null && row?.annual !== undefined && row.annual.latest !== null ? (
            <p
              className="headline-annual small"
              data-testid="headline-annual"
              data-status={row.annual.status}
            >
              {d.annual(
                p.status(row.annual.status),
                formatAmount(row.annual.latest.value, unit, labels),
                row.annual.latest.period,
              )}
            </p>
          ) : null}
        </div>
        {metric.line.length > 0 ? (
          <Sparkline
            lines={lines}
            reference={row?.targetValue ?? null}
            colour={colour}
            width={large ? 200 : 132}
            height={large ? 64 : 40}
            label={`${name}: ${metric.line.map((pt) => `${pt.period} ${pt.value}`).join(', ')}`}
            testId="headline-sparkline"
          />
        ) : null}
      </div>
    </div>
  );
}

interface HeadlineCardsProps {
  readonly gaps: readonly { readonly key: GapKey; readonly metrics: readonly HeadlineMetric[] }[];
  readonly unitCode: string;
}

/** The three gaps side by side, each with its indicators' latest values, targets, statuses and trends. */
export function HeadlineCards({ gaps, unitCode }: HeadlineCardsProps) {
  const { t } = useI18n();
  return (
    <div className="headline-grid" data-testid="headlines">
      {gaps.map((gap) => (
        <article
          key={gap.key}
          className="headline-card"
          data-gap={gap.key}
          data-testid={`headline-${gap.key}`}
        >
          <h2>{t.dashboard.gaps(gap.key)}</h2>
          {gap.metrics.map((metric) => (
            <Metric key={metric.code} metric={metric} unitCode={unitCode} large={gap.metrics.length === 1} />
          ))}
        </article>
      ))}
    </div>
  );
}
