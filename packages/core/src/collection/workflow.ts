/**
 * The approval workflow of a form (one data set × unit × period) and of its values (issue 3 §4), as in
 * DHIS2 data approval: the reporting unit enters and submits; the level above approves or returns; an
 * approved form is locked; a locked (or approved) form changes only after the approver's level reopens
 * it with a reason. The table is data so that the UI can list the allowed actions and the tests can walk
 * every state × action pair.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──lock──▶ locked
 *     ▲  ◀──return (reason)──┘                  │                 │
 *     └──────────────── reopen (reason) ────────┴─────────────────┘
 */
import type { Action } from '../access/permissions';
import { err, ok, type Result } from '../result';
import { FORM_ACTIONS, type FormAction, type FormState } from './types';

export interface FormTransitionRule {
  readonly from: readonly FormState[];
  readonly to: FormState;
  /** The permission (access/permissions.ts) the actor needs on the form's unit. */
  readonly permission: Action;
  readonly reasonRequired: boolean;
}

export const FORM_TRANSITIONS: Readonly<Record<FormAction, FormTransitionRule>> = {
  save: { from: ['draft'], to: 'draft', permission: 'write', reasonRequired: false },
  submit: { from: ['draft'], to: 'submitted', permission: 'write', reasonRequired: false },
  approve: { from: ['submitted'], to: 'approved', permission: 'approve', reasonRequired: false },
  return: { from: ['submitted'], to: 'draft', permission: 'approve', reasonRequired: true },
  lock: { from: ['approved'], to: 'locked', permission: 'approve', reasonRequired: false },
  reopen: { from: ['approved', 'locked'], to: 'draft', permission: 'reopen', reasonRequired: true },
};

/** Shortest reason accepted where one is required (a few characters of Chinese say enough). */
export const MIN_REASON_LENGTH = 2;

export interface WorkflowError {
  readonly code: 'ILLEGAL_TRANSITION' | 'REASON_REQUIRED';
  readonly message: string;
}

const STATE_ZH: Readonly<Record<FormState, string>> = {
  draft: '草稿',
  submitted: '已上报',
  approved: '已审核',
  locked: '已锁定',
};

/** The state after `action`, or why it is not allowed from `state`. */
export function transitionForm(
  state: FormState,
  action: FormAction,
  reason = '',
): Result<FormState, WorkflowError> {
  const rule = FORM_TRANSITIONS[action];
  if (!rule.from.includes(state))
    return err({
      code: 'ILLEGAL_TRANSITION',
      message: `${STATE_ZH[state]}状态下不能执行此操作 (cannot ${action} a ${state} form)`,
    });
  if (rule.reasonRequired && reason.trim().length < MIN_REASON_LENGTH)
    return err({ code: 'REASON_REQUIRED', message: `请填写原因 (a reason is required to ${action})` });
  return ok(rule.to);
}

/** Actions allowed from a state (by someone with the matching permission). */
export function formActionsFrom(state: FormState): FormAction[] {
  return FORM_ACTIONS.filter((a) => FORM_TRANSITIONS[a].from.includes(state));
}

/** Whether values of a form in this state may be entered or changed. */
export function valuesEditable(state: FormState): boolean {
  return FORM_TRANSITIONS.save.from.includes(state);
}

/** Whether the form counts as reported (submitted, approved or locked). */
export function isReported(state: FormState): boolean {
  return state !== 'draft';
}
