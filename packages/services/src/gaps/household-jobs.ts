/**
 * Household-file analyses run as background jobs (issue 5 §5: "long work shows progress"): the upload
 * returns a job id at once and the caller polls for progress (rows read, fraction of the file) and then
 * the result or the located problems.
 *
 * Jobs live in memory only — nothing is stored in the database, and a restart forgets them. The registry
 * is bounded: at most `maxJobs` jobs are kept (finished ones are dropped oldest first to make room) and at
 * most `maxRunning` run at once; a finished job expires `ttlMs` (default one hour) after it finished. A
 * job is visible only to the user who started it.
 */
import { randomUUID } from 'node:crypto';
import type { ImportProblem, Result } from '@suocha/core';
import type { HouseholdImportProgress } from './household-table';
import type { HouseholdFileMeasures, MeasureHouseholdsError } from './measure-households-file';

export type HouseholdJobStatus = 'running' | 'done' | 'failed';

export interface HouseholdJobProgress {
  /** Household rows read so far. */
  readonly rowsRead: number;
  /** Share of the file read (0–1), when the file's size and the bytes read are known (CSV). */
  readonly fraction?: number;
  /** `reading` the file, `measuring`, or `finished`. */
  readonly stage: 'reading' | 'measuring' | 'finished';
}

