import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, normal } from '../random';
import type { HouseholdData } from './household-data';
import {
  createHouseholdWorkspace,
  householdMeasures,
  type HouseholdMeasures,
  type HouseholdOptions,
} from './household-measures';

function measure(data: HouseholdData, options: HouseholdOptions = {}): HouseholdMeasures {
  const r = householdMeasures(data, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** |a − b| ≤ tol·|b| + abs: relative agreement, with an absolute allowance for values near zero. */
const rel = (a: number, b: number, tol = 1e-9, abs = 1e-15) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.abs(b) + abs);

// Eight households, urban/rural and three cities, one zero and one negative income.
const SMALL: HouseholdData = {
  income: new Float64Array([12000, 30000, 45000, 0, 80000, 150000, 22000, -5000]),
  size: new Uint8Array([3, 2, 4, 1, 2, 3, 5, 2]),
  weight: new Float64Array([1.5, 1, 2, 1, 0.5, 1, 1.2, 0.8]),
  groups: {
    urban_rural: { codes: new Uint8Array([0, 0, 1, 1, 0, 0, 1, 1]), labels: ['urban', 'rural'] },
    city: { codes: new Int32Array([0, 1, 2, 0, 1, 2, 0, 1]), labels: ['A', 'B', 'C'] },
  },
};

describe('householdMeasures: golden values', () => {
  it('matches an independent NumPy computation on a small weighted sample', () => {
    // Computed with bench/gaps/numpy_gaps.py `measures(y, n, w, groups, low_line=25000, points=5)` (numpy
    // 2.4: argsort, cumsum, np.interp on the Lorenz points, bincount per group).
    const m = measure(SMALL, { lowIncomeLine: 25_000, lorenzPoints: 5 });
    expect(m.households).toBe(8);
    rel(m.persons, 27.1, 1e-15);
    rel(m.mean, 41623.61623616236, 1e-13);
    expect(m.median).toBe(30000);
    rel(m.gini!, 0.4863978958938525, 1e-13);
    rel(m.s80s20!, 22.983746130030944, 1e-12);
    rel(m.palma!, 3.168849391955098, 1e-12);
    const deciles = [
      -0.005921985815602836, 0.028829787234042566, 0.03796099290780143, 0.05285460992907802,
      0.05604609929078014, 0.08749999999999991, 0.10811170212765958, 0.10811170212765964, 0.16613475177304954,
      0.360372340425532,
    ];
    m.deciles!.share.forEach((s, k) => rel(s, deciles[k]!, 1e-12));
    const decileMeans = [
      -2464.9446494464937, 12000.000000000004, 15800.738007380078, 22000.0, 23328.41328413284,
      36420.664206642025, 45000.0, 45000.000000000015, 69151.29151291508, 150000.00000000003,
    ];
    m.deciles!.mean.forEach((s, k) => rel(s, decileMeans[k]!, 1e-12));
    const quintiles = [
      0.02290780141843973, 0.09081560283687945, 0.14354609929078005, 0.21622340425531922, 0.5265070921985815,
    ];
    m.quintiles!.share.forEach((s, k) => rel(s, quintiles[k]!, 1e-12));
    expect(m.lorenz!.population).toEqual([0, 0.25, 0.5, 0.75, 1]);
    [0, 0.03732269503546101, 0.16976950354609932, 0.41943705673758863, 1].forEach((v, k) =>
      rel(m.lorenz!.income[k]!, v, 1e-12),
    );
    const theil = m.theil!;
    rel(theil.theilT, 0.32011307044046466, 1e-12);
    rel(theil.theilL, 0.31014805958162295, 1e-12);
    const ur = theil.decompositions.urban_rural!;
    rel(ur.theilT.between, 0.03853447983774705, 1e-12);
    rel(ur.theilT.within, 0.2815785906027177, 1e-12);
    rel(ur.theilL.between, 0.03850177396886881, 1e-12);
    rel(ur.theilL.within, 0.27164628561275406, 1e-12);
    const city = theil.decompositions.city!;
    rel(city.theilT.between, 0.1730522928058417, 1e-12);
    rel(city.theilT.within, 0.14706077763462305, 1e-12);
    rel(city.theilL.between, 0.20392123686735683, 1e-12);
    rel(city.theilL.within, 0.10622682271426606, 1e-12);
    expect(city.groups.map((g) => [g.key, g.count])).toEqual([
      ['A', 2],
      ['B', 2],
      ['C', 2],
    ]);
    const atk = m.atkinson.map((a) => a.value!);
    rel(atk[0]!, 0.1809031212271185, 1e-12);
    rel(atk[1]!, 0.2666616295864095, 1e-12);
    rel(atk[2]!, 0.42856575507335737, 1e-12);
    rel(m.middleIncome.share, 0.44280442804428044, 1e-13);
    expect(m.middleIncome.households).toBe(3);
    rel(m.lowIncome!.share, 0.48339483394833943, 1e-13);
    expect(m.lowIncome!.households).toBe(4);
  });

  it("reproduces PySAL's Atkinson golden values for [10, 20, 30, 40, 50]", () => {
    // PySAL inequality test suite (unweighted): 0.0631534 for ε = 0.5, 0.1316096 for ε = 1.
    const m = measure({ income: new Float64Array([10, 20, 30, 40, 50]), size: new Uint8Array(5).fill(1) });
    expect(m.atkinson[0]!.value).toBeCloseTo(0.0631534, 7);
    expect(m.atkinson[1]!.value).toBeCloseTo(0.1316096, 7);
    // ε = 2 by hand: 1 − 1/mean(μ/y) with μ = 30: mean(3, 1.5, 1, 0.75, 0.6) = 1.37 → 0.270073.
    expect(m.atkinson[2]!.value).toBeCloseTo(1 - 1 / 1.37, 14);
    // Gini of 10..50 by hand: Σ|y_i − y_j| over ordered pairs = 400, /(2·25·30) = 0.2666….
    expect(m.gini).toBeCloseTo(400 / 1500, 14);
  });

  it('gives Gini 0.25 and median 2 for persons with incomes 1, 2, 3, 4 in any household layout', () => {
    // One household of 2 persons at y = 2 equals two single-person households at y = 2.
    const m = measure({
      income: new Float64Array([4, 2, 1, 3]),
      size: new Float64Array([1, 1, 1, 1]),
    });
    expect(m.gini).toBeCloseTo(0.25, 15);
    expect(m.median).toBe(2);
    const pairs = measure({ income: new Float64Array([2, 1]), size: new Uint8Array([2, 2]) });
    // Persons 1, 1, 2, 2: Σ|diff| over ordered pairs = 8; 8/(2·16·1.5) = 1/6.
    expect(pairs.gini).toBeCloseTo(1 / 6, 15);
  });

  it('is all zero inequality for equal incomes', () => {
    const m = measure({ income: new Float64Array(7).fill(31_000), size: new Uint8Array(7).fill(3) });
    expect(Math.abs(m.gini!)).toBeLessThan(1e-15);
    expect(Math.abs(m.theil!.theilT)).toBeLessThan(1e-15);
    expect(m.s80s20).toBeCloseTo(1, 12);
    expect(m.palma).toBeCloseTo(0.25, 12);
    m.deciles!.share.forEach((s) => expect(s).toBeCloseTo(0.1, 14));
    m.atkinson.forEach((a) => expect(Math.abs(a.value!)).toBeLessThan(1e-14));
  });
});

describe('householdMeasures: zero and negative incomes', () => {
  it('keeps them for Gini and shares, drops y ≤ 0 from Theil/Atkinson ε ≥ 1 and y < 0 from ε = 0.5, and counts them', () => {
    const m = measure(SMALL);
    // Household 4 (y = 0, 1 person, w 1) and household 8 (y = −5000, 2 persons, w 0.8).
    expect(m.theil!.excluded).toEqual({ households: 2, persons: 2.6, personShare: 2.6 / 27.1 });
    expect(m.atkinson[0]!.excluded).toEqual({ households: 1, persons: 1.6, personShare: 1.6 / 27.1 });
    expect(m.atkinson[1]!.excluded.households).toBe(2);
    expect(m.atkinson[2]!.excluded.households).toBe(2);
    // The Theil mean is over the included persons only.
    expect(m.theil!.mean).toBeCloseTo(
      (12000 * 4.5 + 30000 * 2 + 45000 * 8 + 80000 + 150000 * 3 + 22000 * 6) / 24.5,
      9,
    );
    // Gini uses every row: dropping the two rows changes it.
    const positive = measure({
      income: SMALL.income.filter((y) => y > 0),
      size: SMALL.size.filter((_, i) => SMALL.income[i]! > 0),
      weight: SMALL.weight!.filter((_, i) => SMALL.income[i]! > 0),
    });
    expect(positive.gini).not.toBeCloseTo(m.gini!, 3);
    expect(positive.theil!.theilT).toBeCloseTo(m.theil!.theilT, 13);
    expect(positive.atkinson[1]!.value).toBeCloseTo(m.atkinson[1]!.value!, 13);
  });

  it('returns null Theil and Lorenz measures when no income is positive', () => {
    const m = measure({ income: new Float64Array([0, -1, 0]), size: new Uint8Array([1, 2, 1]) });
    expect(m.theil).toBeNull();
    expect(m.gini).toBeNull();
    expect(m.lorenz).toBeNull();
    expect(m.atkinson.map((a) => a.value)).toEqual([null, null, null]);
    expect(m.atkinson[1]!.excluded.households).toBe(3);
  });
});

describe('householdMeasures: invalid input is an error value', () => {
  const one = { income: new Float64Array([1, 2]), size: new Uint8Array([1, 1]) };
  it.each([
    ['no households', { income: new Float64Array(0), size: new Uint8Array(0) }, {}, 'empty'],
    ['size length', { income: new Float64Array([1, 2]), size: new Uint8Array([1]) }, {}, 'length_mismatch'],
    ['weight length', { ...one, weight: new Float64Array([1]) }, {}, 'length_mismatch'],
    ['negative weight', { ...one, weight: new Float64Array([1, -1]) }, {}, 'negative_weight'],
    ['NaN income', { ...one, income: new Float64Array([1, Number.NaN]) }, {}, 'non_finite'],
    ['infinite income', { ...one, income: new Float64Array([Infinity, 1]) }, {}, 'non_finite'],
    ['zero size', { ...one, size: new Uint8Array([1, 0]) }, {}, 'invalid_size'],
    ['all weights zero', { ...one, weight: new Float64Array([0, 0]) }, {}, 'zero_total_weight'],
    [
      'group code out of range',
      { ...one, groups: { g: { codes: new Uint8Array([0, 2]), labels: ['a', 'b'] } } },
      {},
      'invalid_group_code',
    ],
    [
      'negative group code',
      { ...one, groups: { g: { codes: new Int32Array([-1, 0]), labels: ['a'] } } },
      {},
      'invalid_group_code',
    ],
    [
      'group length',
      { ...one, groups: { g: { codes: new Uint8Array([0]), labels: ['a'] } } },
      {},
      'length_mismatch',
    ],
    ['unknown grouping', one, { decompose: ['county'] }, 'unknown_grouping'],
    ['band', one, { middleIncome: { lower: 5, upper: 5 } }, 'invalid_option'],
    ['lorenz points', one, { lorenzPoints: 1 }, 'invalid_option'],
    ['low line', one, { lowIncomeLine: Number.NaN }, 'invalid_option'],
  ] as const)('%s', (_name, data, options, code) => {
    const r = householdMeasures(data as HouseholdData, options as HouseholdOptions);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
  it('locates the bad row', () => {
    const r = householdMeasures({ ...one, weight: new Float64Array([1, -3]) });
    expect(r).toMatchObject({ ok: false, error: { code: 'negative_weight', index: 1, field: 'weight' } });
  });
});

/** Straightforward implementations of every measure (O(n²) Gini, two-pass Theil, …) to compare with. */
function brute(data: HouseholdData, lowLine: number, points: number) {
  const n = data.income.length;
  const rows = Array.from({ length: n }, (_, i) => ({
    y: data.income[i]!,
    p: (data.weight ? data.weight[i]! : 1) * data.size[i]!,
    codes: Object.fromEntries(Object.entries(data.groups ?? {}).map(([k, g]) => [k, g.codes[i]!])),
  }));
  const sum = (xs: readonly { y: number; p: number }[], f: (r: { y: number; p: number }) => number) =>
    xs.reduce((s, r) => s + f(r), 0);
  const W = sum(rows, (r) => r.p);
  const Y = sum(rows, (r) => r.p * r.y);
  const mean = Y / W;
  let pairs = 0;
  for (const a of rows) for (const b of rows) pairs += a.p * b.p * Math.abs(a.y - b.y);
  const gini = pairs / (2 * W * W * mean);
  const sorted = [...rows].sort((a, b) => a.y - b.y);
  const lorenzAt = (q: number) => {
    if (q <= 0) return 0;
    let F = 0;
    let S = 0;
    for (const r of sorted) {
      const F2 = F + r.p / W;
      if (q <= F2 && r.p > 0) return S + ((q - F) * W * r.y) / Y;
      F = F2;
      S += (r.p * r.y) / Y;
    }
    return 1;
  };
  let cum = 0;
  let median = Number.NaN;
  for (const r of sorted) {
    cum += r.p;
    if (cum >= W / 2 && r.p > 0) {
      median = r.y;
      break;
    }
  }
  const pos = rows.filter((r) => r.y > 0);
  const theilOf = (xs: typeof rows) => {
    const P = sum(xs, (r) => r.p);
    const mu = sum(xs, (r) => r.p * r.y) / P;
    return {
      P,
      mu,
      T: sum(xs, (r) => (r.p / P) * (r.y / mu) * Math.log(r.y / mu)),
      L: sum(xs, (r) => (r.p / P) * Math.log(mu / r.y)),
    };
  };
  const all = theilOf(pos);
  const decompositions: Record<string, { bT: number; wT: number; bL: number; wL: number }> = {};
  for (const [name, g] of Object.entries(data.groups ?? {})) {
    let bT = 0;
    let wT = 0;
    let bL = 0;
    let wL = 0;
    g.labels.forEach((_, k) => {
      const members = pos.filter((r) => r.codes[name] === k);
      if (members.length === 0 || sum(members, (r) => r.p) === 0) return;
      const t = theilOf(members);
      const Pg = t.P / all.P;
      const Sg = (Pg * t.mu) / all.mu;
      bT += Sg * Math.log(t.mu / all.mu);
      wT += Sg * t.T;
      bL += Pg * Math.log(all.mu / t.mu);
      wL += Pg * t.L;
    });
    decompositions[name] = { bT, wT, bL, wL };
  }
  const nonneg = rows.filter((r) => r.y >= 0);
  const P0 = sum(nonneg, (r) => r.p);
  const mu0 = sum(nonneg, (r) => r.p * r.y) / P0;
  const atk05 = 1 - sum(nonneg, (r) => (r.p / P0) * Math.pow(r.y / mu0, 0.5)) ** 2;
  const atk1 = 1 - Math.exp(sum(pos, (r) => (r.p / all.P) * Math.log(r.y))) / all.mu;
  const atk2 = 1 - 1 / sum(pos, (r) => (r.p / all.P) * Math.pow(r.y / all.mu, -1));
  return {
    mean,
    gini,
    median,
    lorenz: Array.from({ length: points }, (_, k) => lorenzAt(k / (points - 1))),
    deciles: Array.from({ length: 10 }, (_, k) => lorenzAt((k + 1) / 10) - lorenzAt(k / 10)),
    quintiles: Array.from({ length: 5 }, (_, k) => lorenzAt((k + 1) / 5) - lorenzAt(k / 5)),
    s80s20: (1 - lorenzAt(0.8)) / lorenzAt(0.2),
    palma: (1 - lorenzAt(0.9)) / lorenzAt(0.4),
    theil: all,
    decompositions,
    atkinson: [atk05, atk1, atk2],
    middle: sum(rows, (r) => (r.y * 3 >= 100_000 && r.y * 3 < 500_000 ? r.p : 0)) / W,
    low: sum(rows, (r) => (r.y < lowLine ? r.p : 0)) / W,
  };
}

function compareWithBrute(data: HouseholdData, lowLine: number, tol: number) {
  const points = 21;
  const m = measure(data, { lowIncomeLine: lowLine, lorenzPoints: points });
  const b = brute(data, lowLine, points);
  const abs = 1e-14;
  rel(m.mean, b.mean, tol, abs);
  rel(m.gini!, b.gini, tol, abs);
  expect(m.median).toBe(b.median);
  m.lorenz!.income.forEach((v, k) => rel(v, b.lorenz[k]!, tol, abs));
  m.deciles!.share.forEach((v, k) => rel(v, b.deciles[k]!, tol, abs));
  m.quintiles!.share.forEach((v, k) => rel(v, b.quintiles[k]!, tol, abs));
  if (b.lorenz[4]! > 1e-9) rel(m.s80s20!, b.s80s20, 1e-7);
  if (b.lorenz[8]! > 1e-9) rel(m.palma!, b.palma, 1e-7);
  rel(m.theil!.theilT, b.theil.T, tol, abs);
  rel(m.theil!.theilL, b.theil.L, tol, abs);
  for (const [name, d] of Object.entries(b.decompositions)) {
    const got = m.theil!.decompositions[name]!;
    rel(got.theilT.between, d.bT, tol, abs);
    rel(got.theilT.within, d.wT, tol, abs);
    rel(got.theilL.between, d.bL, tol, abs);
    rel(got.theilL.within, d.wL, tol, abs);
  }
  m.atkinson.forEach((a, k) => rel(a.value!, b.atkinson[k]!, tol, abs));
  rel(m.middleIncome.share, b.middle, tol, abs);
  rel(m.lowIncome!.share, b.low, tol, abs);
}

/** Seeded synthetic households: lognormal incomes rounded to yuan (ties), some zero/negative rows. */
function synthetic(seed: number, n: number): HouseholdData {
  const rng = mulberry32(seed);
  const income = new Float64Array(n);
  const size = new Uint8Array(n);
  const weight = new Float64Array(n);
  const area = new Uint8Array(n);
  const city = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng();
    income[i] =
      u < 0.02 ? 0 : u < 0.03 ? -Math.round(rng() * 5000) : Math.round(Math.exp(10.4 + 0.6 * normal(rng)));
    size[i] = 1 + Math.floor(rng() * 6);
    weight[i] = 0.2 + rng() * 3;
    area[i] = rng() < 0.7 ? 0 : 1;
    city[i] = Math.floor(rng() * 11);
  }
  return {
    income,
    size,
    weight,
    groups: {
      urban_rural: { codes: area, labels: ['urban', 'rural'] },
      city: { codes: city, labels: Array.from({ length: 11 }, (_, k) => `c${k}`) },
    },
  };
}

describe('householdMeasures against straightforward implementations', () => {
  it('agrees on 2 500 seeded synthetic households to 1e-9', () => {
    compareWithBrute(synthetic(11, 2500), 25_000, 1e-9);
  });
  it('agrees on random small samples (fast-check)', () => {
    const household = fc.record({
      y: fc.oneof(
        fc.integer({ min: -1000, max: 300_000 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.constant(0),
      ),
      n: fc.integer({ min: 1, max: 6 }),
      w: fc.oneof(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.constant(1)),
      g: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(household, { minLength: 1, maxLength: 80 }), (hs) => {
        const data: HouseholdData = {
          income: Float64Array.from(hs, (h) => h.y),
          size: Uint8Array.from(hs, (h) => h.n),
          weight: Float64Array.from(hs, (h) => h.w),
          groups: { g: { codes: Uint8Array.from(hs, (h) => h.g), labels: ['a', 'b', 'c'] } },
        };
        const positives = hs.filter((h) => h.y > 0).length;
        const total = hs.reduce((s, h) => s + h.y * h.n * h.w, 0);
        fc.pre(positives > 0 && total > 1e-6 * hs.reduce((s, h) => s + Math.abs(h.y) * h.n * h.w, 0));
        compareWithBrute(data, 20_000, 1e-8);
      }),
      { numRuns: 150 },
    );
  });
  it('decomposes by more than four groupings at once (several passes) with the same results', () => {
    const base = synthetic(5, 3000);
    const g = base.groups!;
    const many: HouseholdData = {
      ...base,
      groups: { a: g.city!, b: g.urban_rural!, c: g.city!, d: g.urban_rural!, e: g.city!, f: g.urban_rural! },
    };
    const all = measure(many);
    const one = measure(base);
    expect(Object.keys(all.theil!.decompositions)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(all.theil!.decompositions.f).toEqual(one.theil!.decompositions.urban_rural);
    expect(all.theil!.decompositions.e).toEqual(one.theil!.decompositions.city);
    const only = measure(base, { decompose: ['city'] });
    expect(Object.keys(only.theil!.decompositions)).toEqual(['city']);
  });
  it('splits groupings whose label counts multiply past 65 536 into several passes', () => {
    const rng = mulberry32(17);
    const n = 5000;
    const base = synthetic(23, n);
    const a = Uint16Array.from({ length: n }, () => Math.floor(rng() * 300));
    const b = Uint16Array.from({ length: n }, () => Math.floor(rng() * 300));
    const labels = Array.from({ length: 300 }, (_, k) => `g${k}`);
    const both = measure({ ...base, groups: { a: { codes: a, labels }, b: { codes: b, labels } } });
    const onlyA = measure({ ...base, groups: { a: { codes: a, labels } } });
    const onlyB = measure({ ...base, groups: { b: { codes: b, labels } } });
    expect(both.theil!.decompositions.a).toEqual(onlyA.theil!.decompositions.a);
    expect(both.theil!.decompositions.b).toEqual(onlyB.theil!.decompositions.b);
    const d = both.theil!.decompositions.a!;
    expect(d.groups.reduce((s, g) => s + g.count, 0)).toBe(both.households - both.theil!.excluded.households);
  });
  it('rejects a grouping with more than 65 536 labels', () => {
    const labels = Array.from({ length: 70_000 }, (_, k) => String(k));
    const r = householdMeasures({
      income: new Float64Array([1, 2]),
      size: new Uint8Array([1, 1]),
      groups: { village: { codes: new Int32Array([0, 69_999]), labels } },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_option', field: 'village' } });
  });
  it('gives identical results when a workspace is reused', () => {
    const ws = createHouseholdWorkspace(4000);
    const a = measure(synthetic(1, 4000), { workspace: ws });
    const b = measure(synthetic(2, 3000), { workspace: ws });
    expect(measure(synthetic(1, 4000))).toEqual(a);
    expect(measure(synthetic(2, 3000))).toEqual(b);
  });
});

describe('householdMeasures properties', () => {
  const household = fc.record({
    // Incomes in yuan: zero or at least a fen (subnormal doubles would underflow p·y).
    y: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
    n: fc.integer({ min: 1, max: 6 }),
    w: fc.double({ min: 0.05, max: 5, noNaN: true }),
    g: fc.integer({ min: 0, max: 3 }),
  });
  const sample = fc.array(household, { minLength: 1, maxLength: 60 }).filter((hs) => hs.some((h) => h.y > 0));
  const toData = (
    hs: readonly { y: number; n: number; w: number; g: number }[],
    scale = 1,
  ): HouseholdData => ({
    income: Float64Array.from(hs, (h) => h.y * scale),
    size: Float64Array.from(hs, (h) => h.n),
    weight: Float64Array.from(hs, (h) => h.w),
    groups: { g: { codes: Int32Array.from(hs, (h) => h.g), labels: ['a', 'b', 'c', 'd'] } },
  });

  it('Gini lies in [0, 1) for non-negative incomes', () => {
    fc.assert(
      fc.property(sample, (hs) => {
        const g = measure(toData(hs)).gini!;
        expect(g).toBeGreaterThanOrEqual(-1e-15);
        expect(g).toBeLessThan(1);
      }),
    );
  });

  it('is invariant to scaling incomes', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (hs, k) => {
        const a = measure(toData(hs));
        const b = measure(toData(hs, k));
        rel(b.gini!, a.gini!, 1e-10, 1e-14);
        rel(b.theil!.theilT, a.theil!.theilT, 1e-9, 1e-14);
        rel(b.theil!.theilL, a.theil!.theilL, 1e-9, 1e-14);
        b.atkinson.forEach((x, j) => rel(x.value!, a.atkinson[j]!.value!, 1e-9, 1e-14));
        b.deciles!.share.forEach((x, j) => rel(x, a.deciles!.share[j]!, 1e-9, 1e-14));
      }),
    );
  });

  it('is invariant to replicating the population', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 2, max: 4 }), (hs, copies) => {
        const a = measure(toData(hs));
        const b = measure(toData(Array.from({ length: copies }, () => hs).flat()));
        rel(b.gini!, a.gini!, 1e-10, 1e-14);
        rel(b.theil!.theilT, a.theil!.theilT, 1e-9, 1e-14);
        rel(b.theil!.theilL, a.theil!.theilL, 1e-9, 1e-14);
        b.atkinson.forEach((x, j) => rel(x.value!, a.atkinson[j]!.value!, 1e-9, 1e-14));
        b.lorenz!.income.forEach((x, j) => rel(x, a.lorenz!.income[j]!, 1e-9, 1e-14));
        expect(b.median).toBe(a.median);
      }),
    );
  });

  it('a weight of 2 equals duplicating the row', () => {
    fc.assert(
      fc.property(sample, fc.nat(), (hs, pick) => {
        const j = pick % hs.length;
        const weighted = hs.map((h, i) => (i === j ? { ...h, w: h.w * 2 } : h));
        const duplicated = [...hs, hs[j]!];
        const a = measure(toData(weighted));
        const b = measure(toData(duplicated));
        rel(a.gini!, b.gini!, 1e-10, 1e-14);
        rel(a.theil!.theilT, b.theil!.theilT, 1e-9, 1e-14);
        rel(a.theil!.theilL, b.theil!.theilL, 1e-9, 1e-14);
        rel(a.persons, b.persons, 1e-12);
        a.atkinson.forEach((x, k) => rel(x.value!, b.atkinson[k]!.value!, 1e-9, 1e-14));
        a.lorenz!.income.forEach((x, k) => rel(x, b.lorenz!.income[k]!, 1e-9, 1e-14));
        rel(a.middleIncome.share, b.middleIncome.share, 1e-12, 1e-15);
      }),
    );
  });

  it('Theil between + within = total to 1e-12 (relative) for every grouping', () => {
    fc.assert(
      fc.property(sample, (hs) => {
        const t = measure(toData(hs)).theil!;
        const d = t.decompositions.g!;
        for (const [parts, total] of [
          [d.theilT, t.theilT],
          [d.theilL, t.theilL],
        ] as const) {
          expect(parts.total).toBe(total);
          expect(Math.abs(parts.between + parts.within - total)).toBeLessThanOrEqual(
            1e-12 * Math.max(total, 1e-3),
          );
        }
        expect(d.groups.reduce((s, g) => s + g.populationShare, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });
});
