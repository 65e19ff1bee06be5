/**
 * Traffic lights of project dispatch, with the rules as data — METHODS.md §5.
 *
 * Reconciliation of the two wordings: the issue says "completion ≥ 序时进度 green, 10–30 points behind
 * yellow, > 30 red", which leaves 0–10 points behind undefined; METHODS.md §5 says "gap ≤ 10 green".
 * METHODS governs: a project up to 10 points behind is green. Being on or ahead of schedule is the part
 * of that green band with gap ≤ 0; it gets its own rule id (`schedule.on_or_ahead`) so the explanation
 * can say which of the two green cases applied. Boundaries: gap = 10 is green, gap = 30 is yellow.
 *
 * Every light carries the id of the rule that produced it and the numbers it used, with a Chinese and an
 * English sentence, so a bulletin or a supervision order can quote it. The sentences are composed on
 * first read (and included by JSON.stringify): building text for 20,000 projects that nobody reads
 * would be most of the cost of a province-wide run.
 */
import { monthOrdinalOf } from './calendar';
import { scheduleGapPoints } from './schedule';

export type Light = 'green' | 'yellow' | 'red' | 'none';

export const LIGHT_ZH: Readonly<Record<Light, string>> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  none: '不适用',
};

/** Severity order used to take the worst of several lights; `none` never wins over a real light. */
export const LIGHT_SEVERITY: Readonly<Record<Light, number>> = { none: -1, green: 0, yellow: 1, red: 2 };

export interface LightRules {
  /** Identifies the rule set in explanations, so a changed configuration is visible in old outputs. */
  readonly id: string;
  readonly schedule: {
    /** Gap (序时进度 − completion rate, points) up to and including this is green. */
    readonly greenMaxGapPoints: number;
    /** Gap above green and up to and including this is yellow; above it red. */
    readonly yellowMaxGapPoints: number;
  };
  readonly start: {
    /** Months past the planned start month, not started, from which the light is yellow. */
    readonly yellowMinMonthsLate: number;
    /** … and from which it is red. */
    readonly redMinMonthsLate: number;
  };
}

/** The defaults of METHODS.md §5: ≤10 green, 10–30 yellow, >30 red; start 1–2 months late yellow, ≥3 red. */
export const DEFAULT_LIGHT_RULES: LightRules = {
  id: 'methods-5',
  schedule: { greenMaxGapPoints: 10, yellowMaxGapPoints: 30 },
  start: { yellowMinMonthsLate: 1, redMinMonthsLate: 3 },
};

export type LightRuleId =
  | 'schedule.on_or_ahead'
  | 'schedule.green_band'
  | 'schedule.yellow_band'
  | 'schedule.red_band'
  | 'schedule.no_plan'
  | 'schedule.cancelled'
  | 'start.started'
  | 'start.no_planned_start'
  | 'start.not_yet_due'
  | 'start.late_yellow'
  | 'start.late_red'
  | 'start.not_applicable'
  | 'start.invalid_month';

export interface LightExplanation {
  readonly kind: 'schedule' | 'start';
  readonly light: Light;
  readonly ruleId: LightRuleId;
  readonly rulesId: string;
  /** The numbers that produced the light (rates as fractions, gaps in points, months as counts). */
  readonly numbers: Readonly<Record<string, number>>;
  /** For start lights: the planned start month quoted in the text. */
  readonly plannedStart?: string;
  readonly zh: string;
  readonly en: string;
}

type Numbers = Readonly<Record<string, number>>;

const NO_NUMBERS: Numbers = Object.freeze({});

const pct = (x: number | undefined) => `${((x ?? Number.NaN) * 100).toFixed(1)}%`;
const pts = (x: number | undefined) => (x ?? Number.NaN).toFixed(1);

