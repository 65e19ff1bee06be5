/**
 * HTTP API of the dynamic classification (seed 000 §二(一) 实施山区海岛县分类动态调整机制; seed 004
 * 相对薄弱乡镇/相对薄弱村): rules over indicators and index results propose that a unit enter or leave a
 * group; an administrator accepts (from a date) or rejects each proposal. Nothing changes a membership
 * until it is accepted.
 */
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';
import { UnitLevelSchema } from '../hierarchy/units';
import { PeriodText } from './runs';

const GroupCode = z.string().regex(/^[a-z][a-z0-9_]*$/, '分组代码无效 (invalid group code)');
const RuleCode = z.string().regex(/^[a-z][a-z0-9_]*$/, '规则代码无效 (invalid rule code)');
export const ProposalDirectionSchema = z.enum(['enter', 'leave']);
export const ProposalStatusSchema = z.enum(['proposed', 'accepted', 'rejected']);

/**
 * An indicator compared with a threshold in each of the last `consecutive` comparable periods (e.g.
 * income relative to the province ≥ 100% two years running). `enter` looks at units outside the group,
 * `leave` at its members.
 */
export const IndicatorThresholdRule = z.strictObject({
  kind: z.literal('indicator_threshold'),
  code: RuleCode,
  group: GroupCode,
  direction: ProposalDirectionSchema,
  level: UnitLevelSchema,
  indicator: z.string().min(1),
  comparator: z.enum(['>=', '>', '<=', '<']),
  threshold: z.number(),
  consecutive: z.number().int().min(1).max(10).default(2),
  /** Where the threshold comes from (shown with every proposal). */
  basis: z.string().default(''),
});

/**
 * Index results of a run: `leave` proposes members scoring at or above the median of the non-members;
 * `enter` proposes non-members scoring at or below the median of the members.
 */
export const IndexScoreRule = z.strictObject({
  kind: z.literal('index_score'),
  code: RuleCode,
  group: GroupCode,
  direction: ProposalDirectionSchema,
  basis: z.string().default(''),
});

export const ClassificationRuleSchema = z.discriminatedUnion('kind', [
  IndicatorThresholdRule,
  IndexScoreRule,
]);
export type ClassificationRuleDto = z.infer<typeof ClassificationRuleSchema>;

/** POST /api/index/classification/proposals: run the rules (the defaults when none are given). */
export const ProposeRequest = z.strictObject({
  of: UnitCode,
  period: PeriodText,
  /** Membership is judged on this date (default: today). */
  asOf: IsoDate.optional(),
  /** The index run that `index_score` rules read (required when such a rule is used). */
  runId: z.number().int().positive().optional(),
  rules: z.array(ClassificationRuleSchema).min(1).optional(),
});

export const ProposalsQuery = z.object({
  status: ProposalStatusSchema.optional(),
  group: GroupCode.optional(),
  of: UnitCode.optional(),
});
export const ProposalParams = z.object({ id: z.coerce.number().int().positive() });
export const AcceptRequest = z.strictObject({
  effectiveDate: IsoDate,
  note: z.string().max(2000).default(''),
});
export const RejectRequest = z.strictObject({ note: z.string().max(2000).default('') });

const EvidenceInput = z.object({
  indicator: z.string(),
  unitCode: z.string(),
  period: z.string(),
  value: z.number(),
  version: z.number(),
  observationId: z.number(),
  synthetic: z.boolean(),
});

export const EvidenceSchema = z.object({
  summary: z.object({ zh: z.string(), en: z.string() }),
  basis: z.string(),
  /** indicator_threshold: each period judged, its value and the inputs it came from. */
  periods: z
    .array(
      z.object({
        period: z.string(),
        value: z.number().nullable(),
        comparator: z.string(),
        threshold: z.number(),
        met: z.boolean(),
        inputs: z.array(EvidenceInput),
      }),
    )
    .optional(),
  /** index_score: the unit's score and rank against the reference median. */
  index: z
    .object({
      runId: z.number(),
      score: z.number(),
      rank: z.number().nullable(),
      reference: z.number(),
      referenceLabel: z.string(),
    })
    .optional(),
});
export type EvidenceDto = z.infer<typeof EvidenceSchema>;

export const ProposalSchema = z.object({
  id: z.number(),
  groupCode: z.string(),
  groupName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  direction: ProposalDirectionSchema,
  rule: z.string(),
  evidence: EvidenceSchema,
  status: ProposalStatusSchema,
  period: z.string(),
  runId: z.number().nullable(),
  synthetic: z.boolean(),
  syntheticLabel: z.string().nullable(),
  proposedAt: z.string(),
  proposedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  decisionNote: z.string(),
});
export type ProposalDto = z.infer<typeof ProposalSchema>;
