import { describe, expect, it } from 'vitest';
import type { HouseholdJob } from '../api/types';
import { XLSX_TYPE, pollJob, progressView, sleep, uploadContentType } from './household-upload';

const job = (
  status: HouseholdJob['status'],
  progress: Partial<HouseholdJob['progress']> = {},
): HouseholdJob => ({
  id: 'j',
  status,
  file: 'f.csv',
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  expiresAt: null,
  progress: { rowsRead: 0, stage: 'reading', ...progress },
});

describe('uploadContentType', () => {
  it('takes the type from the extension, whatever the case', () => {
    expect(uploadContentType('住户.CSV')).toBe('text/csv');
    expect(uploadContentType('survey.csv.gz')).toBe('application/gzip');
    expect(uploadContentType('survey.xlsx')).toBe(XLSX_TYPE);
    expect(uploadContentType('survey.xls')).toBeNull();
    expect(uploadContentType('survey.gz')).toBeNull();
    expect(uploadContentType('survey')).toBeNull();
  });
});

describe('pollJob', () => {
  it('polls after each interval until the job is finished, reporting every answer', async () => {
    const answers = [job('running', { rowsRead: 10, fraction: 0.1 }), job('running'), job('done')];
    const waits: number[] = [];
    const seen: string[] = [];
    let calls = 0;
    const last = await pollJob(async () => answers[calls++] ?? job('failed'), {
      intervalMs: 500,
      signal: new AbortController().signal,
      onUpdate: (j) => seen.push(j.status),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(last.status).toBe('done');
    expect(seen).toEqual(['running', 'running', 'done']);
    expect(waits).toEqual([500, 500, 500]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const polling = pollJob(async () => job('running'), {
      intervalMs: 10_000,
      signal: controller.signal,
      onUpdate: () => undefined,
      sleep,
    });
    controller.abort();
    await expect(polling).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('ends with the error of a failed request', async () => {
    await expect(
      pollJob(
        async () => {
          throw new Error('gone');
        },
        { intervalMs: 1, signal: new AbortController().signal, onUpdate: () => undefined },
      ),
    ).rejects.toThrow('gone');
  });
});

describe('progressView', () => {
  it('shows the upload before there is a job, then stage, rows and the share read', () => {
    expect(progressView(null)).toEqual({ stage: 'uploading', fraction: null, rows: 0 });
    expect(progressView(job('running', { rowsRead: 1200, fraction: 0.42 }))).toEqual({
      stage: 'reading',
      fraction: 0.42,
      rows: 1200,
    });
    // xlsx: no share while reading, rows only.
    expect(progressView(job('running', { rowsRead: 7 })).fraction).toBeNull();
    expect(progressView(job('running', { stage: 'measuring', fraction: 1.2 })).fraction).toBe(1);
    expect(progressView(job('failed', { rowsRead: 2, stage: 'finished' }))).toEqual({
      stage: 'finished',
      fraction: 1,
      rows: 2,
    });
  });
});
