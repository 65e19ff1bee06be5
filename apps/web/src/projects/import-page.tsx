import { useReducer, useRef, useState } from 'react';
import type { ProjectImportReportDto } from '@suocha/contract';
import { useAuth } from '../auth/auth-context';
import { ErrorBanner } from '../shell/error-banner';
import { canImport, importFormat, importReducer, sortProblems } from './import-model';
import type { ImportTarget } from './import-model';
import { isMonth, monthOfDate, previousMonth } from './months';
import { useProjectsApi, useProjectsText } from './use-projects';

/** The month a report is normally due for: the previous calendar month. */
function defaultMonth(): string {
  return previousMonth(monthOfDate(new Date())) ?? monthOfDate(new Date());
}

/**
 * 月报导入 (issue 7 §2, §6): the template of a unit and month to download; a filled file is checked by a dry
 * run listing every problem with its sheet, row and column, nothing written; only then can it be imported,
 * all or nothing.
 */
export function ImportPage() {
  const p = useProjectsText();
  const { state: auth } = useAuth();
  const api = useProjectsApi();
  const [month, setMonth] = useState<string>(() => {
    const asked = new URLSearchParams(window.location.search).get('month');
    return asked !== null && isMonth(asked) ? asked : defaultMonth();
  });
  const [unit, setUnit] = useState<string>(() =>
    auth.status === 'ready' ? auth.me.user.scopeUnit.code : '',
  );
  const [file, setFile] = useState<File | null>(null);
  const [pick, setPick] = useState(0);
  const [state, dispatch] = useReducer(importReducer, { phase: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);

  const format = file === null ? null : importFormat(file.name);
  const target: ImportTarget | null =
    file === null ? null : { name: file.name, size: file.size, lastModified: file.lastModified, month, pick };
  const busy = state.phase === 'checking' || state.phase === 'importing';

  const run = async (dryRun: boolean) => {
    if (file === null || format === null || target === null) return;
    dispatch({ type: dryRun ? 'dryRunStarted' : 'importStarted', target });
    try {
      const report = await api.importFile({ body: file, fileName: file.name, format, month, dryRun });
      dispatch({ type: dryRun ? 'dryRunAnswered' : 'importAnswered', target, report });
    } catch (error) {
      dispatch({ type: 'failed', target, error: error instanceof Error ? error : new Error(String(error)) });
    }
  };

  const report: ProjectImportReportDto | null = 'report' in state ? state.report : null;
  const importable = canImport(state, target);
  const templateReady = /^\d{6,12}$/.test(unit) && isMonth(month);

  return (
    <div className="pj-import" data-testid="projects-import" data-phase={state.phase}>
      <section className="panel">
        <h2>{p.importTitle}</h2>
        <p className="muted">{p.importIntro}</p>
        <div className="controls compact">
          <label className="field">
            <span>{p.month}</span>
            <input
              type="month"
              data-testid="import-month"
              value={month}
              onChange={(event) => {
                if (isMonth(event.target.value)) {
                  setMonth(event.target.value);
                  dispatch({ type: 'reset' });
                }
              }}
            />
          </label>
        </div>
      </section>

      <section className="panel">
        <h3>{p.templateTitle}</h3>
        <div className="controls compact">
          <label className="field">
            <span>{p.templateUnit}</span>
            <input
              type="text"
              inputMode="numeric"
              data-testid="template-unit"
              value={unit}
              onChange={(event) => setUnit(event.target.value.trim())}
            />
          </label>
          {templateReady ? (
            <a
              className="export-link"
              data-testid="template-download"
              href={api.templateUrl(unit, month)}
              download
            >
              {p.templateDownload}
            </a>
          ) : null}
        </div>
      </section>

      <section className="panel">
        <h3>{p.uploadTitle}</h3>
        <div className="controls compact">
          <label className="field">
            <span>{p.file}</span>
            <input
              ref={inputRef}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              data-testid="import-file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPick((n) => n + 1);
                dispatch({ type: 'reset' });
              }}
            />
          </label>
          <button
            type="button"
            className="primary-button"
            data-testid="import-dry-run"
            disabled={file === null || format === null || busy}
            onClick={() => void run(true)}
          >
            {state.phase === 'checking' ? p.checking : p.dryRun}
          </button>
        </div>
        {file !== null && format === null ? (
          <p className="field-error" role="alert">
            {p.fileBadType}
          </p>
        ) : null}
      </section>

      {state.phase === 'error' ? <ErrorBanner error={state.error} /> : null}

      {report !== null ? (
        <section
          className="panel"
          data-testid="import-report"
          data-ok={report.ok ? 'true' : 'false'}
          data-dry-run={report.dryRun ? 'true' : 'false'}
          data-written={report.written ? 'true' : 'false'}
          data-problems={report.problems.length}
        >
          <p
            className={report.ok ? 'pj-result-ok' : 'pj-result-bad'}
            role="status"
            data-testid="import-summary"
          >
            {state.phase === 'imported'
              ? p.imported(report.reports, report.newVersions)
              : state.phase === 'refused'
                ? p.importFailed(report.problemCount)
                : report.ok
                  ? p.dryRunOk(report.rows, report.reports, report.newVersions, report.unchanged)
                  : p.dryRunFailed(report.problemCount)}{' '}
            <strong>{report.written ? p.written : p.notWritten}</strong>
          </p>
          {report.problems.length > 0 ? <ProblemsTable report={report} /> : null}
          {state.phase === 'checked' || state.phase === 'importing' ? (
            <div className="pj-import-go">
              <button
                type="button"
                className="primary-button"
                data-testid="import-commit"
                disabled={!importable || busy}
                title={importable ? undefined : p.importDisabled}
                onClick={() => void run(false)}
              >
                {state.phase === 'importing' ? p.importing : p.importNow}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function ProblemsTable({ report }: { readonly report: ProjectImportReportDto }) {
  const p = useProjectsText();
  const problems = sortProblems(report.problems);
  return (
    <>
      <h3>
        {p.problemsTitle} ({report.problemCount})
      </h3>
      <div className="table-scroll">
        <table className="data-table pj-problems" data-testid="import-problems">
          <thead>
            <tr>
              <th scope="col">{p.colSheet}</th>
              <th scope="col" className="num">
                {p.colRow}
              </th>
              <th scope="col">{p.colColumn}</th>
              <th scope="col">{p.colProblemProject}</th>
              <th scope="col">{p.colMessage}</th>
              <th scope="col">{p.colProblemCode}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((x, i) => (
              <tr
                key={`${x.sheet}:${x.row}:${x.column ?? ''}:${x.code}:${i}`}
                data-code={x.code}
                data-row={x.row}
              >
                <td>{x.sheet === '' ? p.wholeFile : x.sheet}</td>
                <td className="num">{x.row === 0 ? '—' : x.row}</td>
                <td>
                  {x.column ?? ''}
                  {x.columnName !== null ? <span className="muted small"> {x.columnName}</span> : null}
                </td>
                <td>{x.projectCode ?? ''}</td>
                <td>{x.message}</td>
                <td>
                  <code className="small">{x.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
