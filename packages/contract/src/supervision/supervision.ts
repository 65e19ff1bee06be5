/**
 * 督办单 supervision orders (issue 8 §2, §5): issue by hand or from a proposal, a closed-loop workflow with a
 * deadline per step, escalation when a step is overdue, every transition kept.
 *
 * GET  /api/supervision/orders?state=&open=&overdue=&escalated=&role=addressee|issuer&unit=&asOf=
 * POST /api/supervision/orders                       issue (province_admin, city or county of the issuing level)
 * GET  /api/supervision/orders/:id?asOf=             detail with the timeline and the actions the caller may take
 * POST /api/supervision/orders/:id/transitions       { action, text? } — acknowledge, submit_plan, … close
 * GET  /api/supervision/proposals?asOf=              proposed orders from off-track targets, overdue tasks,
 *                                                    open warnings, red projects (evidence cited)
 * POST /api/supervision/proposals/confirm            a person confirms one proposal (may edit the text) → order
 * POST /api/supervision/escalations                  { asOf? } escalate every order overdue at its step (province_admin)
 * GET  /api/inbox?asOf=&windowDays=                  my inbox (orders by role + my overdue / due-soon tasks)
 *
 * Refusals: 400 BAD_REQUEST (bad input; `problems[].code` MISSING_TEXT, …), 403 FORBIDDEN with
 * `problems[0].code` NOT_ADDRESSEE or NOT_ISSUER_LEVEL, 409 CONFLICT with `problems[0].code`
 * ILLEGAL_TRANSITION (or STALE when another transition came first), 404 NOT_FOUND.
 */
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';
import { TaskRowSchema } from '../tasks/tasks';

export const OrderStateSchema = z.enum([
  'issued',
  'acknowledged',
  'plan_submitted',
  'in_progress',
  'reported_resolved',
  'closed',
]);
export type OrderStateDto = z.infer<typeof OrderStateSchema>;

export const OrderActionSchema = z.enum([
  'acknowledge',
  'submit_plan',
  'approve_plan',
  'reject_plan',
  'report_progress',
  'report_resolved',
  'send_back',
  'close',
]);
export type OrderActionDto = z.infer<typeof OrderActionSchema>;

/** The domain refusal codes carried in `error.problems[0].code`. */
export const SUPERVISION_REFUSALS = [
  'ILLEGAL_TRANSITION',
  'NOT_ADDRESSEE',
  'NOT_ISSUER_LEVEL',
  'MISSING_TEXT',
  'INVALID_TIME',
  'STALE',
  'NO_ADDRESSEE',
  'NO_DEADLINE',
  'PROPOSAL_NOT_FOUND',
] as const;

export const OrderPartySchema = z.object({
  unit: UnitCode,
  /** Department code (table departments) when the order goes to one department of the unit. */
  department: z.string().min(1).optional(),
});
export type OrderPartyDto = z.infer<typeof OrderPartySchema>;

/** A party with display names. */
export const OrderPartyViewSchema = z.object({
  unit: z.string(),
  unitName: z.string(),
  department: z.string().nullable(),
  departmentName: z.string().nullable(),
});
export type OrderPartyViewDto = z.infer<typeof OrderPartyViewSchema>;

/** Evidence cited by an order (core supervision/types.ts `OrderEvidence`). */
export const OrderEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('project'),
    projectCode: z.string(),
    projectName: z.string(),
    unit: z.string(),
    leadDepartment: z.string().exactOptional(),
    asOf: z.string(),
    light: z.enum(['green', 'yellow', 'red', 'none']),
    ruleId: z.string(),
    explanation: z.string(),
  }),
  z.object({
    kind: z.literal('target'),
    indicator: z.string(),
    indicatorName: z.string(),
    unit: z.string(),
    department: z.string().exactOptional(),
    targetYear: z.number(),
    targetValue: z.number(),
    latestValue: z.number(),
    period: z.string(),
    progressClass: z.enum([
      'achieved',
      'on_track',
      'needs_acceleration',
      'limited_progress',
      'moving_away',
      'no_data',
    ]),
  }),
  z.object({
    kind: z.literal('task'),
    taskCode: z.string(),
    title: z.string(),
    unit: z.string().exactOptional(),
    leadDepartment: z.string().exactOptional(),
    milestoneId: z.string().exactOptional(),
    milestoneTitle: z.string().exactOptional(),
    dueDate: z.string(),
    daysLeft: z.number(),
  }),
  z.object({
    kind: z.literal('warning'),
    id: z.string(),
    unit: z.string(),
    department: z.string().exactOptional(),
    severity: z.enum(['info', 'warning', 'severe']),
    message: z.string(),
  }),
]);
export type OrderEvidenceDto = z.infer<typeof OrderEvidenceSchema>;

