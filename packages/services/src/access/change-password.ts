import { err, ok, type Result } from '@suocha/core';
import { deleteUserSessions, getUserById, updateUser, type Store } from '@suocha/store';
import { invalid, type AccessError } from './errors';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import type { AccessPolicy } from './policy';
import { canonicalNow } from './time';

/**
 * A user changes their own password: the current one must be right, the new one must follow the rule and
 * differ. Every other session of the user ends (someone who knew the old password is logged out).
 */
export async function changePassword(
  store: Store,
  userId: number,
  input: { readonly currentPassword: string; readonly newPassword: string },
  now: string,
  policy: AccessPolicy,
  keepSessionId?: string,
): Promise<Result<{ endedSessions: number }, AccessError>> {
  const at = canonicalNow(now);
  const user = await getUserById(store, userId);
  if (!user) return err({ code: 'USER_NOT_FOUND', message: `用户 ${userId} 不存在 (no user ${userId})` });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    return err({ code: 'INVALID_CREDENTIALS', message: '当前密码错误 (the current password is wrong)' });
  const problems = passwordProblems(input.newPassword, user.username).map((message) => ({
    field: 'newPassword',
    code: 'WEAK_PASSWORD',
    message,
  }));
  if (input.newPassword === input.currentPassword)
    problems.push({
      field: 'newPassword',
      code: 'SAME_PASSWORD',
      message: '新密码不能与当前密码相同 (the new password must differ)',
    });
  if (problems.length) return err(invalid(problems));
  await updateUser(store, userId, {
    passwordHash: await hashPassword(input.newPassword, policy),
    passwordChangedAt: at,
  });
  return ok({ endedSessions: await deleteUserSessions(store, userId, keepSessionId) });
}
