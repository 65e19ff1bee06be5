/**
 * Which 督办 actions the signed-in user may take on an order, so the page offers only those. The server
 * decides (and refuses anything else with a clear error); this mirrors the closed-loop table of the core
 * rules (packages/core/src/supervision/workflow.ts, seed 000 §十四): the addressee responds (签收, 方案,
 * 进展, 办结), the issuer's level decides (同意/退回方案, 退回重办, 核查销号).
 */

export type OrderActionCode =
  | 'acknowledge'
  | 'submit_plan'
  | 'approve_plan'
  | 'reject_plan'
  | 'report_progress'
  | 'report_resolved'
  | 'send_back'
  | 'close';

interface ActionRule {
  readonly from: string;
  readonly by: 'addressee' | 'issuer';
  readonly textRequired: boolean;
}

/** Same rows, in the same order, as the core's ORDER_TRANSITIONS. */
export const ACTION_RULES: Readonly<Record<OrderActionCode, ActionRule>> = {
  acknowledge: { from: 'issued', by: 'addressee', textRequired: false },
  submit_plan: { from: 'acknowledged', by: 'addressee', textRequired: true },
  approve_plan: { from: 'plan_submitted', by: 'issuer', textRequired: false },
  reject_plan: { from: 'plan_submitted', by: 'issuer', textRequired: true },
  report_progress: { from: 'in_progress', by: 'addressee', textRequired: true },
  report_resolved: { from: 'in_progress', by: 'addressee', textRequired: true },
  send_back: { from: 'reported_resolved', by: 'issuer', textRequired: true },
  close: { from: 'reported_resolved', by: 'issuer', textRequired: true },
};

export const ACTION_CODES = Object.keys(ACTION_RULES) as OrderActionCode[];

export function isActionCode(value: string): value is OrderActionCode {
  return Object.hasOwn(ACTION_RULES, value);
}

/** A unit, optionally narrowed to one of its departments. */
export interface PartyRef {
  readonly unit: string;
  readonly department?: string | null | undefined;
}

/** Whether someone acting for `me` acts for `party`: same unit, and same department when one is named. */
export function actsFor(me: PartyRef, party: PartyRef): boolean {
  const dept = party.department ?? null;
  return me.unit === party.unit && (dept === null || (me.department ?? null) === dept);
}

/** Moves that go back a step (退回): shown apart from the forward moves. */
export const BACKWARD: ReadonlySet<OrderActionCode> = new Set(['reject_plan', 'send_back']);

export interface ActionOption {
  readonly action: OrderActionCode;
  readonly textRequired: boolean;
  readonly backward: boolean;
}

/**
 * The actions open to `me` on an order in `state`. When the server lists the actions itself (`allowed`),
 * that list wins (the server knows about escalation and roles); otherwise the table above is applied.
 */
export function availableActions(
  order: { readonly state: string; readonly issuer: PartyRef; readonly addressee: PartyRef },
  me: PartyRef | null,
  allowed?: readonly string[] | null,
): ActionOption[] {
  const codes =
    allowed !== null && allowed !== undefined
      ? ACTION_CODES.filter((a) => allowed.includes(a))
      : me === null
        ? []
        : ACTION_CODES.filter((a) => {
            const rule = ACTION_RULES[a];
            if (rule.from !== order.state) return false;
            return actsFor(me, rule.by === 'addressee' ? order.addressee : order.issuer);
          });
  return codes.map((action) => ({
    action,
    textRequired: ACTION_RULES[action].textRequired,
    backward: BACKWARD.has(action),
  }));
}
