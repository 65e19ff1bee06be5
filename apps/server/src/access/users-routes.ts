/**
 * User and department administration: GET/POST /api/users, PATCH /api/users/:id (provincial
 * administrators, within their scope); GET /api/departments (anyone logged in), POST /api/departments.
 */
import {
  CreateDepartmentBody,
  CreateUserBody,
  UpdateUserBody,
  UserIdParams,
  type DepartmentDto,
  type UserChangeDto,
  type UserDto,
} from '@suocha/contract';
import { createDepartment, createUser, listUserViews, updateUser, type UserPatch } from '@suocha/services';
import { listDepartments, type Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../errors';
import { requireActor, requireAdministrator } from './guard';
import { accessHttpError } from './http-errors';
import type { AccessOptions } from './plugin';

export function usersRoutes(
  app: FastifyInstance,
  deps: { readonly store: Store },
  options: AccessOptions,
): void {
  const { store } = deps;

  app.get('/api/users', async (req): Promise<{ items: UserDto[] }> => {
    const actor = requireAdministrator(req);
    return { items: await listUserViews(store, options.now(), actor) };
  });

  app.post('/api/users', async (req, reply): Promise<UserChangeDto> => {
    const actor = requireAdministrator(req);
    const body = parseInput(CreateUserBody, req.body, 'user');
    const r = await createUser(
      store,
      {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        scopeUnit: body.scopeUnit,
        department: body.department ?? null,
        ...(body.password !== undefined ? { password: body.password } : {}),
      },
      options.now(),
      options.policy,
      actor,
    );
    if (!r.ok) throw accessHttpError(r.error);
    reply.status(201);
    return { user: r.value.user, password: r.value.generatedPassword };
  });

  app.patch('/api/users/:id', async (req): Promise<UserChangeDto> => {
    const actor = requireAdministrator(req);
    const { id } = parseInput(UserIdParams, req.params, 'user id');
    const body = parseInput(UpdateUserBody, req.body ?? {}, 'user change');
    const patch: UserPatch = {
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.scopeUnit !== undefined ? { scopeUnit: body.scopeUnit } : {}),
      ...(body.department !== undefined ? { department: body.department } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      ...(body.unlock !== undefined ? { unlock: body.unlock } : {}),
      ...(body.resetPassword !== undefined ? { resetPassword: body.resetPassword } : {}),
    };
    const r = await updateUser(store, id, patch, options.now(), options.policy, actor);
    if (!r.ok) throw accessHttpError(r.error);
    return { user: r.value.user, password: r.value.generatedPassword };
  });

  app.get('/api/departments', async (req): Promise<{ items: DepartmentDto[] }> => {
    requireActor(req);
    return { items: await listDepartments(store) };
  });

  app.post('/api/departments', async (req, reply): Promise<DepartmentDto> => {
    requireAdministrator(req);
    const body = parseInput(CreateDepartmentBody, req.body, 'department');
    const r = await createDepartment(store, body, options.now());
    if (!r.ok) throw accessHttpError(r.error);
    reply.status(201);
    return r.value;
  });
}
