/**
 * JSON file of a composite-index framework (县域评价 / 城乡一体融合高质量发展指数; METHODS.md §4): domains →
 * indicators with direction, weight, normalisation, outliers and imputation, and aggregation per level.
 * The parsed value has the shape of `Framework` in packages/core/src/index/types.ts (plus labels, notes
 * and sources). `validateFramework` lists every problem with a JSON path, so an editor can point at it.
 */
import { z } from 'zod';

export const FRAMEWORK_ISSUE_CODES = [
  'SCHEMA',
  'NEGATIVE_WEIGHT',
  'ZERO_WEIGHTS',
  'UNKNOWN_INDICATOR',
  'DUPLICATE_INDICATOR',
  'DUPLICATE_DOMAIN',
  'EMPTY_DOMAIN',
  'EMPTY_FRAMEWORK',
  'INVERTED_GOALPOSTS',
  'BAD_TARGET',
  'BAD_EFFICACY',
  'BAD_PERCENTILES',
  'BAD_THRESHOLD',
] as const;
export type FrameworkIssueCode = (typeof FRAMEWORK_ISSUE_CODES)[number];

export interface FrameworkIssue {
  /** JSON path of the offending value, e.g. `$.domains[0].indicators[2].weight`. */
  readonly path: string;
  readonly code: FrameworkIssueCode;
  readonly message: string;
}

const issue = (code: FrameworkIssueCode, message: string) => ({ message, params: { code } });

const Label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const Weight = z
  .number()
  .refine((w) => w >= 0, issue('NEGATIVE_WEIGHT', '权重不能为负 (weight must not be negative)'));

export const AggregationSchema = z.enum(['arithmetic', 'geometric']);
export const ImputationSchema = z.enum(['none', 'group_mean', 'last_period']);
export const DirectionSchema = z.enum(['up', 'down']);

export const NormalisationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('minmax') }),
  z.strictObject({ method: z.literal('zscore') }),
  z
    .strictObject({ method: z.literal('goalposts'), lo: z.number(), hi: z.number() })
    .refine(
      (g) => g.lo < g.hi,
      issue(
        'INVERTED_GOALPOSTS',
        '下限门槛须小于上限门槛 (goalposts: lo must be below hi; direction handles polarity)',
      ),
    ),
  z
    .strictObject({ method: z.literal('distance_to_target'), target: z.number() })
    .refine((t) => t.target > 0, {
      ...issue('BAD_TARGET', '目标值须大于0 (target must be > 0)'),
      path: ['target'],
    }),
  z.strictObject({ method: z.literal('rank') }),
  z.strictObject({ method: z.literal('efficacy'), target: z.number(), floor: z.number() }),
]);

export const OutliersSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z
    .strictObject({ method: z.literal('winsorise'), lower: z.number(), upper: z.number() })
    .refine(
      (o) => o.lower >= 0 && o.upper <= 100 && o.lower < o.upper,
      issue(
        'BAD_PERCENTILES',
        '缩尾百分位须满足 0 ≤ lower < upper ≤ 100 (winsorising percentiles: 0 ≤ lower < upper ≤ 100)',
      ),
    ),
]);

export const FrameworkIndicatorSchema = z
  .strictObject({
    code: z.string().min(1),
    direction: DirectionSchema,
    weight: Weight,
    normalisation: NormalisationSchema,
    outliers: OutliersSchema.optional(),
    imputation: ImputationSchema.optional(),
    name: Label.optional(),
    /** Where the indicator (and its goalpost or target) comes from, e.g. a seed file and section. */
    source: z.string().optional(),
  })
  .superRefine((ind, ctx) => {
    const nz = ind.normalisation;
    if (nz.method !== 'efficacy') return;
    const ok = nz.target !== nz.floor && (ind.direction === 'up') === nz.target > nz.floor;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['normalisation'],
        ...issue(
          'BAD_EFFICACY',
          '功效系数法:正向指标目标值须高于底线值,逆向指标须低于底线值 (efficacy: target above floor for up, below for down)',
        ),
      });
  });

export const FrameworkDomainSchema = z
  .strictObject({
    code: z.string().min(1),
    name: Label.optional(),
    weight: Weight,
    aggregation: AggregationSchema.optional(),
    indicators: z.array(FrameworkIndicatorSchema),
  })
  .superRefine((dom, ctx) => {
    if (dom.indicators.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['indicators'],
        ...issue('EMPTY_DOMAIN', '领域下没有指标 (domain has no indicators)'),
      });
    else if (dom.indicators.every((i) => i.weight === 0))
      ctx.addIssue({
        code: 'custom',
        path: ['indicators'],
        ...issue('ZERO_WEIGHTS', '领域内指标权重全为0 (all indicator weights are 0)'),
      });
  });

