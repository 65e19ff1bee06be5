/**
 * Who may see and report on a task (issue 8 §1, DESIGN.md roles): everybody logged in reads the
 * province-wide tasks and the tasks of units in their scope (and of the units above them, which concern
 * them too); a department user reports on the tasks its department leads or co-leads; a city or county
 * user on the tasks of its subtree; the provincial administrator on any; analysts only read.
 */
import { can, inScope, type Actor } from '@suocha/core';
import type { TaskRecord } from '@suocha/store';

export function canReadTask(actor: Actor, t: TaskRecord): boolean {
  if (t.unit === null) return true;
  return can(actor, 'read', { unitPath: t.unit.path }) || inScope(t.unit.path, actor.scopePath);
}

export function canUpdateTask(actor: Actor, t: TaskRecord): boolean {
  switch (actor.role) {
    case 'province_admin':
      return t.unit === null || inScope(actor.scopePath, t.unit.path);
    case 'province_analyst':
      return false;
    case 'department':
      return (
        actor.department !== null &&
        (t.leadDepartment?.code === actor.department ||
          t.coDepartments.some((d) => d.code === actor.department))
      );
    case 'city':
    case 'county':
      return t.unit !== null && inScope(actor.scopePath, t.unit.path);
  }
}

/** Whether the task is "mine" for the inbox: my department leads/co-leads it, or it concerns my subtree. */
export function isMyTask(actor: Actor, t: TaskRecord): boolean {
  if (actor.role === 'department')
    return (
      t.leadDepartment?.code === actor.department || t.coDepartments.some((d) => d.code === actor.department)
    );
  if (actor.role === 'province_admin' || actor.role === 'province_analyst') return true;
  return t.unit !== null && inScope(actor.scopePath, t.unit.path);
}
