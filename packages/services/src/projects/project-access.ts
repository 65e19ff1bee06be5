/**
 * Who may see and report which project (issue 7 §3): a user acts on projects whose owner unit lies in
 * their scope subtree; a department user additionally only on projects their department leads. Writing
 * follows core `can` (analysts never write).
 */
import { can, inScope, type Actor } from '@suocha/core';

export interface ProjectScopeFields {
  readonly ownerPath: string;
  readonly leadDepartment: string;
}

export function canSeeProject(actor: Actor, p: ProjectScopeFields): boolean {
  if (!inScope(actor.scopePath, p.ownerPath)) return false;
  return actor.role !== 'department' || actor.department === p.leadDepartment;
}

export function canReportProject(actor: Actor, p: ProjectScopeFields): boolean {
  return (
    canSeeProject(actor, p) &&
    can(actor, 'write', { unitPath: p.ownerPath, indicatorDepartment: p.leadDepartment })
  );
}