/** Days allowed per open step; the in_progress step runs to the order's dueDate. */
export const StepDaysSchema = z.object({
  issued: z.number().int().min(1).max(365),
  acknowledged: z.number().int().min(1).max(365),
  plan_submitted: z.number().int().min(1).max(365),
  in_progress: z.number().int().min(1).max(365),
  reported_resolved: z.number().int().min(1).max(365),
});
export type StepDaysDto = z.infer<typeof StepDaysSchema>;

export const IssueOrderInput = z.object({
  title: z.string().trim().min(1, '督办事项不能为空 (title required)'),
  requirement: z.string().trim().min(1, '督办要求不能为空 (requirement text required)'),
  addressee: OrderPartySchema,
  /** 整改时限: deadline of the rectification (in_progress) step; required. */
  dueDate: IsoDate,
  /** Per-step deadlines in days; missing steps take the defaults (3/7/5/30/10). */
  stepDays: StepDaysSchema.partial().optional(),
  evidence: z.array(OrderEvidenceSchema).optional(),
  /** Issue for this level instead of the caller's own scope unit (must be the caller's own unit). */
  issuer: OrderPartySchema.optional(),
});
export type IssueOrderInputDto = z.infer<typeof IssueOrderInput>;

export const TransitionInput = z.object({
  action: OrderActionSchema,
  text: z.string().optional(),
});
export type TransitionInputDto = z.infer<typeof TransitionInput>;

export const OrderEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.union([OrderActionSchema, z.enum(['issue', 'escalate'])]),
  /** Zh label of the action (签收, 报送整改方案 …). */
  actionName: z.string(),
  from: OrderStateSchema.nullable(),
  to: OrderStateSchema,
  /** User id (as text) or `system` for escalations. */
  actorId: z.string(),
  actorName: z.string(),
  actorUnit: z.string(),
  text: z.string().nullable(),
  escalatedTo: z.string().nullable(),
});
export type OrderEventDto = z.infer<typeof OrderEventSchema>;

export const OrderOverdueSchema = z.object({
  deadline: z.string(),
  daysOverdue: z.number(),
  responsible: z.enum(['addressee', 'issuer']),
});

export const OrderSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  issuer: OrderPartyViewSchema,
  addressee: OrderPartyViewSchema,
  issuedAt: z.string(),
  dueDate: z.string().nullable(),
  state: OrderStateSchema,
  stateName: z.string(),
  stateSince: z.string(),
  stateDeadline: z.string().nullable(),
  /** Overdue at the current step as of asOf; null when on time or closed. */
  overdue: OrderOverdueSchema.nullable(),
  /** Unit the current step was escalated to (flag), null when not escalated. */
  escalatedTo: z.string().nullable(),
  sendBackCount: z.number(),
  /** Key of the evidence when issued from a proposal. */
  proposalKey: z.string().nullable(),
  synthetic: z.boolean(),
});
export type OrderSummaryDto = z.infer<typeof OrderSummarySchema>;

