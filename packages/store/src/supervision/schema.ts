/**
 * 督办单 supervision orders (issue 8 §2): table types. The order row holds the current state; every
 * transition is a row of `supervision_order_events` (who, when, what was said) and every escalation a row
 * of `supervision_escalations`. `version` is the number of events, checked on each write so that two
 * concurrent transitions cannot both apply.
 */
import type { Generated } from 'kysely';

export type OrderStateColumn =
  'issued' | 'acknowledged' | 'plan_submitted' | 'in_progress' | 'reported_resolved' | 'closed';

export interface SupervisionOrdersTable {
  id: Generated<number>;
  title: string;
  requirement: string;
  issuer_unit: string;
  issuer_department: string | null;
  addressee_unit: string;
  addressee_department: string | null;
  issued_at: string;
  /** 整改时限. */
  due_date: string;
  /** JSON: days allowed per open step. */
  step_days: string;
  /** JSON: the evidence records cited. */
  evidence: string;
  /** Key of the evidence when issued from a proposal (one open order per key). */
  proposal_key: string | null;
  state: OrderStateColumn;
  state_since: string;
  state_deadline: string | null;
  escalated_to: string | null;
  send_back_count: number;
  version: number;
  synthetic: number;
}

export interface SupervisionOrderEventsTable {
  id: Generated<number>;
  order_id: number;
  seq: number;
  at: string;
  action: string;
  from_state: OrderStateColumn | null;
  to_state: OrderStateColumn;
  /** users.id as text, or `system`. */
  actor_id: string;
  actor_name: string;
  actor_unit: string;
  text: string | null;
  escalated_to: string | null;
}

export interface SupervisionEscalationsTable {
  id: Generated<number>;
  order_id: number;
  state: OrderStateColumn;
  step_since: string;
  deadline: string;
  at: string;
  from_unit: string;
  to_unit: string;
}

export interface SupervisionTables {
  supervision_orders: SupervisionOrdersTable;
  supervision_order_events: SupervisionOrderEventsTable;
  supervision_escalations: SupervisionEscalationsTable;
}
