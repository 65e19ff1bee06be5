import type { Role } from '@suocha/core';
import type { Store } from '../db';
import type { DepartmentsTable } from './schema';

export interface Department {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** A user as stored, with the path and name of the scope unit (for scope checks and display). */
export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scopeUnit: string;
  readonly scopeUnitName: string;
  readonly scopeUnitLevel: string;
  readonly scopePath: string;
  readonly departmentCode: string | null;
  readonly passwordHash: string;
  readonly active: boolean;
  readonly createdAt: string;
  readonly passwordChangedAt: string;
  readonly lastLoginAt: string | null;
}

export interface NewUserRow {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scopeUnit: string;
  readonly departmentCode: string | null;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface UserChanges {
  readonly displayName?: string;
  readonly role?: Role;
  readonly scopeUnit?: string;
  readonly departmentCode?: string | null;
  readonly active?: boolean;
  readonly passwordHash?: string;
  readonly passwordChangedAt?: string;
  readonly lastLoginAt?: string;
}

const toDepartment = (r: DepartmentsTable): Department => ({
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
});

export async function listDepartments(store: Store): Promise<Department[]> {
  const rows = await store.db.selectFrom('departments').selectAll().orderBy('code').execute();
  return rows.map(toDepartment);
}

export async function getDepartment(store: Store, code: string): Promise<Department | undefined> {
  const r = await store.db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toDepartment(r) : undefined;
}

/** Inserts a department; false when the code exists already (nothing changed). */
export async function insertDepartment(store: Store, d: Department, createdAt: string): Promise<boolean> {
  const r = await store.db
    .insertInto('departments')
    .values({ code: d.code, name_zh: d.nameZh, name_en: d.nameEn, created_at: createdAt })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The user's columns and scope unit, as every query that reads a user (`s`) joined to its unit (`u`) selects them. */
export const USER_COLUMNS = [
  's.id',
  's.username',
  's.display_name',
  's.role',
  's.scope_unit',
  'u.name as unit_name',
  'u.level as unit_level',
  'u.path as unit_path',
  's.department_code',
  's.password_hash',
  's.active',
  's.created_at',
  's.password_changed_at',
  's.last_login_at',
] as const;

function usersQuery(store: Store) {
  return store.db
    .selectFrom('users as s')
    .innerJoin('units as u', 'u.code', 's.scope_unit')
    .select(USER_COLUMNS);
}

type UserJoinRow = Awaited<ReturnType<ReturnType<typeof usersQuery>['executeTakeFirstOrThrow']>>;

export function toUserRecord(r: UserJoinRow): UserRecord {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    scopeUnit: r.scope_unit,
    scopeUnitName: r.unit_name,
    scopeUnitLevel: r.unit_level,
    scopePath: r.unit_path,
    departmentCode: r.department_code,
    passwordHash: r.password_hash,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    passwordChangedAt: r.password_changed_at,
    lastLoginAt: r.last_login_at,
  };
}

export async function getUserById(store: Store, id: number): Promise<UserRecord | undefined> {
  const r = await usersQuery(store).where('s.id', '=', id).executeTakeFirst();
  return r ? toUserRecord(r) : undefined;
}

export async function getUserByUsername(store: Store, username: string): Promise<UserRecord | undefined> {
  const r = await usersQuery(store).where('s.username', '=', username).executeTakeFirst();
  return r ? toUserRecord(r) : undefined;
}

/** Users whose scope unit lies in the subtree `[from, to)` of materialised paths, by username. */
export async function listUsers(
  store: Store,
  within?: { readonly from: string; readonly to: string },
): Promise<UserRecord[]> {
  let q = usersQuery(store);
  if (within) q = q.where('u.path', '>=', within.from).where('u.path', '<', within.to);
  const rows = await q.orderBy('s.username').execute();
  return rows.map(toUserRecord);
}

/** Inserts a user; undefined when the username is taken. */
export async function insertUser(store: Store, u: NewUserRow): Promise<number | undefined> {
  const r = await store.db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      scope_unit: u.scopeUnit,
      department_code: u.departmentCode,
      password_hash: u.passwordHash,
      active: 1,
      created_at: u.createdAt,
      password_changed_at: u.createdAt,
      last_login_at: null,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

export async function updateUser(store: Store, id: number, c: UserChanges): Promise<boolean> {
  const values = {
    ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
    ...(c.role !== undefined ? { role: c.role } : {}),
    ...(c.scopeUnit !== undefined ? { scope_unit: c.scopeUnit } : {}),
    ...(c.departmentCode !== undefined ? { department_code: c.departmentCode } : {}),
    ...(c.active !== undefined ? { active: c.active ? 1 : 0 } : {}),
    ...(c.passwordHash !== undefined ? { password_hash: c.passwordHash } : {}),
    ...(c.passwordChangedAt !== undefined ? { password_changed_at: c.passwordChangedAt } : {}),
    ...(c.lastLoginAt !== undefined ? { last_login_at: c.lastLoginAt } : {}),
  };
  if (Object.keys(values).length === 0) return (await getUserById(store, id)) !== undefined;
  const r = await store.db.updateTable('users').set(values).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Active province administrators other than `exceptId` (so the last one cannot be removed). */
export async function countOtherActiveAdmins(store: Store, exceptId: number): Promise<number> {
  const r = await store.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'province_admin')
    .where('active', '=', 1)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
