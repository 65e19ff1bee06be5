import type { IndexRun } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

/**
 * What the data could not support, as the run wrote it (`notes`, bilingual), the observed / imputed /
 * missing count of every indicator, the run's warnings and the framework's own note.
 */
export function DataGapsPanel({ run }: { readonly run: IndexRun }) {
  const { t, language } = useI18n();
  const e = t.evaluation;
  const domainNames = new Map(run.domains.map((d) => [d.code, language === 'en' ? d.nameEn : d.nameZh]));
  return (
    <section className="panel" data-testid="data-gaps">
      <h2>{e.gapsTitle}</h2>
      <p className="muted">{e.gapsIntro}</p>
      <ul className="notes-list" data-testid="run-notes">
        {run.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <p className="muted small">
        {e.rankBasis}: {run.rankChangeBasis.note}
      </p>
      {run.warnings.length > 0 ? (
        <>
          <h3>{e.warningsTitle}</h3>
          <ul className="notes-list">
            {run.warnings.map((w) => (
              <li key={`${w.code}:${w.indicator}`}>
                <code>{w.code}</code> {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{e.coverageTitle}</h3>
      <div className="table-scroll">
        <table className="data-table coverage-table" data-testid="coverage-table">
          <thead>
            <tr>
              <th scope="col">{e.colIndicator}</th>
              <th scope="col">{e.colDomain}</th>
              <th scope="col" className="num">
                {e.colObserved}
              </th>
              <th scope="col" className="num">
                {e.colImputed}
              </th>
              <th scope="col" className="num">
                {e.colMissing}
              </th>
            </tr>
          </thead>
          <tbody>
            {run.indicators.map((i) => (
              <tr key={i.code} data-indicator={i.code} data-missing={i.missing}>
                <td title={i.source ?? undefined}>
                  {language === 'en' ? i.nameEn : i.nameZh} <code className="muted">{i.code}</code>
                </td>
                <td>{domainNames.get(i.domain) ?? i.domain}</td>
                <td className="num">
                  {i.observed} / {run.units}
                </td>
                <td className="num">{i.imputed}</td>
                <td className={i.missing > 0 ? 'num missing-count' : 'num'}>{i.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.note !== null ? (
        <details className="framework-note">
          <summary>{e.frameworkNote}</summary>
          <p>{language === 'en' ? run.note.en : run.note.zh}</p>
        </details>
      ) : null}
    </section>
  );
}
