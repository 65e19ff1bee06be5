import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import type { HouseholdJob } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { HouseholdResults } from './household-results';
import { pollJob, progressView, uploadContentType } from './household-upload';
import { JobProgress } from './job-progress';
import { ProblemsTable } from './problems-table';

/** How often a running analysis is asked about. */
const POLL_MS = 500;
const GROUPINGS = ['urban_rural', 'city', 'county'] as const;
type Grouping = (typeof GROUPINGS)[number];

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly file: string; readonly job: HouseholdJob | null }
  | { readonly kind: 'finished'; readonly job: HouseholdJob }
  | {
      readonly kind: 'error';
      readonly file: string;
      readonly job: HouseholdJob | null;
      readonly error: Error;
    };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * 收入差距 from household micro-data: the user picks a CSV or xlsx file, it is sent as it is and analysed
 * by a background job; the page polls the job every half second and shows its progress, then the
 * measures — or, for a rejected file, its located problems. Nothing is stored.
 */
export function HouseholdsTab() {
  const { t } = useI18n();
  const g = t.gaps;
  const [file, setFile] = useState<File | null>(null);
  const [by, setBy] = useState<ReadonlySet<Grouping>>(new Set(GROUPINGS));
  const [lowLine, setLowLine] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [formError, setFormError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops polling (the job itself finishes on the server and is forgotten in an hour).
  useEffect(() => () => controller.current?.abort(), []);

  const lowLineValue = lowLine.trim() === '' ? undefined : Number(lowLine);
  const lowLineInvalid = lowLineValue !== undefined && !(Number.isFinite(lowLineValue) && lowLineValue >= 0);
  const running = phase.kind === 'running';

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null) {
      setFormError(g.pickFile);
      return;
    }
    const contentType = uploadContentType(file.name);
    if (contentType === null) {
      setFormError(g.badFileType(file.name));
      return;
    }
    if (lowLineInvalid) {
      setFormError(g.lowLineInvalid);
      return;
    }
    setFormError(null);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let last: HouseholdJob | null = null;
    setPhase({ kind: 'running', file: file.name, job: null });
    try {
      const { jobId } = await api.startHouseholdJob({
        file,
        filename: file.name,
        contentType,
        by: GROUPINGS.filter((x) => by.has(x)),
        ...(lowLineValue !== undefined ? { lowLine: lowLineValue } : {}),
      });
      if (abort.signal.aborted) return;
      const job = await pollJob((signal) => api.householdJob(jobId, signal), {
        intervalMs: POLL_MS,
        signal: abort.signal,
        onUpdate: (update) => {
          last = update;
          setPhase({ kind: 'running', file: file.name, job: update });
        },
      });
      setPhase({ kind: 'finished', job });
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      setPhase({
        kind: 'error',
        file: file.name,
        job: last,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  };

  const toggle = (grouping: Grouping) =>
    setBy((current) => {
      const next = new Set(current);
      if (next.has(grouping)) next.delete(grouping);
      else next.add(grouping);
      // Theil needs at least one grouping to decompose by; urban/rural is the server's default.
      return next.size === 0 ? new Set<Grouping>(['urban_rural']) : next;
    });

  const job = phase.kind === 'idle' ? null : phase.job;
  const failed = job?.status === 'failed' || phase.kind === 'error';

  return (
    <div
      className="households-tab"
      data-testid="households-tab"
      data-phase={phase.kind}
      data-job-id={job?.id ?? ''}
    >
      <section className="panel">
        <h2>{g.uploadTitle}</h2>
        <p className="muted small">{g.uploadIntro}</p>
        <details className="template">
          <summary>{g.templateTitle}</summary>
          <p className="small">{g.templateColumns}</p>
          <pre className="template-sample">{g.templateSample}</pre>
        </details>
        <form className="controls upload-form" onSubmit={(event) => void start(event)}>
          <label className="field file-field">
            <span>{g.file}</span>
            <input
              type="file"
              data-testid="household-file"
              accept=".csv,.csv.gz,.xlsx,text/csv,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFormError(null);
              }}
            />
          </label>
          <div className="field">
            <span id="gaps-groupings-label">{g.decomposeBy}</span>
            <div className="checks" role="group" aria-labelledby="gaps-groupings-label">
              {GROUPINGS.map((grouping) => (
                <label key={grouping}>
                  <input
                    type="checkbox"
                    checked={by.has(grouping)}
                    onChange={() => toggle(grouping)}
                    data-testid={`by-${grouping}`}
                  />
                  {g.decomposedBy(grouping)}
                </label>
              ))}
            </div>
          </div>
          <label className="field low-line-field">
            <span>{g.lowLine}</span>
            <input
              type="text"
              inputMode="decimal"
              data-testid="low-line"
              value={lowLine}
              placeholder={g.lowLinePlaceholder}
              aria-invalid={lowLineInvalid}
              onChange={(event) => setLowLine(event.target.value)}
            />
          </label>
          <button type="submit" className="primary-button" data-testid="household-submit" disabled={running}>
            {running ? g.analysing : g.analyse}
          </button>
        </form>
        {formError !== null ? (
          <p className="field-error" role="alert" data-testid="household-form-error">
            {formError}
          </p>
        ) : null}
        {phase.kind !== 'idle' ? <JobProgress view={progressView(job)} failed={failed} /> : null}
        {phase.kind === 'error' ? <ErrorBanner error={phase.error} /> : null}
        {phase.kind === 'finished' && phase.job.status === 'failed' ? (
          <div className="household-failed" data-testid="household-failed">
            {phase.job.problems !== undefined && phase.job.problems.length > 0 ? (
              <ProblemsTable
                problems={phase.job.problems}
                count={phase.job.problemCount ?? phase.job.problems.length}
              />
            ) : (
              // A failure without located problems (an unreadable file): the server's own message.
              <p className="notice">{phase.job.error?.message ?? g.failedNoDetail}</p>
            )}
          </div>
        ) : null}
      </section>
      {phase.kind === 'finished' && phase.job.status === 'done' && phase.job.result !== undefined ? (
        <HouseholdResults result={phase.job.result} />
      ) : null}
      {phase.kind === 'idle' ? (
        <section className="panel empty-state" data-testid="households-empty">
          <p className="empty-title">{g.noFileYet}</p>
          <p className="muted">{g.noFileYetBody}</p>
        </section>
      ) : null}
    </div>
  );
}
