import type { Actor } from '@suocha/core';
import type { UserRecord } from '@suocha/store';

/** Who is acting, from the stored user (its role, scope path and department). */
export function actorFor(user: UserRecord, via: Actor['via']): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    scopeUnit: user.scopeUnit,
    scopePath: user.scopePath,
    department: user.departmentCode,
    via,
  };
}
