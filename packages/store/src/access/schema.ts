/**
 * Tables of the access module (issue 3): departments, users, sessions, API tokens and login throttling.
 * Secrets are never stored: sessions and tokens are kept as SHA-256 hashes of random 256-bit values,
 * passwords as argon2id hashes.
 */
import type { Generated } from 'kysely';
import type { Role } from '@suocha/core';

/** Provincial departments (省级部门) that own indicators and tasks. */
export interface DepartmentsTable {
  code: string;
  name_zh: string;
  name_en: string;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  /** Lower-case login name, unique. */
  username: string;
  display_name: string;
  role: Role;
  /** The unit whose subtree the user sees and edits (units.code). */
  scope_unit: string;
  /** Set for department users and only for them (checked by the database). */
  department_code: string | null;
  /** argon2id, PHC string. */
  password_hash: string;
  /** 1 = may log in; 0 = disabled (sessions and tokens stop working). */
  active: number;
  created_at: string;
  password_changed_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the 256-bit token in the cookie; the token itself is never stored. */
  id: string;
  user_id: number;
  /** Per-session secret the client echoes in `x-csrf-token` on state-changing requests. */
  csrf_token: string;
  created_at: string;
  /** Sliding: min(last use + idle timeout, creation + maximum lifetime). */
  expires_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}

/** Bearer tokens for machine clients; they act as their user (same role and scope). */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the whole secret `sc_…`, unique. */
  token_hash: string;
  /** The first characters of the secret, to recognise a token in lists (`sc_AbCd12`). */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

/**
 * Failure counters for lock-out and rate limiting, keyed `user:<username>` or `ip:<address>`. Keyed by the
 * name typed rather than by user row, so an unknown username is throttled exactly like a known one.
 */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  /** Start of the current counting window (first failure), null when no failures are counted. */
  window_start: string | null;
  locked_until: string | null;
}

export type LoginOutcome = 'ok' | 'bad_credentials' | 'locked' | 'rate_limited';

/** Log of login attempts (who, from where, when, outcome) for the security audit. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  at: string;
  username: string;
  ip: string;
  outcome: LoginOutcome;
}

export interface AccessTables {
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  login_attempts: LoginAttemptsTable;
}
