import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NO_FAILURES, type ThrottleState } from '@suocha/store';
import { afterFailure, lockedUntil, retryAfterSeconds } from './throttle';

const RULE = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, 0) + minutes * 60_000).toISOString();

/** Applies failures at the given minutes and returns the states after each. */
function run(minutes: readonly number[], rule = RULE): ThrottleState[] {
  const out: ThrottleState[] = [];
  let s = NO_FAILURES;
  for (const m of minutes) {
    s = afterFailure(s, t(m), rule);
    out.push(s);
  }
  return out;
}

describe('lock-out rule', () => {
  it('locks for 15 minutes at the 5th failure within 15 minutes of the first', () => {
    const states = run([0, 1, 2, 3, 4]);
    expect(states.slice(0, 4).map((s) => s.failures)).toEqual([1, 2, 3, 4]);
    expect(states.slice(0, 4).every((s) => lockedUntil(s, t(4)) === null)).toBe(true);
    const last = states[4];
    expect(last?.lockedUntil).toBe(t(19));
    expect(lockedUntil(last ?? NO_FAILURES, t(18.99))).toBe(t(19));
    expect(lockedUntil(last ?? NO_FAILURES, t(19))).toBeNull();
    expect(retryAfterSeconds(t(19), t(4))).toBe(900);
    expect(retryAfterSeconds(t(19), t(18.999))).toBe(1);
  });

  it('does not count attempts made while locked (a lock cannot be prolonged)', () => {
    const [s] = run([0, 1, 2, 3, 4]).slice(-1);
    const during = afterFailure(s ?? NO_FAILURES, t(10), RULE);
    expect(during).toEqual(s);
  });

  it('restarts the count when the window has passed', () => {
    // Four failures, then one 15 minutes after the first: a new window, count 1.
    const states = run([0, 1, 2, 3, 15]);
    expect(states.at(-1)).toEqual({ failures: 1, windowStart: t(15), lockedUntil: null });
    // After a lock ends, counting starts afresh.
    const after = run([0, 1, 2, 3, 4, 20, 21]);
    expect(after.at(-1)).toEqual({ failures: 2, windowStart: t(20), lockedUntil: null });
  });

  it('never locks with fewer than maxFailures failures in any window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), (gaps) => {
        // Failures at increasing minutes; a lock must mean ≥ 5 failures within the last 15 minutes.
        let m = 0;
        const minutes = gaps.map((g) => (m += g * 4));
        const states = run(minutes);
        states.forEach((s, i) => {
          if (s.lockedUntil !== null && s !== states[i - 1]) {
            const inWindow = minutes.slice(0, i + 1).filter((x) => x > (minutes[i] ?? 0) - 15);
            expect(inWindow.length).toBeGreaterThanOrEqual(5);
          }
        });
      }),
    );
  });
});
