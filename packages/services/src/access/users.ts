/**
 * Users and departments (issue 3): creation and changes with every rule checked first — a role fits the
 * level of its scope unit (county user → a county, city user → a city, provincial roles → a province),
 * department users have a department and nobody else does, an administrator manages only users inside
 * its own scope, and the last active provincial administrator cannot be disabled or demoted.
 */
import {
  can,
  err,
  isRole,
  ok,
  ROLE_NAMES,
  subtreeRange,
  type Actor,
  type Result,
  type Role,
  type UnitLevel,
} from '@suocha/core';
import {
  clearThrottle,
  countOtherActiveAdmins,
  deleteUserSessions,
  getDepartment,
  getThrottles,
  getUnit,
  getUnitPath,
  getUserById,
  insertDepartment,
  insertUser,
  listDepartments,
  listUsers,
  updateUser as storeUpdateUser,
  type Department,
  type UserChanges,
  type UserRecord,
  type Store,
} from '@suocha/store';
import { invalid, type AccessError, type FieldProblem } from './errors';
import { generatePassword, hashPassword, passwordProblems } from './passwords';
import type { AccessPolicy } from './policy';
import { lockedUntil } from './throttle';
import { canonicalNow } from './time';

/** The level of unit each role is attached to. */
export const ROLE_LEVEL: Readonly<Record<Role, UnitLevel>> = {
  province_admin: 'province',
  province_analyst: 'province',
  department: 'province',
  city: 'city',
  county: 'county',
};

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const DEPARTMENT_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

/** Login names are case-insensitive: stored and compared in lower case. */
export function normaliseUsername(s: string): string {
  return s.trim().toLowerCase();
}

export const throttleKeyOfUser = (username: string): string => `user:${username}`;

/** A user as the API shows it: no hash; role and scope unit with their names. */
export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleName: { readonly zh: string; readonly en: string };
  readonly scopeUnit: { readonly code: string; readonly name: string; readonly level: string };
  readonly department: Department | null;
  readonly active: boolean;
  /** Set while the username is locked out after failed logins. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly passwordChangedAt: string;
  readonly lastLoginAt: string | null;
}

export function toUserView(
  u: UserRecord,
  department: Department | null,
  locked: string | null = null,
): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleName: ROLE_NAMES[u.role],
    scopeUnit: { code: u.scopeUnit, name: u.scopeUnitName, level: u.scopeUnitLevel },
    department,
    active: u.active,
    lockedUntil: locked,
    createdAt: u.createdAt,
    passwordChangedAt: u.passwordChangedAt,
    lastLoginAt: u.lastLoginAt,
  };
}

/** The view of one user (with department and lock state). */
export async function getUserView(store: Store, id: number, now: string): Promise<UserView | undefined> {
  const u = await getUserById(store, id);
  if (!u) return undefined;
  const [dept, throttles] = await Promise.all([
    u.departmentCode ? getDepartment(store, u.departmentCode) : Promise.resolve(undefined),
    getThrottles(store, [throttleKeyOfUser(u.username)]),
  ]);
  const t = throttles.get(throttleKeyOfUser(u.username));
  return toUserView(u, dept ?? null, t ? lockedUntil(t, canonicalNow(now)) : null);
}

/** Users inside the actor's scope (all users without an actor), by username. */
export async function listUserViews(store: Store, now: string, by?: Actor): Promise<UserView[]> {
  const at = canonicalNow(now);
  const users = await listUsers(store, by ? subtreeRange(by.scopePath) : undefined);
  const [departments, throttles] = await Promise.all([
    listDepartments(store),
    getThrottles(
      store,
      users.map((u) => throttleKeyOfUser(u.username)),
    ),
  ]);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  return users.map((u) => {
    const t = throttles.get(throttleKeyOfUser(u.username));
    return toUserView(
      u,
      u.departmentCode ? (byCode.get(u.departmentCode) ?? null) : null,
      t ? lockedUntil(t, at) : null,
    );
  });
}

interface Assignment {
  readonly role: string;
  readonly scopeUnit: string;
  readonly department: string | null;
}

