import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import type { IndexRun, IndexRunSummary } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { formatDateTime } from './format';

/** The province whose counties the web app's runs rank. */
export const PROVINCE_CODE = '330000';
/** Monte Carlo samples of a run started from the web app (the API's default). */
export const RUN_SAMPLES = 1000;

const PERIOD = /^\d{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?(-YTD)?$/;

/** Last year: the latest full year a county index can usually be computed for. */
export function defaultPeriod(now: Date): string {
  return String(now.getFullYear() - 1);
}

interface RunPickerProps {
  readonly runs: readonly IndexRunSummary[];
  readonly selected: number | null;
  readonly onSelect: (id: number) => void;
}

/** The frozen runs the user may read, newest first. */
export function RunPicker({ runs, selected, onSelect }: RunPickerProps) {
  const { t, language } = useI18n();
  return (
    <label className="field run-field">
      <span>{t.evaluation.run}</span>
      <select
        data-testid="run-select"
        value={selected ?? ''}
        onChange={(event) => onSelect(Number(event.target.value))}
      >
        {runs.map((run) => (
          <option key={run.id} value={run.id} data-synthetic={run.synthetic}>
            {t.evaluation.runOption(
              run.id,
              run.period,
              language === 'en' ? run.framework.nameEn : run.framework.nameZh,
              formatDateTime(run.createdAt),
            )}
            {run.synthetic ? ` · ${t.evaluation.syntheticTag}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Starts a run of the platform's default framework over the province's counties (province
 * administrators only; the server checks). The request computes the Monte Carlo intervals before it
 * answers, so the form shows that it is busy and for how long.
 */
export function StartRun({
  onStarted,
  collapsed,
}: {
  readonly onStarted: (run: IndexRun) => void;
  /** Start folded (when there are runs to look at already); the user opens it. */
  readonly collapsed: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(!collapsed);
  const [period, setPeriod] = useState(() => defaultPeriod(new Date()));
  const [busySince, setBusySince] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const valid = PERIOD.test(period);

  useEffect(() => {
    if (busySince === null) return undefined;
    const timer = window.setInterval(() => setElapsed(Math.floor((Date.now() - busySince) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, [busySince]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || busySince !== null) return;
    setError(null);
    setDone(null);
    setElapsed(0);
    setBusySince(Date.now());
    api.startIndexRun({ of: PROVINCE_CODE, level: 'county', period, samples: RUN_SAMPLES }).then(
      (run) => {
        setBusySince(null);
        setDone(run.id);
        onStarted(run);
      },
      (e: unknown) => {
        setBusySince(null);
        setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };

  const busy = busySince !== null;
  return (
    <details
      className="start-run"
      data-testid="start-run"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary data-testid="start-run-toggle">{t.evaluation.startTitle}</summary>
      <form onSubmit={submit} aria-busy={busy}>
        <div className="controls">
          <label className="field">
            <span>{t.evaluation.period}</span>
            <input
              data-testid="run-period"
              value={period}
              aria-invalid={!valid}
              disabled={busy}
              onChange={(event) => setPeriod(event.target.value.trim())}
            />
          </label>
          <button type="submit" className="primary-button" data-testid="run-start" disabled={busy || !valid}>
            {t.evaluation.start}
          </button>
          <span className="muted small">{t.evaluation.samplesNote(RUN_SAMPLES)}</span>
        </div>
        {!valid ? (
          <p className="field-error" role="alert">
            {t.evaluation.periodInvalid}
          </p>
        ) : null}
        {busy ? (
          <p className="run-busy" data-testid="run-busy" role="status">
            <span className="spinner" aria-hidden="true" />
            {t.evaluation.starting(elapsed)}
          </p>
        ) : null}
        {done !== null ? (
          <p className="run-done" role="status" data-testid="run-done">
            {t.evaluation.started(done)}
          </p>
        ) : null}
        {error !== null ? <ErrorBanner error={error} /> : null}
      </form>
    </details>
  );
}
