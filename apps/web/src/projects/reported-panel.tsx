import type { ReportedFigureDto } from '@suocha/contract';
import { useI18n } from '../i18n/i18n-context';
import { reportedRows } from './reported-model';
import { useProjectsText } from './use-projects';

interface ReportedPanelProps {
  readonly figures: readonly ReportedFigureDto[];
  /** The registry's figures come (partly) from synthetic projects: label them. */
  readonly synthetic: boolean;
}

/**
 * The province's published figures (with their sources) beside what the registry adds up to for the same
 * quantity (issue 7 §4), one card per figure so the long source quotes stay readable in a side column.
 */
export function ReportedPanel({ figures, synthetic }: ReportedPanelProps) {
  const p = useProjectsText();
  const { language } = useI18n();
  const rows = reportedRows(figures, { suffix: p.measureSuffix });
  return (
    <section className="panel pj-reported" data-testid="reported-panel">
      <h2>{p.reportedTitle}</h2>
      <p className="muted small">{p.reportedIntro}</p>
      {rows.length === 0 ? (
        <p className="muted">{p.noReported}</p>
      ) : (
        <ul className="pj-figures" data-testid="reported-list">
          {rows.map((r) => (
            <li
              key={r.key}
              className="pj-figure"
              data-indicator={r.figure.indicatorCode}
              data-value={r.figure.value}
              data-registry={r.figure.registryValue ?? ''}
            >
              <div className="pj-figure-name">
                {language === 'en' ? r.figure.nameEn : r.figure.nameZh}
                <span className="pj-figure-period">
                  {r.figure.unitCode} · {r.figure.period}
                </span>
              </div>
              <dl className="pj-figure-values">
                <div>
                  <dt>{p.reportedValue}</dt>
                  <dd className="pj-reported-value">{r.reported}</dd>
                </div>
                <div>
                  <dt>
                    {p.registryValue}
                    {synthetic ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
                  </dt>
                  <dd>{r.registry ?? <span className="muted small">{p.noRegistryValue}</span>}</dd>
                </div>
                <div>
                  <dt>{p.difference}</dt>
                  <dd className="pj-figure-diff">{r.difference ?? '—'}</dd>
                </div>
              </dl>
              {r.figure.note !== '' ? <p className="pj-figure-note small">{r.figure.note}</p> : null}
              <p className="pj-figure-source muted small">
                {p.reportedSource}: <code>{r.figure.source}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
