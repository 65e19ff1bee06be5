import type { IndexRun } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

/** Which run is shown: framework and version, scope, dates, who ran it, and how many counties are ranked. */
export function RunSummary({ run }: { readonly run: IndexRun }) {
  const { t, language } = useI18n();
  const e = t.evaluation;
  const framework = language === 'en' ? run.framework.nameEn : run.framework.nameZh;
  return (
    <div className="run-summary" data-testid="run-summary" data-run={run.id} data-synthetic={run.synthetic}>
      <p className="run-framework">
        <strong>{e.frameworkVersion(framework, run.framework.version)}</strong>
      </p>
      <p className="muted small">
        {e.runMeta(run.scopeUnit.name, run.asOf, run.createdBy, run.samples, run.seed)}
      </p>
      <p
        className="run-counts"
        data-testid="run-counts"
        data-units={run.units}
        data-ranked={run.ranked}
        data-below-coverage={run.belowCoverage}
        data-no-data={run.noData}
      >
        {e.summary(run.units, run.ranked, run.belowCoverage, run.noData)}
      </p>
    </div>
  );
}