/** Role, scope unit and department fit together and (with an actor) lie inside the actor's scope. */
async function checkAssignment(
  store: Store,
  a: Assignment,
  by: Actor | undefined,
): Promise<{ problems: FieldProblem[]; outOfScope: boolean }> {
  const problems: FieldProblem[] = [];
  let outOfScope = false;
  if (!isRole(a.role)) {
    problems.push({
      field: 'role',
      code: 'UNKNOWN_ROLE',
      message: `未知角色 unknown role "${a.role}" (province_admin, province_analyst, department, city, county)`,
    });
  }
  const unit = await getUnit(store, a.scopeUnit);
  if (!unit) {
    problems.push({
      field: 'scopeUnit',
      code: 'UNKNOWN_UNIT',
      message: `区划 ${a.scopeUnit} 不存在 (no unit with code ${a.scopeUnit})`,
    });
  } else if (isRole(a.role) && unit.level !== ROLE_LEVEL[a.role]) {
    problems.push({
      field: 'scopeUnit',
      code: 'ROLE_SCOPE_MISMATCH',
      message: `${ROLE_NAMES[a.role].zh}的管辖区划须为${LEVEL_ZH[ROLE_LEVEL[a.role]]}级，${unit.name}是${LEVEL_ZH[unit.level]}级 (a ${a.role} user must be attached to a ${ROLE_LEVEL[a.role]}, ${a.scopeUnit} is a ${unit.level})`,
    });
  } else if (by) {
    const path = await getUnitPath(store, a.scopeUnit);
    if (path === undefined || !can(by, 'administer', { unitPath: path })) outOfScope = true;
  }
  if (a.role === 'department') {
    if (a.department === null) {
      problems.push({
        field: 'department',
        code: 'DEPARTMENT_REQUIRED',
        message: '部门用户须指定所属部门 (a department user needs a department)',
      });
    } else if (!(await getDepartment(store, a.department))) {
      problems.push({
        field: 'department',
        code: 'UNKNOWN_DEPARTMENT',
        message: `部门 ${a.department} 不存在 (no department ${a.department})`,
      });
    }
  } else if (a.department !== null) {
    problems.push({
      field: 'department',
      code: 'DEPARTMENT_NOT_ALLOWED',
      message: '只有部门用户才有所属部门 (only department users have a department)',
    });
  }
  return { problems, outOfScope };
}

const LEVEL_ZH: Readonly<Record<UnitLevel, string>> = {
  country: '国家',
  province: '省',
  city: '设区市',
  county: '县(市、区)',
  town: '乡镇(街道)',
  village: '村(社区)',
};

function checkDisplayName(displayName: string, problems: FieldProblem[]): string {
  const name = displayName.trim();
  if (name.length === 0 || name.length > 100)
    problems.push({
      field: 'displayName',
      code: 'INVALID_DISPLAY_NAME',
      message: '姓名须为 1–100 个字符 (display name: 1–100 characters)',
    });
  return name;
}

function checkNewPassword(password: string, username: string, field: string): FieldProblem[] {
  return passwordProblems(password, username).map((message) => ({ field, code: 'WEAK_PASSWORD', message }));
}

const outOfScope = (): AccessError => ({
  code: 'OUT_OF_SCOPE',
  message: '只能管理本辖区内的用户 (you can manage only users inside your scope)',
});

export interface NewUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly scopeUnit: string;
  readonly department?: string | null;
  /** Omitted: a password is generated and returned once. */
  readonly password?: string;
}

export interface CreatedUser {
  readonly user: UserView;
  /** The generated password, to be shown once; null when the caller gave one. */
  readonly generatedPassword: string | null;
}

/** Creates a user; `by` (an administrator) may only create users inside its own scope. */
export async function createUser(
  store: Store,
  input: NewUserInput,
  now: string,
  policy: AccessPolicy,
  by?: Actor,
): Promise<Result<CreatedUser, AccessError>> {
  if (by && by.role !== 'province_admin') return err(outOfScope());
  const at = canonicalNow(now);
  const problems: FieldProblem[] = [];
  const username = normaliseUsername(input.username);
  if (!USERNAME_PATTERN.test(username))
    problems.push({
      field: 'username',
      code: 'INVALID_USERNAME',
      message:
        '用户名为 2–64 位小写字母、数字或 . _ -，以字母或数字开头 (2–64 of a-z 0-9 . _ -, starting with a letter or digit)',
    });
  const displayName = checkDisplayName(input.displayName, problems);
  const department = input.department ?? null;
  const assignment = await checkAssignment(
    store,
    { role: input.role, scopeUnit: input.scopeUnit, department },
    by,
  );
  problems.push(...assignment.problems);
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? generated ?? '';
  problems.push(...checkNewPassword(password, username, 'password'));
  if (problems.length) return err(invalid(problems));
  if (assignment.outOfScope) return err(outOfScope());
  if (!isRole(input.role)) return err(invalid(problems));

  const id = await insertUser(store, {
    username,
    displayName,
    role: input.role,
    scopeUnit: input.scopeUnit,
    departmentCode: department,
    passwordHash: await hashPassword(password, policy),
    createdAt: at,
  });
  if (id === undefined)
    return err({ code: 'USERNAME_TAKEN', message: `用户名 ${username} 已被使用 (username taken)` });
  const user = await getUserView(store, id, at);
  if (!user) throw new Error(`user ${id} vanished after insert`);
  return ok({ user, generatedPassword: generated });
}

