/**
 * The lock-out rule, pure: a key (a username or an address) is locked for `lockMinutes` once it reaches
 * `maxFailures` failures in a window of `windowMinutes` that opens at its first failure. Attempts made while
 * locked are refused without counting, so a lock cannot be extended indefinitely by an attacker.
 */
import type { ThrottleState } from '@suocha/store';
import type { ThrottleRule } from './policy';
import { addMinutes, toMs } from './time';

export function lockedUntil(state: ThrottleState, now: string): string | null {
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
}

/** Whole seconds until the lock ends (at least 1), for the `retry-after` header. */
export function retryAfterSeconds(until: string, now: string): number {
  return Math.max(1, Math.ceil((toMs(until) - toMs(now)) / 1000));
}

export function afterFailure(state: ThrottleState, now: string, rule: ThrottleRule): ThrottleState {
  if (lockedUntil(state, now) !== null) return state;
  const fresh =
    state.windowStart === null || toMs(now) - toMs(state.windowStart) >= rule.windowMinutes * 60_000;
  const failures = fresh ? 1 : state.failures + 1;
  if (failures >= rule.maxFailures)
    return { failures: 0, windowStart: null, lockedUntil: addMinutes(now, rule.lockMinutes) };
  return { failures, windowStart: fresh ? now : state.windowStart, lockedUntil: null };
}
