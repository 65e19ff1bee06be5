/**
 * The tunable numbers of authentication, with defaults from the issue and OWASP's cheat sheets: argon2id
 * with 19 MiB, 2 passes, 1 lane (OWASP Password Storage); lock a username for 15 minutes after 5 failures
 * in 15 minutes; refuse an address for 15 minutes after 30 failures in 15 minutes (it may be a whole
 * office behind one NAT, so successes are not counted); sessions end after 2 idle hours or 12 hours.
 */
export interface ThrottleRule {
  /** Failures within the window that trigger the lock. */
  readonly maxFailures: number;
  readonly windowMinutes: number;
  readonly lockMinutes: number;
}

export interface AccessPolicy {
  readonly user: ThrottleRule;
  readonly ip: ThrottleRule;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  /** Sessions and tokens record their last use at most this often (saves a write per request). */
  readonly touchEverySeconds: number;
  readonly argon2: { readonly memoryCost: number; readonly timeCost: number; readonly parallelism: number };
  /** Login attempts are kept this long for the audit (等保 asks for at least six months). */
  readonly keepAttemptsDays: number;
}

export const DEFAULT_ACCESS_POLICY: AccessPolicy = {
  user: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
  sessionIdleMinutes: 120,
  sessionMaxHours: 12,
  touchEverySeconds: 60,
  argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
  keepAttemptsDays: 200,
};

export type AccessPolicyOverrides = {
  readonly [K in keyof AccessPolicy]?: AccessPolicy[K] extends object
    ? Partial<AccessPolicy[K]>
    : AccessPolicy[K];
};

export function accessPolicy(overrides: AccessPolicyOverrides = {}): AccessPolicy {
  const d = DEFAULT_ACCESS_POLICY;
  return {
    user: { ...d.user, ...overrides.user },
    ip: { ...d.ip, ...overrides.ip },
    sessionIdleMinutes: overrides.sessionIdleMinutes ?? d.sessionIdleMinutes,
    sessionMaxHours: overrides.sessionMaxHours ?? d.sessionMaxHours,
    touchEverySeconds: overrides.touchEverySeconds ?? d.touchEverySeconds,
    argon2: { ...d.argon2, ...overrides.argon2 },
    keepAttemptsDays: overrides.keepAttemptsDays ?? d.keepAttemptsDays,
  };
}
