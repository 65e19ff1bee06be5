/** The in-memory job registry of household analyses: progress, outcome, ownership, bounds and expiry. */
import { describe, expect, it } from 'vitest';
import { err, ok } from '@suocha/core';
import { HouseholdJobs, type HouseholdJobWork } from './household-jobs';
import type { HouseholdFileMeasures } from './measure-households-file';

/** A job whose progress and outcome the test drives. */
function controlled() {
  let report: Parameters<HouseholdJobWork>[0] = () => undefined;
  let finish: (r: Awaited<ReturnType<HouseholdJobWork>>) => void = () => undefined;
  const work: HouseholdJobWork = (onProgress) => {
    report = onProgress;
    return new Promise((resolve) => (finish = resolve));
  };
  return {
    work,
    progress: (p: Parameters<HouseholdJobWork>[0] extends (x: infer P) => void ? P : never) => report(p),
    finish: (r: Awaited<ReturnType<HouseholdJobWork>>) => finish(r),
  };
}

const RESULT = { file: 'a.csv', households: 7 } as unknown as HouseholdFileMeasures;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('HouseholdJobs', () => {
  it('reports progress while running, then the result; cleanup runs once it is done', async () => {
    let t = 1_000_000;
    const jobs = new HouseholdJobs({ now: () => t });
    const c = controlled();
    let cleaned = 0;
    const started = jobs.start('1', 'a.csv', c.work, () => {
      cleaned++;
    });
    if (!started.ok) throw new Error('refused');
    const id = started.value.id;
    expect(jobs.get(id, '1')).toMatchObject({
      status: 'running',
      progress: { rowsRead: 0, stage: 'reading' },
    });
    await tick();
    c.progress({ rows: 3, bytesRead: 50, totalBytes: 200 });
    expect(jobs.get(id, '1')?.progress).toEqual({ rowsRead: 3, fraction: 0.25, stage: 'reading' });
    c.progress({ rows: 7, stage: 'measuring' });
    expect(jobs.get(id, '1')?.progress.stage).toBe('measuring');
    expect(cleaned).toBe(0);
    t += 500;
    c.finish(ok(RESULT));
    await jobs.settled(id);
    const done = jobs.get(id, '1')!;
    expect(done).toMatchObject({ status: 'done', result: RESULT, progress: { rowsRead: 7, fraction: 1 } });
    expect(done.finishedAt).toBe(new Date(1_000_500).toISOString());
    expect(done.expiresAt).toBe(new Date(1_000_500 + 3_600_000).toISOString());
    expect(cleaned).toBe(1);
  });

  it('a rejected file fails with its located problems; a thrown error fails as INTERNAL', async () => {
    const jobs = new HouseholdJobs();
    const problems = [{ code: 'UNKNOWN_UNIT', file: 'b.csv', line: 2, column: 'unit_code', message: 'x' }];
    const a = jobs.start('1', 'b.csv', async () =>
      err({ code: 'HOUSEHOLD_FILE_INVALID', file: 'b.csv', problems, problemCount: 130 }),
    );
    const b = jobs.start('1', 'c.csv', async () => {
      throw new Error('disk gone');
    });
    if (!a.ok || !b.ok) throw new Error('refused');
    await jobs.settled();
    expect(jobs.get(a.value.id, '1')).toMatchObject({
      status: 'failed',
      problems,
      problemCount: 130,
      error: { code: 'HOUSEHOLD_FILE_INVALID' },
    });
    expect(jobs.get(b.value.id, '1')).toMatchObject({
      status: 'failed',
      error: { code: 'INTERNAL', message: 'disk gone' },
    });
  });

  it('a job is visible only to its owner', async () => {
    const jobs = new HouseholdJobs();
    const s = jobs.start('1', 'a.csv', async () => ok(RESULT));
    if (!s.ok) throw new Error('refused');
    await jobs.settled();
    expect(jobs.get(s.value.id, '2')).toBeUndefined();
    expect(jobs.get('no-such-id', '1')).toBeUndefined();
  });

  it('bounds running jobs and kept jobs, dropping the oldest finished one; expires an hour after finishing', async () => {
    let t = 0;
    const jobs = new HouseholdJobs({ maxRunning: 1, maxJobs: 2, now: () => t });
    const first = controlled();
    const a = jobs.start('1', 'a.csv', first.work);
    if (!a.ok) throw new Error('refused');
    let cleaned = false;
    const refused = jobs.start(
      '1',
      'b.csv',
      async () => ok(RESULT),
      () => {
        cleaned = true;
      },
    );
    expect(!refused.ok && refused.error.code).toBe('TOO_MANY_JOBS');
    await tick();
    expect(cleaned).toBe(true); // a refused job's upload is deleted at once
    await tick();
    first.finish(ok(RESULT));
    await jobs.settled();
    t = 10;
    const b = jobs.start('1', 'b.csv', async () => ok(RESULT));
    if (!b.ok) throw new Error('refused');
    await jobs.settled();
    t = 20;
    const c = jobs.start('1', 'c.csv', async () => ok(RESULT));
    if (!c.ok) throw new Error('refused');
    await jobs.settled();
    // Room was made by dropping the oldest finished job.
    expect(jobs.get(a.value.id, '1')).toBeUndefined();
    expect(jobs.get(b.value.id, '1')?.status).toBe('done');
    expect(jobs.size).toBe(2);
    t = 20 + 3_600_000;
    expect(jobs.get(b.value.id, '1')).toBeUndefined();
    expect(jobs.get(c.value.id, '1')).toBeUndefined();
    expect(jobs.size).toBe(0);
  });

  it('keeps running jobs even when the list is full', async () => {
    const jobs = new HouseholdJobs({ maxRunning: 5, maxJobs: 1 });
    const slow = controlled();
    const a = jobs.start('1', 'a.csv', slow.work);
    expect(a.ok).toBe(true);
    const b = jobs.start('1', 'b.csv', async () => ok(RESULT));
    expect(!b.ok && b.error.message).toContain('full');
    await tick();
    slow.finish(ok(RESULT));
    await jobs.settled();
  });
});