const checkFramework = (
  f: z.infer<typeof FrameworkBase>,
  ctx: z.RefinementCtx,
  known?: ReadonlySet<string>,
) => {
  if (f.domains.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['domains'],
      ...issue('EMPTY_FRAMEWORK', '框架没有领域 (framework has no domains)'),
    });
    return;
  }
  if (f.domains.every((d) => d.weight === 0))
    ctx.addIssue({
      code: 'custom',
      path: ['domains'],
      ...issue('ZERO_WEIGHTS', '领域权重全为0 (all domain weights are 0)'),
    });
  const domains = new Set<string>();
  const indicators = new Map<string, string>();
  f.domains.forEach((dom, k) => {
    if (domains.has(dom.code))
      ctx.addIssue({
        code: 'custom',
        path: ['domains', k, 'code'],
        ...issue('DUPLICATE_DOMAIN', `领域代码重复 (duplicate domain code) ${dom.code}`),
      });
    domains.add(dom.code);
    dom.indicators.forEach((ind, i) => {
      const path = ['domains', k, 'indicators', i, 'code'];
      const first = indicators.get(ind.code);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path,
          ...issue('DUPLICATE_INDICATOR', `指标重复 (duplicate indicator) ${ind.code}, first at ${first}`),
        });
      else indicators.set(ind.code, jsonPath(['domains', k, 'indicators', i]));
      if (known && !known.has(ind.code))
        ctx.addIssue({
          code: 'custom',
          path,
          ...issue('UNKNOWN_INDICATOR', `指标目录中没有该指标 (not in the indicator catalogue) ${ind.code}`),
        });
    });
  });
};

const FrameworkBase = z.strictObject({
  code: z.string().min(1),
  version: z.number().int().positive().optional(),
  name: Label.optional(),
  /** Provenance and caveats shown with every result of the framework. */
  note: Label.optional(),
  aggregation: z.strictObject({ indicators: AggregationSchema, domains: AggregationSchema }),
  imputation: ImputationSchema.optional(),
  coverageThreshold: z
    .number()
    .refine(
      (t) => t >= 0 && t <= 1,
      issue('BAD_THRESHOLD', '覆盖率门槛须在0–1之间 (coverage threshold must be in [0, 1])'),
    )
    .optional(),
  domains: z.array(FrameworkDomainSchema),
});

/** Schema of a framework file, without the catalogue check (see `frameworkSchemaFor`). */
export const FrameworkSchema = FrameworkBase.superRefine((f, ctx) => checkFramework(f, ctx));
export type FrameworkJson = z.infer<typeof FrameworkSchema>;

/** The schema plus a check that every indicator code is in `knownIndicatorCodes`. */
export function frameworkSchemaFor(knownIndicatorCodes: Iterable<string>) {
  const known = new Set(knownIndicatorCodes);
  return FrameworkBase.superRefine((f, ctx) => checkFramework(f, ctx, known));
}

/** `$.domains[0].indicators[2].weight` from a zod path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, p) =>
      typeof p === 'number'
        ? `${s}[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(p))
          ? `${s}.${String(p)}`
          : `${s}[${JSON.stringify(String(p))}]`,
    '$',
  );
}

function issueCode(params: unknown): FrameworkIssueCode {
  const code = (params as { code?: unknown } | undefined)?.code;
  return (FRAMEWORK_ISSUE_CODES as readonly unknown[]).includes(code)
    ? (code as FrameworkIssueCode)
    : 'SCHEMA';
}

/** Parse a framework file, or list every problem with its JSON path. */
export function parseFramework(
  json: unknown,
  knownIndicatorCodes: Iterable<string>,
):
  | { readonly ok: true; readonly framework: FrameworkJson }
  | { readonly ok: false; readonly issues: readonly FrameworkIssue[] } {
  const r = frameworkSchemaFor(knownIndicatorCodes).safeParse(json);
  if (r.success) return { ok: true, framework: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      path: jsonPath(i.path),
      code: i.code === 'custom' ? issueCode(i.params) : 'SCHEMA',
      message: i.message,
    })),
  };
}

/** Every problem of a framework file (empty when it is valid), each with a JSON path. */
export function validateFramework(
  json: unknown,
  knownIndicatorCodes: Iterable<string>,
): readonly FrameworkIssue[] {
  const r = parseFramework(json, knownIndicatorCodes);
  return r.ok ? [] : r.issues;
}
