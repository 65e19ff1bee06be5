/**
 * Roll-up of project metrics by any grouping — METHODS.md §5 applied to groups (unit subtree, category,
 * department, stage). Ratios of a group are ratios of sums (investment-weighted), never means of the
 * projects' ratios, so that a roll-up of a partition merges into exactly the roll-up of the whole.
 *
 * One pass over the projects; each project adds into the accumulator of each of its keys (a project
 * counts in its county, city and province when the key function returns its ancestor chain).
 */
import type { Light } from './lights';
import type { ProjectMetrics } from './project-metrics';

export interface LightTally {
  readonly count: number;
  readonly annualPlan: number;
  readonly ytdCompleted: number;
}

export interface RollupRow {
  readonly key: string;
  readonly count: number;
  readonly annualPlan: number;
  readonly ytdCompleted: number;
  /** Σ YTD / Σ annual plan; null when the group has no planned investment. */
  readonly completionRate: number | null;
  readonly lights: Readonly<Record<Light, LightTally>>;
  /** 新建项目 planned to start by asOf, and of those started. */
  readonly newStartDue: number;
  readonly newStartDone: number;
  /** 新建项目开工率 = started / planned to start by this month; null when none was due. */
  readonly startRate: number | null;
  /** Over projects with a monthly plan only: Σ PV, Σ EV and SPI = Σ EV / Σ PV. */
  readonly pv: number;
  readonly ev: number;
  readonly spi: number | null;
}

/** 新建项目开工率 — METHODS.md §5: new projects started / new projects planned to start by this month. */
export function startRate(started: number, plannedToStart: number): number | null {
  return plannedToStart > 0 ? started / plannedToStart : null;
}

/** Mutable accumulator: plain numeric fields so that V8 keeps one hidden class and the loop stays fast. */
class Acc {
  count = 0;
  annualPlan = 0;
  ytd = 0;
  newDue = 0;
  newDone = 0;
  pv = 0;
  ev = 0;
  gC = 0;
  gP = 0;
  gY = 0;
  yC = 0;
  yP = 0;
  yY = 0;
  rC = 0;
  rP = 0;
  rY = 0;
  nC = 0;
  nP = 0;
  nY = 0;

  add(m: ProjectMetrics): void {
    const p = m.annualPlan;
    const y = m.ytdCompleted;
    this.count++;
    this.annualPlan += p;
    this.ytd += y;
    if (m.newStartDue) this.newDue++;
    if (m.newStartDone) this.newDone++;
    if (m.pv !== null) {
      this.pv += m.pv;
      this.ev += y;
    }
    switch (m.light) {
      case 'green':
        this.gC++;
        this.gP += p;
        this.gY += y;
        break;
      case 'yellow':
        this.yC++;
        this.yP += p;
        this.yY += y;
        break;
      case 'red':
        this.rC++;
        this.rP += p;
        this.rY += y;
        break;
      case 'none':
        this.nC++;
        this.nP += p;
        this.nY += y;
        break;
    }
  }

  row(key: string): RollupRow {
    return {
      key,
      count: this.count,
      annualPlan: this.annualPlan,
      ytdCompleted: this.ytd,
      completionRate: this.annualPlan > 0 ? this.ytd / this.annualPlan : null,
      lights: {
        green: { count: this.gC, annualPlan: this.gP, ytdCompleted: this.gY },
        yellow: { count: this.yC, annualPlan: this.yP, ytdCompleted: this.yY },
        red: { count: this.rC, annualPlan: this.rP, ytdCompleted: this.rY },
        none: { count: this.nC, annualPlan: this.nP, ytdCompleted: this.nY },
      },
      newStartDue: this.newDue,
      newStartDone: this.newDone,
      startRate: startRate(this.newDone, this.newDue),
      pv: this.pv,
      ev: this.ev,
      spi: this.pv > 0 ? this.ev / this.pv : null,
    };
  }
}

/** A group key, or several (e.g. a unit and its ancestors) — duplicates within one project count once. */
export type RollupKey = (m: ProjectMetrics, index: number) => string | readonly string[];

/**
 * Group project metrics by `key` and total each group: count, annual plan, YTD completed, completion
 * rate, count and investment per light, 新建项目开工率, SPI — METHODS.md §5. Linear in projects × keys
 * per project. Rows come out in first-seen key order.
 */
export function rollUp(metrics: readonly ProjectMetrics[], key: RollupKey): RollupRow[] {
  const accs = new Map<string, Acc>();
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i] as ProjectMetrics;
    const k = key(m, i);
    if (typeof k === 'string') {
      addTo(accs, k, m);
    } else {
      for (let j = 0; j < k.length; j++) {
        const kj = k[j] as string;
        // Guard against a key function listing the same group twice for one project.
        if (k.indexOf(kj) === j) addTo(accs, kj, m);
      }
    }
  }
  const rows: RollupRow[] = [];
  for (const [k, a] of accs) rows.push(a.row(k));
  return rows;
}

function addTo(accs: Map<string, Acc>, k: string, m: ProjectMetrics): void {
  let a = accs.get(k);
  if (a === undefined) {
    a = new Acc();
    accs.set(k, a);
  }
  a.add(m);
}

/** The roll-up of all metrics as one group. */
export function rollUpAll(metrics: readonly ProjectMetrics[], key = 'all'): RollupRow {
  const a = new Acc();
  for (const m of metrics) a.add(m);
  return a.row(key);
}

const addTally = (a: LightTally, b: LightTally): LightTally => ({
  count: a.count + b.count,
  annualPlan: a.annualPlan + b.annualPlan,
  ytdCompleted: a.ytdCompleted + b.ytdCompleted,
});

/**
 * Merge two roll-up rows of disjoint sets of projects into the row of their union (sums add; ratios are
 * recomputed from the sums). Merging the rows of a partition gives the roll-up of the whole.
 */
export function mergeRollupRows(a: RollupRow, b: RollupRow, key = a.key): RollupRow {
  const annualPlan = a.annualPlan + b.annualPlan;
  const ytd = a.ytdCompleted + b.ytdCompleted;
  const due = a.newStartDue + b.newStartDue;
  const done = a.newStartDone + b.newStartDone;
  const pv = a.pv + b.pv;
  const ev = a.ev + b.ev;
  return {
    key,
    count: a.count + b.count,
    annualPlan,
    ytdCompleted: ytd,
    completionRate: annualPlan > 0 ? ytd / annualPlan : null,
    lights: {
      green: addTally(a.lights.green, b.lights.green),
      yellow: addTally(a.lights.yellow, b.lights.yellow),
      red: addTally(a.lights.red, b.lights.red),
      none: addTally(a.lights.none, b.lights.none),
    },
    newStartDue: due,
    newStartDone: done,
    startRate: startRate(done, due),
    pv,
    ev,
    spi: pv > 0 ? ev / pv : null,
  };
}