/** The Chinese or English sentence of an explanation, from its rule id and numbers. */
export function lightText(e: Omit<LightExplanation, 'zh' | 'en'>, lang: 'zh' | 'en'): string {
  const n = e.numbers;
  const zh = lang === 'zh';
  const facts = zh
    ? `完成率${pct(n.completionRate)}, 序时进度${pct(n.scheduleShare)}`
    : `completion ${pct(n.completionRate)}, schedule ${pct(n.scheduleShare)}`;
  const g = n.greenMaxGapPoints;
  const y = n.yellowMaxGapPoints;
  const gap = pts(n.gapPoints);
  const ps = e.plannedStart ?? '';
  const late = n.monthsLate;
  switch (e.ruleId) {
    case 'schedule.no_plan':
      return zh ? '无年度计划投资, 不评价序时进度' : 'No annual planned investment: schedule not judged';
    case 'schedule.cancelled':
      return zh ? '项目已取消, 不评价' : 'Cancelled: not judged';
    case 'schedule.on_or_ahead':
      return zh ? `${facts}, 达到或快于序时进度` : `${facts}: on or ahead of schedule`;
    case 'schedule.green_band':
      return zh
        ? `${facts}, 落后${gap}个百分点, 不超过${g}个百分点`
        : `${facts}: ${gap} points behind, within ${g}`;
    case 'schedule.yellow_band':
      return zh
        ? `${facts}, 落后${gap}个百分点, 超过${g}个且不超过${y}个百分点`
        : `${facts}: ${gap} points behind, more than ${g} and at most ${y}`;
    case 'schedule.red_band':
      return zh
        ? `${facts}, 落后${gap}个百分点, 超过${y}个百分点`
        : `${facts}: ${gap} points behind, more than ${y}`;
    case 'start.not_applicable':
      return zh ? '项目已竣工或取消, 不评价开工' : 'Completed or cancelled: start not judged';
    case 'start.started':
      return zh ? '已开工' : 'Started';
    case 'start.no_planned_start':
      return zh ? '无计划开工时间, 不评价开工' : 'No planned start month: start not judged';
    case 'start.invalid_month':
      return zh ? '月份无效, 不评价开工' : 'Invalid month: start not judged';
    case 'start.not_yet_due':
      return zh ? `计划${ps}开工, 尚未逾期` : `Planned to start ${ps}: not yet late`;
    case 'start.late_yellow':
      return zh
        ? `计划${ps}开工, 逾期${late}个月未开工`
        : `Planned to start ${ps}: ${late} month(s) late, not started`;
    case 'start.late_red':
      return zh
        ? `计划${ps}开工, 逾期${late}个月未开工, 达到${n.redMinMonthsLate}个月`
        : `Planned to start ${ps}: ${late} months late (≥ ${n.redMinMonthsLate}), not started`;
  }
}

