import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { CollectionApiError, importContentType } from './collection-api';
import type { CollectionApi } from './collection-api';
import { collectionMessages } from './collection-messages';
import type { CollectionProblem, DataSet, ImportReport } from './collection-types';
import type { UnitChoice } from './unit-choice';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly dryRun: boolean }
  | { readonly kind: 'checked'; readonly report: ImportReport }
  | { readonly kind: 'imported'; readonly report: ImportReport }
  | { readonly kind: 'refused'; readonly problems: readonly CollectionProblem[]; readonly count: number }
  | { readonly kind: 'error'; readonly error: Error };

/** Every problem of a file, located by sheet, row and column. */
function ImportProblems({
  problems,
  count,
}: {
  readonly problems: readonly CollectionProblem[];
  readonly count: number;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  return (
    <div className="problems" data-testid="import-problems" data-count={count}>
      <p className="problems-summary">
        <strong>{m.problemsSummary(count)}</strong>
        {count > problems.length ? <span className="muted"> {m.problemsFirst(problems.length)}</span> : null}
      </p>
      <div className="table-scroll import-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{m.colSheet}</th>
              <th scope="col" className="num">
                {m.colRow}
              </th>
              <th scope="col">{m.colColumn}</th>
              <th scope="col">{m.colMessage}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} data-code={p.code} data-line={p.line ?? ''} data-column={p.column ?? ''}>
                <td>{p.sheet ?? p.file ?? ''}</td>
                <td className="num">{p.line ?? ''}</td>
                <td>
                  <code>{p.column ?? '—'}</code>
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * Import (dry run first, then all or nothing), the template of the chosen unit and period, and the export
 * of the period for the user's scope.
 */
export function ImportPanel({
  api,
  dataset,
  period,
  unit,
  onImported,
}: {
  readonly api: CollectionApi;
  readonly dataset: DataSet;
  readonly period: string;
  readonly unit: UnitChoice | null;
  /** Told after a real import wrote values, so that the reporting view can be read again. */
  readonly onImported?: () => void;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const [file, setFile] = useState<File | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const send = async (dryRun: boolean) => {
    if (file === null) {
      setFormError(m.pickFile);
      return;
    }
    if (importContentType(file.name) === null) {
      setFormError(m.badFileType(file.name));
      return;
    }
    setFormError(null);
    setPhase({ kind: 'busy', dryRun });
    try {
      const report = await api.importFile({ file, name: file.name, dataset: dataset.code, dryRun });
      if (!report.ok) setPhase({ kind: 'refused', problems: report.problems, count: report.problemCount });
      else if (dryRun) setPhase({ kind: 'checked', report });
      else {
        setPhase({ kind: 'imported', report });
        onImported?.();
      }
    } catch (error) {
      // A refused real import answers 422/409 with the whole report: show its problems like a dry run's.
      if (error instanceof CollectionApiError && (error.report !== null || error.problems.length > 0))
        setPhase({
          kind: 'refused',
          problems: error.report?.problems ?? error.problems,
          count: error.report?.problemCount ?? error.problems.length,
        });
      else setPhase({ kind: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };

  const busy = phase.kind === 'busy';
  const checked = phase.kind === 'checked';

  return (
    <section className="panel" data-testid="import-panel" data-phase={phase.kind}>
      <h2>{m.importTitle}</h2>
      <p className="muted small">{m.importIntro}</p>
      <div className="controls import-controls">
        <label className="field file-field">
          <span>{m.file}</span>
          <input
            type="file"
            data-testid="import-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFormError(null);
              setPhase({ kind: 'idle' });
            }}
          />
        </label>
        <button
          type="button"
          className="secondary-button"
          data-testid="import-dry-run"
          disabled={busy}
          onClick={() => void send(true)}
        >
          {busy && phase.dryRun ? m.importing : m.dryRun}
        </button>
        <button
          type="button"
          className="primary-button"
          data-testid="import-run"
          // Only after a dry run found nothing: the import then writes what was checked.
          disabled={busy || !checked}
          onClick={() => void send(false)}
        >
          {busy && !phase.dryRun ? m.importing : m.doImport}
        </button>
        <div className="downloads">
          {unit !== null ? (
            <a
              className="export-link"
              data-testid="template-link"
              href={api.templateUrl(dataset.code, period, [unit.code])}
              download
            >
              {m.template} · {unit.name} {period}
            </a>
          ) : null}
          <a
            className="export-link"
            data-testid="export-xlsx"
            href={api.exportUrl(dataset.code, period, null, 'xlsx')}
            download
          >
            {m.exportXlsx}
          </a>
          <a
            className="export-link"
            data-testid="export-csv"
            href={api.exportUrl(dataset.code, period, null, 'csv')}
            download
          >
            {m.exportCsv}
          </a>
        </div>
      </div>
      {formError !== null ? (
        <p className="field-error" role="alert" data-testid="import-form-error">
          {formError}
        </p>
      ) : null}
      {phase.kind === 'checked' ? (
        <p className="saved-note" data-testid="import-checked">
          {m.dryRunOk(phase.report.rows, phase.report.forms)}
        </p>
      ) : null}
      {phase.kind === 'imported' ? (
        <p className="saved-note" data-testid="import-done">
          {m.importedOk(phase.report.inserted, phase.report.updated, phase.report.unchanged)}
        </p>
      ) : null}
      {phase.kind === 'refused' ? (
        <>
          <p className="notice">{m.importRefused}</p>
          <ImportProblems problems={phase.problems} count={phase.count} />
        </>
      ) : null}
      {phase.kind === 'error' ? <ErrorBanner error={phase.error} /> : null}
    </section>
  );
}