export interface UserPatch {
  readonly displayName?: string;
  readonly role?: string;
  readonly scopeUnit?: string;
  /** Omitted with a new non-department role: cleared. */
  readonly department?: string | null;
  readonly active?: boolean;
  /** Ends a lock-out after failed logins. */
  readonly unlock?: boolean;
  /** A new password set by the administrator, or `true` to generate one (returned once). */
  readonly resetPassword?: string | true;
}

/**
 * Changes a user. Disabling or resetting the password ends the user's sessions (tokens stop working while
 * disabled, since every use checks the user). Role and scope changes apply from the next request.
 */
export async function updateUser(
  store: Store,
  id: number,
  patch: UserPatch,
  now: string,
  policy: AccessPolicy,
  by?: Actor,
): Promise<Result<CreatedUser, AccessError>> {
  if (by && by.role !== 'province_admin') return err(outOfScope());
  const at = canonicalNow(now);
  const current = await getUserById(store, id);
  if (!current || (by && !can(by, 'administer', { unitPath: current.scopePath })))
    return err({ code: 'USER_NOT_FOUND', message: `用户 ${id} 不存在 (no user ${id})` });

  const problems: FieldProblem[] = [];
  const displayName =
    patch.displayName !== undefined ? checkDisplayName(patch.displayName, problems) : undefined;
  const role = patch.role ?? current.role;
  const scopeUnit = patch.scopeUnit ?? current.scopeUnit;
  const department =
    patch.department !== undefined ? patch.department : role === 'department' ? current.departmentCode : null;
  const assignmentChanged =
    role !== current.role || scopeUnit !== current.scopeUnit || department !== current.departmentCode;
  let scopeProblem = false;
  if (assignmentChanged) {
    const a = await checkAssignment(store, { role, scopeUnit, department }, by);
    problems.push(...a.problems);
    scopeProblem = a.outOfScope;
  }
  const generated = patch.resetPassword === true ? generatePassword() : null;
  const newPassword = typeof patch.resetPassword === 'string' ? patch.resetPassword : generated;
  if (typeof patch.resetPassword === 'string')
    problems.push(...checkNewPassword(patch.resetPassword, current.username, 'resetPassword'));
  if (problems.length) return err(invalid(problems));
  if (scopeProblem) return err(outOfScope());
  if (!isRole(role)) return err(invalid(problems));

  const stillAdmin = (patch.active ?? current.active) && role === 'province_admin';
  if (current.role === 'province_admin' && current.active && !stillAdmin) {
    if ((await countOtherActiveAdmins(store, id)) === 0)
      return err({
        code: 'LAST_ADMIN',
        message:
          '不能停用或降级最后一个省级管理员 (the last active provincial administrator cannot be disabled or demoted)',
      });
  }

  const changes: UserChanges = {
    ...(displayName !== undefined ? { displayName } : {}),
    ...(assignmentChanged ? { role, scopeUnit, departmentCode: department } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    ...(newPassword !== null
      ? { passwordHash: await hashPassword(newPassword, policy), passwordChangedAt: at }
      : {}),
  };
  await storeUpdateUser(store, id, changes);
  if (patch.active === false || newPassword !== null) await deleteUserSessions(store, id);
  if (patch.unlock === true || newPassword !== null)
    await clearThrottle(store, throttleKeyOfUser(current.username));
  const user = await getUserView(store, id, at);
  if (!user) throw new Error(`user ${id} vanished after update`);
  return ok({ user, generatedPassword: generated });
}

export interface DepartmentInput {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export async function createDepartment(
  store: Store,
  input: DepartmentInput,
  now: string,
): Promise<Result<Department, AccessError>> {
  const problems: FieldProblem[] = [];
  const d = { code: input.code.trim(), nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim() };
  if (!DEPARTMENT_PATTERN.test(d.code))
    problems.push({
      field: 'code',
      code: 'INVALID_CODE',
      message: '部门代码为 2–32 位小写字母、数字或 _，以字母开头 (2–32 of a-z 0-9 _, starting with a letter)',
    });
  for (const f of ['nameZh', 'nameEn'] as const)
    if (d[f].length === 0 || d[f].length > 100)
      problems.push({ field: f, code: 'INVALID_NAME', message: '名称须为 1–100 个字符 (1–100 characters)' });
  if (problems.length) return err(invalid(problems));
  if (!(await insertDepartment(store, d, canonicalNow(now))))
    return err({ code: 'DEPARTMENT_EXISTS', message: `部门 ${d.code} 已存在 (department exists)` });
  return ok(d);
}