/** One object shape for every explanation; the sentences are built on first read and then kept. */
class Explanation implements LightExplanation {
  #zh: string | undefined;
  #en: string | undefined;
  readonly plannedStart?: string;
  constructor(
    readonly kind: 'schedule' | 'start',
    readonly light: Light,
    readonly ruleId: LightRuleId,
    readonly rulesId: string,
    readonly numbers: Numbers,
    plannedStart?: string,
  ) {
    if (plannedStart !== undefined) this.plannedStart = plannedStart;
  }
  get zh(): string {
    return (this.#zh ??= lightText(this, 'zh'));
  }
  get en(): string {
    return (this.#en ??= lightText(this, 'en'));
  }
  toJSON() {
    return {
      kind: this.kind,
      light: this.light,
      ruleId: this.ruleId,
      rulesId: this.rulesId,
      numbers: this.numbers,
      ...(this.plannedStart === undefined ? {} : { plannedStart: this.plannedStart }),
      zh: this.zh,
      en: this.en,
    };
  }
}

/** Check that thresholds are ordered, so that lights stay monotone in completion and lateness. */
export function lightRulesProblems(rules: LightRules): readonly string[] {
  const out: string[] = [];
  const s = rules.schedule;
  const t = rules.start;
  if (!(s.greenMaxGapPoints <= s.yellowMaxGapPoints))
    out.push('schedule.greenMaxGapPoints must not exceed schedule.yellowMaxGapPoints');
  if (!(Number.isInteger(t.yellowMinMonthsLate) && t.yellowMinMonthsLate >= 1))
    out.push('start.yellowMinMonthsLate must be an integer ≥ 1');
  if (!(Number.isInteger(t.redMinMonthsLate) && t.redMinMonthsLate >= t.yellowMinMonthsLate))
    out.push('start.redMinMonthsLate must be an integer ≥ start.yellowMinMonthsLate');
  return out;
}

/**
 * Schedule light from 序时进度 and the completion rate — METHODS.md §5: gap = (序时进度 − rate)·100;
 * gap ≤ green max → green, ≤ yellow max → yellow, else red. No positive plan (rate null) → `none`.
 */
export function scheduleLight(
  scheduleShare: number,
  rate: number | null,
  rules: LightRules = DEFAULT_LIGHT_RULES,
): LightExplanation {
  if (rate === null)
    return new Explanation('schedule', 'none', 'schedule.no_plan', rules.id, { scheduleShare });
  const gap = scheduleGapPoints(scheduleShare, rate);
  const { greenMaxGapPoints: g, yellowMaxGapPoints: y } = rules.schedule;
  const numbers = {
    scheduleShare,
    completionRate: rate,
    gapPoints: gap,
    greenMaxGapPoints: g,
    yellowMaxGapPoints: y,
  };
  const [light, ruleId]: [Light, LightRuleId] =
    gap <= g
      ? ['green', gap <= 0 ? 'schedule.on_or_ahead' : 'schedule.green_band']
      : gap <= y
        ? ['yellow', 'schedule.yellow_band']
        : ['red', 'schedule.red_band'];
  return new Explanation('schedule', light, ruleId, rules.id, numbers);
}

/** The schedule "light" of a cancelled project: not judged. */
export function cancelledScheduleLight(rules: LightRules = DEFAULT_LIGHT_RULES): LightExplanation {
  return new Explanation('schedule', 'none', 'schedule.cancelled', rules.id, NO_NUMBERS);
}

export interface StartLightInput {
  /** Planned start month `YYYY-MM`, if the project has one. */
  readonly plannedStart?: string | undefined;
  readonly started: boolean;
  /** The month being judged, `YYYY-MM`. */
  readonly asOf: string;
  /** Cancelled or completed projects are not judged on starting. */
  readonly applicable?: boolean;
}

/**
 * Start light — METHODS.md §5: planned start month passed and not started; months late = asOf month −
 * planned start month; 1–2 months yellow, ≥ 3 red (thresholds from `rules.start`). Within the planned
 * month the project is not yet late (green).
 */
export function startLight(
  input: StartLightInput,
  rules: LightRules = DEFAULT_LIGHT_RULES,
): LightExplanation {
  if (input.applicable === false)
    return new Explanation('start', 'none', 'start.not_applicable', rules.id, NO_NUMBERS);
  if (input.started) return new Explanation('start', 'green', 'start.started', rules.id, NO_NUMBERS);
  const ps = input.plannedStart;
  if (ps === undefined)
    return new Explanation('start', 'none', 'start.no_planned_start', rules.id, NO_NUMBERS);
  const late = monthOrdinalOf(input.asOf) - monthOrdinalOf(ps);
  if (Number.isNaN(late))
    return new Explanation('start', 'none', 'start.invalid_month', rules.id, NO_NUMBERS);
  const { yellowMinMonthsLate: y, redMinMonthsLate: r } = rules.start;
  const numbers = { monthsLate: late, yellowMinMonthsLate: y, redMinMonthsLate: r };
  const [light, ruleId]: [Light, LightRuleId] =
    late < y
      ? ['green', 'start.not_yet_due']
      : late < r
        ? ['yellow', 'start.late_yellow']
        : ['red', 'start.late_red'];
  return new Explanation('start', light, ruleId, rules.id, numbers, ps);
}

/** The worse of two lights (red > yellow > green > none). */
export function worseLight(a: Light, b: Light): Light {
  return LIGHT_SEVERITY[a] >= LIGHT_SEVERITY[b] ? a : b;
}
