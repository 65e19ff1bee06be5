/**
 * The access rules, one pure function per question, so the whole matrix can be tested cell by cell
 * (issue 3 §7). Modelled on DHIS2: users are attached to an organisation unit and act on its subtree;
 * approval is done by the level above; a locked value changes only after the approver reopens it.
 */
import type { Actor } from './actor';

/** The resource an action touches: a unit (by path) and, for data values, the indicator's owner department. */
export interface Resource {
  readonly unitPath: string;
  readonly indicatorDepartment?: string | null;
}

export type Action =
  /** See values, targets, projects, … of the unit. */
  | 'read'
  /** Enter, change or submit draft values of the unit. */
  | 'write'
  /** Approve or return submitted values of the unit (the level above). */
  | 'approve'
  /** Reopen approved/locked values with a reason (the approver's level). */
  | 'reopen'
  /** Manage users, data sets, catalogue and targets. */
  | 'administer';

/** Whether `path` lies in the subtree rooted at `scopePath` (itself included). */
export function inScope(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath);
}

/** Whether `path` lies strictly below `scopePath`. */
export function strictlyBelow(scopePath: string, path: string): boolean {
  return path.length > scopePath.length && path.startsWith(scopePath);
}

export function can(actor: Actor, action: Action, r: Resource): boolean {
  const inside = inScope(actor.scopePath, r.unitPath);
  switch (actor.role) {
    case 'province_admin':
      return inside;
    case 'province_analyst':
      return action === 'read' && inside;
    case 'department': {
      const owns =
        r.indicatorDepartment !== undefined &&
        r.indicatorDepartment !== null &&
        r.indicatorDepartment === actor.department;
      if (action === 'read') return inside;
      return action === 'write' && inside && owns;
    }
    case 'city':
    case 'county':
      if (action === 'read') return inside;
      if (action === 'write') return inside;
      // The level above approves: a city approves its counties' values (a county its towns'), never its own.
      if (action === 'approve' || action === 'reopen') return strictlyBelow(actor.scopePath, r.unitPath);
      return false;
  }
}

/** Why an action is refused, for error messages (zh + en). */
export function refusal(actor: Actor, action: Action, r: Resource): string {
  if (!inScope(actor.scopePath, r.unitPath)) return `无权访问该区划 (outside your scope ${actor.scopeUnit})`;
  if (actor.role === 'province_analyst') return '分析员为只读账号 (analysts are read-only)';
  if (actor.role === 'department' && action === 'write')
    return "只能填报本部门负责的指标 (only your department's indicators)";
  if (action === 'approve' || action === 'reopen')
    return '只能由上一级审核 (approval is done by the level above)';
  return '无此权限 (not allowed)';
}
