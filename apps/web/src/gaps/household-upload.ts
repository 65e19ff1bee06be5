import type { HouseholdJob } from '../api/types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The content type to send a household file with, from its name (the server reads the type from the
 * extension too): .csv, .csv.gz and .xlsx; null for anything else. Browsers report CSV files as
 * `application/vnd.ms-excel` on some systems, so the file's own `type` is not trusted.
 */
export function uploadContentType(filename: string): string | null {
  const name = filename.trim().toLowerCase();
  if (name.endsWith('.csv.gz')) return 'application/gzip';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export interface PollOptions {
  readonly intervalMs: number;
  readonly signal: AbortSignal;
  /** Called with every answer, the last one included. */
  readonly onUpdate: (job: HouseholdJob) => void;
  readonly sleep?: Sleep;
}

/**
 * Polls a household job every `intervalMs` (the first time after one interval, so that the progress
 * shows before the answer replaces it) until it is `done` or `failed`, and answers the last state.
 * Aborting stops it; an error of `load` ends it with that error.
 */
export async function pollJob(
  load: (signal: AbortSignal) => Promise<HouseholdJob>,
  options: PollOptions,
): Promise<HouseholdJob> {
  const wait = options.sleep ?? sleep;
  for (;;) {
    await wait(options.intervalMs, options.signal);
    const job = await load(options.signal);
    options.onUpdate(job);
    if (job.status !== 'running') return job;
  }
}

export type ProgressStage = 'uploading' | 'reading' | 'measuring' | 'finished';

export interface ProgressView {
  readonly stage: ProgressStage;
  /** Share of the file read, 0–1, when the server knows it (CSV); null: only rows can be counted. */
  readonly fraction: number | null;
  readonly rows: number;
}

/** What the progress bar shows: the upload (no job yet), then the job's stage, rows and share read. */
export function progressView(job: HouseholdJob | null): ProgressView {
  if (job === null) return { stage: 'uploading', fraction: null, rows: 0 };
  const fraction = job.progress.fraction;
  return {
    stage: job.status === 'running' ? job.progress.stage : 'finished',
    fraction:
      job.status !== 'running'
        ? 1
        : fraction === undefined || !Number.isFinite(fraction)
          ? null
          : Math.min(1, Math.max(0, fraction)),
    rows: job.progress.rowsRead,
  };
}
