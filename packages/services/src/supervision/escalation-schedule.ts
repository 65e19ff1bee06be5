/**
 * Escalation on a clock (issue 8 §2): an order overdue at its step escalates one level up without anybody
 * asking. The server runs `runEscalations` at start and then at a fixed interval; runs never overlap, and
 * `stop` waits for a run in progress so that the database is not closed under it.
 */
import type { Store } from '@suocha/store';
import { runEscalations } from './orders-service';

export type Escalated = Awaited<ReturnType<typeof runEscalations>>;

export interface EscalationScheduleOptions {
  readonly everyMs: number;
  /** "Now" as an ISO timestamp. */
  readonly now: () => string;
  readonly onEscalated?: (escalated: Escalated) => void;
  readonly onError?: (error: unknown) => void;
}

export interface EscalationSchedule {
  stop(): Promise<void>;
}

/** The calendar date in China (UTC+8) of an ISO timestamp: step deadlines are Beijing dates. */
export function chinaDateOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function scheduleEscalations(store: Store, o: EscalationScheduleOptions): EscalationSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running !== null) return;
    const now = o.now();
    running = runEscalations(store, { asOf: chinaDateOf(now), now })
      .then(
        (escalated) => {
          if (escalated.length > 0) o.onEscalated?.(escalated);
        },
        (error: unknown) => o.onError?.(error),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, o.everyMs);
  // The schedule alone never keeps the process alive.
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