export interface HouseholdJobView {
  readonly id: string;
  readonly status: HouseholdJobStatus;
  /** The file name as uploaded. */
  readonly file: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** When the job will be forgotten (an hour after it finished), null while it runs. */
  readonly expiresAt: string | null;
  readonly progress: HouseholdJobProgress;
  readonly result?: HouseholdFileMeasures;
  /** Located problems of a rejected file (the first 100) and how many there were in all. */
  readonly problems?: readonly ImportProblem[];
  readonly problemCount?: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface HouseholdJobsOptions {
  /** Jobs kept at most, running and finished (default 50). */
  readonly maxJobs?: number;
  /** Jobs running at once at most (default 2: the machine's cores are shared with the API). */
  readonly maxRunning?: number;
  /** How long a finished job is kept (default one hour). */
  readonly ttlMs?: number;
  /** The clock in milliseconds (a parameter so that tests can move time). */
  readonly now?: () => number;
}

export type HouseholdJobWork = (
  onProgress: (p: HouseholdImportProgress) => void,
) => Promise<Result<HouseholdFileMeasures, MeasureHouseholdsError>>;

export interface HouseholdJobRefusal {
  readonly code: 'TOO_MANY_JOBS';
  readonly message: string;
}

interface Job {
  id: string;
  owner: string;
  file: string;
  createdAt: number;
  finishedAt: number | null;
  status: HouseholdJobStatus;
  progress: HouseholdJobProgress;
  result?: HouseholdFileMeasures;
  problems?: readonly ImportProblem[];
  problemCount?: number;
  error?: { code: string; message: string };
  done: Promise<void>;
}

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export class HouseholdJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly maxJobs: number;
  private readonly maxRunning: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: HouseholdJobsOptions = {}) {
    this.maxJobs = options.maxJobs ?? 50;
    this.maxRunning = options.maxRunning ?? 2;
    this.ttlMs = options.ttlMs ?? HOUR;
    this.now = options.now ?? Date.now;
  }

  /** Jobs currently running. */
  get running(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.status === 'running') n++;
    return n;
  }

  /** Jobs kept (after dropping expired ones). */
  get size(): number {
    this.sweep();
    return this.jobs.size;
  }

  /** Whether a new job would be accepted now (checked before an upload is written to disk). */
  canStart(): HouseholdJobRefusal | null {
    this.sweep();
    if (this.running >= this.maxRunning)
      return {
        code: 'TOO_MANY_JOBS',
        message: `已有 ${this.running} 个分析在运行, 请稍后再试 (${this.running} analyses running; try again shortly)`,
      };
    if (this.jobs.size >= this.maxJobs && !this.oldestFinished())
      return {
        code: 'TOO_MANY_JOBS',
        message: `分析任务已满 (the job list is full: ${this.jobs.size} jobs); try again shortly`,
      };
    return null;
  }

  /**
   * Starts `work` for `owner`; `cleanup` runs when it has finished, whatever the outcome (the temp file is
   * deleted there), and also at once when the job is refused.
   */
  start(
    owner: string,
    file: string,
    work: HouseholdJobWork,
    cleanup?: () => void | Promise<void>,
  ): Result<{ readonly id: string }, HouseholdJobRefusal> {
    const refusal = this.canStart();
    if (refusal) {
      void Promise.resolve(cleanup?.()).catch(() => undefined);
      return { ok: false, error: refusal };
    }
    while (this.jobs.size >= this.maxJobs) {
      const oldest = this.oldestFinished();
      if (!oldest) break;
      this.jobs.delete(oldest.id);
    }
    const job: Job = {
      id: randomUUID(),
      owner,
      file,
      createdAt: this.now(),
      finishedAt: null,
      status: 'running',
      progress: { rowsRead: 0, stage: 'reading' },
      done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.done = this.run(job, work, cleanup);
    return { ok: true, value: { id: job.id } };
  }

  /** The job as its owner sees it, or undefined (unknown, expired, or someone else's). */
  get(id: string, owner: string): HouseholdJobView | undefined {
    this.sweep();
    const j = this.jobs.get(id);
    if (!j || j.owner !== owner) return undefined;
    return {
      id: j.id,
      status: j.status,
      file: j.file,
      createdAt: iso(j.createdAt),
      finishedAt: j.finishedAt === null ? null : iso(j.finishedAt),
      expiresAt: j.finishedAt === null ? null : iso(j.finishedAt + this.ttlMs),
      progress: j.progress,
      ...(j.result !== undefined ? { result: j.result } : {}),
      ...(j.problems !== undefined ? { problems: j.problems, problemCount: j.problemCount ?? 0 } : {}),
      ...(j.error !== undefined ? { error: j.error } : {}),
    };
  }

  /** Resolves when the job (or every job, without an id) has finished; for tests and shutdown. */
  async settled(id?: string): Promise<void> {
    if (id !== undefined) return this.jobs.get(id)?.done;
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  private oldestFinished(): Job | undefined {
    let oldest: Job | undefined;
    for (const j of this.jobs.values())
      if (j.finishedAt !== null && (!oldest || j.finishedAt < (oldest.finishedAt ?? 0))) oldest = j;
    return oldest;
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, j] of this.jobs)
      if (j.finishedAt !== null && t - j.finishedAt >= this.ttlMs) this.jobs.delete(id);
  }

  private async run(job: Job, work: HouseholdJobWork, cleanup?: () => void | Promise<void>): Promise<void> {
    // Let start() return before any work happens, so the caller has the id first.
    await Promise.resolve();
    let outcome: Partial<Job> & Pick<Job, 'status' | 'progress'>;
    try {
      const r = await work((p) => {
        const fraction =
          p.bytesRead !== undefined && p.totalBytes !== undefined && p.totalBytes > 0
            ? Math.min(1, p.bytesRead / p.totalBytes)
            : undefined;
        job.progress =
          p.stage === 'measuring'
            ? { rowsRead: p.rows, fraction: 1, stage: 'measuring' }
            : { rowsRead: p.rows, stage: 'reading', ...(fraction !== undefined ? { fraction } : {}) };
      });
      if (r.ok)
        outcome = {
          status: 'done',
          result: r.value,
          progress: { rowsRead: r.value.households, fraction: 1, stage: 'finished' },
        };
      else {
        const e = r.error;
        const progress = { ...job.progress, stage: 'finished' as const };
        outcome =
          e.code === 'HOUSEHOLD_FILE_INVALID'
            ? {
                status: 'failed',
                progress,
                problems: e.problems,
                problemCount: e.problemCount,
                error: {
                  code: e.code,
                  message: `文件有 ${e.problemCount} 处问题, 未做分析 (${e.problemCount} problem(s) in ${e.file}; nothing was analysed)`,
                },
              }
            : { status: 'failed', progress, error: { code: e.code, message: e.message } };
      }
    } catch (e) {
      outcome = {
        status: 'failed',
        progress: { ...job.progress, stage: 'finished' },
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
      };
    }
    // The upload is gone before the job says it has finished.
    try {
      await cleanup?.();
    } catch {
      // A temp file that cannot be deleted must not turn a finished analysis into a failure.
    }
    Object.assign(job, outcome, { finishedAt: this.now() });
  }
}
