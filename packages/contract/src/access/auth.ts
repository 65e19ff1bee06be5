/**
 * The authentication and user-administration API (issue 3). Session cookie `suocha_session` (HttpOnly,
 * SameSite=Strict); every POST/PUT/PATCH/DELETE made with it carries `x-csrf-token` (from login or
 * GET /api/auth/me); machine clients send `Authorization: Bearer sc_…` instead and need no CSRF token.
 */
import { z } from 'zod';
import type { Role } from '@suocha/core';
import { UnitCode } from '../common';

export const ROLE_CODES = ['province_admin', 'province_analyst', 'department', 'city', 'county'] as const;
export const RoleSchema = z.enum(ROLE_CODES);
export type RoleDto = z.infer<typeof RoleSchema>;
// The contract's role list is core's role list: a compile error here means they drifted apart.
const sameRoles: [RoleDto, Role] extends [Role, RoleDto] ? true : never = true;
void sameRoles;

export const DepartmentSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type DepartmentDto = z.infer<typeof DepartmentSchema>;

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  roleName: z.object({ zh: z.string(), en: z.string() }),
  scopeUnit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  department: DepartmentSchema.nullable(),
  active: z.boolean(),
  /** Set while the username is locked out after failed logins. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  passwordChangedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof UserSchema>;

/** POST /api/auth/login */
export const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1024),
});
export type LoginBodyDto = z.infer<typeof LoginBody>;

/** GET /api/auth/me, and the answer to a successful login (which also sets the cookie). */
export const MeSchema = z.object({
  user: UserSchema,
  via: z.enum(['session', 'token']),
  /** Echo in `x-csrf-token` on state-changing requests; null for token clients (they need none). */
  csrfToken: z.string().nullable(),
  /** When the session ends unless used; null for tokens. */
  expiresAt: z.string().nullable(),
});
export type MeDto = z.infer<typeof MeSchema>;

/** POST /api/auth/password → 204 (the other sessions of the user end). */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const UserIdParams = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/users (province_admin). Without `password`, one is generated and returned once. */
export const CreateUserBody = z.object({
  username: z.string().min(1).max(100),
  displayName: z.string().max(200),
  role: RoleSchema,
  scopeUnit: UnitCode,
  department: z.string().max(64).nullable().optional(),
  password: z.string().min(1).max(1024).optional(),
});

/** PATCH /api/users/:id (province_admin). `resetPassword: true` generates a password, returned once. */
export const UpdateUserBody = z
  .object({
    displayName: z.string().max(200).optional(),
    role: RoleSchema.optional(),
    scopeUnit: UnitCode.optional(),
    department: z.string().max(64).nullable().optional(),
    active: z.boolean().optional(),
    unlock: z.literal(true).optional(),
    resetPassword: z.union([z.literal(true), z.string().min(1).max(1024)]).optional(),
  })
  .strict();

/** Answer of POST /api/users (201) and PATCH /api/users/:id (200). */
export const UserChangeSchema = z.object({
  user: UserSchema,
  /** A generated password, shown this once; null otherwise. */
  password: z.string().nullable(),
});
export type UserChangeDto = z.infer<typeof UserChangeSchema>;

/** POST /api/departments (province_admin) → 201 DepartmentSchema. */
export const CreateDepartmentBody = z.object({
  code: z.string().max(64),
  nameZh: z.string().max(200),
  nameEn: z.string().max(200),
});

export const TokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first characters of the secret, to recognise it (`sc_AbCd12`). */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TokenDto = z.infer<typeof TokenSchema>;

/** POST /api/tokens (a logged-in user, for themselves). */
export const CreateTokenBody = z.object({
  name: z.string().max(200),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

/** Answer of POST /api/tokens (201): the secret is shown this once. */
export const CreatedTokenSchema = z.object({ token: TokenSchema, secret: z.string() });
export type CreatedTokenDto = z.infer<typeof CreatedTokenSchema>;

export const TokenIdParams = z.object({ id: z.coerce.number().int().positive() });