export const OrderDetailSchema = OrderSummarySchema.extend({
  requirement: z.string(),
  evidence: z.array(OrderEvidenceSchema),
  stepDays: StepDaysSchema,
  timeline: z.array(OrderEventSchema),
  escalations: z.array(
    z.object({
      state: OrderStateSchema,
      stepSince: z.string(),
      deadline: z.string(),
      at: z.string(),
      fromUnit: z.string(),
      toUnit: z.string(),
    }),
  ),
  /** Actions the caller may take now (state × role). */
  allowedActions: z.array(OrderActionSchema),
  /** Which actions need a text. */
  textRequired: z.record(OrderActionSchema, z.boolean()),
  asOf: z.string(),
});
export type OrderDetailDto = z.infer<typeof OrderDetailSchema>;

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const OrderQuery = z.object({
  state: OrderStateSchema.optional(),
  /** Only orders not closed. */
  open: Flag.optional(),
  overdue: Flag.optional(),
  escalated: Flag.optional(),
  /** Orders where the caller is the addressee / the issuer. */
  role: z.enum(['addressee', 'issuer']).optional(),
  /** Orders whose addressee is this unit or in its subtree. */
  unit: UnitCode.optional(),
  asOf: IsoDate.optional(),
});
export type OrderQueryDto = z.infer<typeof OrderQuery>;

export const OrderListResponse = z.object({ asOf: z.string(), items: z.array(OrderSummarySchema) });
export type OrderListResponseDto = z.infer<typeof OrderListResponse>;

export const OrderProposalSchema = z.object({
  key: z.string(),
  title: z.string(),
  requirement: z.string(),
  issuer: OrderPartyViewSchema,
  addressee: OrderPartyViewSchema,
  dueDate: z.string(),
  priority: z.enum(['high', 'normal']),
  evidence: z.array(OrderEvidenceSchema),
});
export type OrderProposalDto = z.infer<typeof OrderProposalSchema>;

export const ProposalQuery = z.object({
  asOf: IsoDate.optional(),
  /** Which kinds of evidence to scan; default all. */
  kinds: z
    .string()
    .regex(/^(project|target|task|warning)(,(project|target|task|warning))*$/)
    .optional(),
});

export const ProposalListResponse = z.object({
  asOf: z.string(),
  items: z.array(OrderProposalSchema),
  /** Red projects are read through `RedProjectSource`; false until the projects module is wired. */
  projectsWired: z.boolean(),
});
export type ProposalListResponseDto = z.infer<typeof ProposalListResponse>;

export const ConfirmProposalInput = z.object({
  key: z.string().min(1),
  asOf: IsoDate.optional(),
  /** Edits by the confirming person; defaults are the proposal's. */
  title: z.string().trim().min(1).optional(),
  requirement: z.string().trim().min(1).optional(),
  dueDate: IsoDate.optional(),
  addressee: OrderPartySchema.optional(),
  stepDays: StepDaysSchema.partial().optional(),
});
export type ConfirmProposalInputDto = z.infer<typeof ConfirmProposalInput>;

export const EscalationInput = z.object({ asOf: IsoDate.optional() });
export const EscalationResponse = z.object({
  asOf: z.string(),
  escalated: z.array(z.object({ orderId: z.string(), toUnit: z.string(), daysOverdue: z.number() })),
});
export type EscalationResponseDto = z.infer<typeof EscalationResponse>;

export const InboxQuery = z.object({
  asOf: IsoDate.optional(),
  windowDays: z.coerce.number().int().min(0).max(365).optional(),
});

export const InboxResponse = z.object({
  asOf: z.string(),
  /** Orders addressed to me whose next step is mine (签收, 方案, 整改, 办结). */
  toRespond: z.array(OrderSummarySchema),
  /** Orders my level issued that wait for my review (方案审核, 核查销号). */
  toReview: z.array(OrderSummarySchema),
  /** Orders escalated to my unit. */
  escalatedToMe: z.array(OrderSummarySchema),
  /** Other open orders I issued or received (waiting for the other side). */
  watching: z.array(OrderSummarySchema),
  /** My overdue and due-soon tasks (lead/co-department, or concerning my unit). */
  tasks: z.array(TaskRowSchema),
});
export type InboxResponseDto = z.infer<typeof InboxResponse>;
