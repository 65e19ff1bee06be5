/**
 * Who is acting: a user or an API token, with a role and a scope unit (DESIGN.md "Users and their month";
 * issue 3). A user sees and edits only the subtree of the scope unit; a department user additionally only
 * the indicators its department owns.
 */
export const ROLES = ['province_admin', 'province_analyst', 'department', 'city', 'county'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, { readonly zh: string; readonly en: string }>> = {
  province_admin: { zh: '省级管理员', en: 'provincial administrator' },
  province_analyst: { zh: '省级分析员(只读)', en: 'provincial analyst (read-only)' },
  department: { zh: '省级部门用户', en: 'department user' },
  city: { zh: '设区市用户', en: 'city user' },
  county: { zh: '县(市、区)用户', en: 'county user' },
};

export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  /** Code of the scope unit and its materialised path (`/100000/330000/330100/`). */
  readonly scopeUnit: string;
  readonly scopePath: string;
  /** Department code, for department users. */
  readonly department: string | null;
  /** 'session' for a logged-in person, 'token' for a machine client. */
  readonly via: 'session' | 'token';
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
