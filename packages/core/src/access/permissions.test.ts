import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor';
import { can, inScope, strictlyBelow, type Action } from './permissions';

const PROVINCE = '/100000/330000/';
const QUZHOU = '/100000/330000/330800/';
const KAIHUA = '/100000/330000/330800/330824/';
const HANGZHOU = '/100000/330000/330100/';
const SHANGCHENG = '/100000/330000/330100/330102/';

const actor = (role: Role, scopePath: string, department: string | null = null): Actor => ({
  userId: 1,
  username: role,
  role,
  scopeUnit: scopePath.split('/').filter(Boolean).at(-1) ?? '',
  scopePath,
  department,
  via: 'session',
});

describe('scope', () => {
  it('is a path prefix, and codes that share digits are not confused', () => {
    expect(inScope(QUZHOU, KAIHUA)).toBe(true);
    expect(inScope(QUZHOU, QUZHOU)).toBe(true);
    expect(strictlyBelow(QUZHOU, QUZHOU)).toBe(false);
    expect(inScope('/100000/330000/3308/', QUZHOU)).toBe(false);
  });
});

describe('the permission matrix', () => {
  // role, scope, action, unit, department of the indicator → allowed
  const cells: [Role, string, Action, string, string | null, boolean][] = [
    ['province_admin', PROVINCE, 'read', KAIHUA, null, true],
    ['province_admin', PROVINCE, 'write', KAIHUA, null, true],
    ['province_admin', PROVINCE, 'approve', QUZHOU, null, true],
    ['province_admin', PROVINCE, 'administer', PROVINCE, null, true],
    ['province_analyst', PROVINCE, 'read', KAIHUA, null, true],
    ['province_analyst', PROVINCE, 'write', KAIHUA, null, false],
    ['province_analyst', PROVINCE, 'approve', KAIHUA, null, false],
    ['department', PROVINCE, 'read', KAIHUA, 'agri', true],
    ['department', PROVINCE, 'write', PROVINCE, 'agri', true],
    ['department', PROVINCE, 'write', PROVINCE, 'health', false],
    ['department', PROVINCE, 'write', PROVINCE, null, false],
    ['department', PROVINCE, 'approve', PROVINCE, 'agri', false],
    ['city', QUZHOU, 'read', KAIHUA, null, true],
    ['city', QUZHOU, 'read', SHANGCHENG, null, false],
    ['city', QUZHOU, 'write', QUZHOU, null, true],
    ['city', QUZHOU, 'approve', KAIHUA, null, true],
    ['city', QUZHOU, 'approve', QUZHOU, null, false],
    ['city', QUZHOU, 'approve', SHANGCHENG, null, false],
    ['city', QUZHOU, 'reopen', KAIHUA, null, true],
    ['city', QUZHOU, 'administer', QUZHOU, null, false],
    ['county', KAIHUA, 'read', KAIHUA, null, true],
    ['county', KAIHUA, 'read', QUZHOU, null, false],
    ['county', KAIHUA, 'write', KAIHUA, null, true],
    ['county', KAIHUA, 'write', SHANGCHENG, null, false],
    ['county', KAIHUA, 'approve', KAIHUA, null, false],
    ['county', KAIHUA, 'approve', `${KAIHUA}330824100/`, null, true],
    ['city', HANGZHOU, 'write', KAIHUA, null, false],
  ];
  it.each(cells)('%s at %s: %s %s (dept %s) → %s', (role, scope, action, unit, dept, allowed) => {
    const department = role === 'department' ? 'agri' : null;
    expect(can(actor(role, scope, department), action, { unitPath: unit, indicatorDepartment: dept })).toBe(
      allowed,
    );
  });
});
