/**
 * Derived indicators (issue 4 §1): an indicator whose definition is a formula (core formula language,
 * SYNTAX.md) gets its values computed from the values it uses, stored as observations with their lineage
 * (which input observations, at which version, hence which sources). Recomputation compares every value
 * that can be computed now with what is stored and writes only the differences:
 *
 * - a key with no value gets the derived value; a key that holds a recorded (published or entered) value
 *   keeps it — recorded values always win — and a recorded value that the formula contradicts beyond the
 *   digits it was published with is reported as a conflict;
 * - a derived value whose inputs changed is updated (version + 1, history entry, new lineage);
 * - a derived value whose inputs are no longer all there (e.g. an input was reopened) is set back to
 *   draft, so it stops counting, until the inputs return.
 *
 * A definition that refers to an unknown indicator, divides by zero or forms a cycle is refused when it is
 * defined (`defineFormula`), with every problem named.
 */
import {
  classifyDefinition,
  dependencyOrder,
  evaluateFormula,
  formulaReferences,
  validateDefinitions,
  type FormulaAst,
  type FormulaNode,
} from '@suocha/core';
import {
  dataRevision,
  getIndicator,
  listDerivedValues,
  listGroupCodes,
  listIndicatorDefinitions,
  listInputObservations,
  listObservationKeys,
  listFormulaMemberships,
  listFormulaUnits,
  setIndicatorDefinition,
  unitLabels,
  writeDerivedValues,
  type DerivedInsert,
  type DerivedUpdate,
  type FormulaMembership,
  type FormulaInputObservation,
  type Store,
  type FormulaUnit,
} from '@suocha/store';
import { parsePeriod, periodEndDate } from '@suocha/core';
import { ProgressError } from './errors';
import { storeResolver, formulaValueKey } from './resolver';

export interface DerivedFailure {
  readonly indicator: string;
  readonly unit: string;
  readonly period: string;
  readonly code: string;
  readonly message: string;
}

export interface DerivedConflict {
  readonly indicator: string;
  readonly unit: string;
  readonly period: string;
  readonly recorded: number;
  readonly computed: number;
}

export interface DerivedSummary {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Keys a recorded value took while recomputing. */
  readonly skipped: number;
  /** Values the formula could not give although its inputs are there (e.g. a divisor that is zero). */
  readonly failed: readonly DerivedFailure[];
  readonly conflicts: readonly DerivedConflict[];
}

export interface DerivedDefinitions {
  /** Valid formulas by indicator code. */
  readonly formulas: ReadonlyMap<string, FormulaAst>;
  /** Recomputation order (each after the derived indicators it uses). */
  readonly order: readonly string[];
  /** Definitions that look like formulas but fail the checks (never evaluated). */
  readonly invalid: readonly {
    readonly indicator: string;
    readonly code: string;
    readonly message: string;
  }[];
}

/** The catalogue's derived indicators: definitions that are formulas (prose definitions are not). */
export async function derivedDefinitions(store: Store): Promise<DerivedDefinitions> {
  const defs = await listIndicatorDefinitions(store);
  const catalogue = { indicators: defs.map((d) => d.code), groups: await listGroupCodes(store) };
  const texts: Record<string, string> = {};
  const invalid: { indicator: string; code: string; message: string }[] = [];
  for (const d of defs) {
    const kind = classifyDefinition(d.definition, catalogue);
    if (kind.kind === 'formula' || kind.kind === 'invalid_formula') texts[d.code] = d.definition;
  }
  const check = validateDefinitions(texts, catalogue);
  for (const e of check.errors) invalid.push({ indicator: e.definition, code: e.code, message: e.message });
  const order = dependencyOrder(check.compiled);
  return { formulas: check.compiled, order: order.ok ? order.value : [], invalid };
}

/**
 * Definition-time check of a formula for an indicator against the catalogue and the other derived
 * indicators (cycles); throws `ProgressError` FORMULA_INVALID naming every problem.
 */
export async function checkFormula(store: Store, indicatorCode: string, text: string): Promise<FormulaAst> {
  if (!(await getIndicator(store, indicatorCode)))
    throw new ProgressError('INDICATOR_NOT_FOUND', `未知指标 (unknown indicator) "${indicatorCode}"`);
  const defs = await listIndicatorDefinitions(store);
  const catalogue = { indicators: defs.map((d) => d.code), groups: await listGroupCodes(store) };
  const texts: Record<string, string> = {};
  for (const d of defs) {
    if (d.code === indicatorCode) continue;
    const kind = classifyDefinition(d.definition, catalogue);
    if (kind.kind === 'formula') texts[d.code] = d.definition;
  }
  texts[indicatorCode] = text;
  const check = validateDefinitions(texts, catalogue);
  // Problems of this formula, and any cycle it closes.
  const mine = check.errors.filter(
    (e) => e.definition === indicatorCode || (e.code === 'FORMULA_CYCLE' && e.path.includes(indicatorCode)),
  );
  if (mine.length > 0)
    throw new ProgressError(
      'FORMULA_INVALID',
      `公式无效 (invalid formula for ${indicatorCode}): ${mine.map((e) => e.message).join('; ')}`,
      mine.map((e) => ({ code: e.code, message: e.message })),
    );
  const ast = check.compiled.get(indicatorCode);
  if (!ast) throw new ProgressError('FORMULA_INVALID', `公式无效 (invalid formula for ${indicatorCode})`);
  return ast;
}

/** Checks a formula, stores it as the indicator's definition and computes its values. */
export async function defineFormula(
  store: Store,
  indicatorCode: string,
  text: string,
  meta: { readonly now: string; readonly by: string },
): Promise<DerivedSummary> {
  await checkFormula(store, indicatorCode, text);
  await setIndicatorDefinition(store, indicatorCode, text.trim());
  return recomputeDerivedValues(store, { ...meta, indicators: [indicatorCode] });
}

const hasSets = (n: FormulaNode): boolean => {
  switch (n.kind) {
    case 'children':
    case 'descendants':
    case 'group':
      return true;
    case 'number':
    case 'indicator':
      return false;
    case 'negate':
      return hasSets(n.operand);
    case 'binary':
    case 'compare':
      return hasSets(n.left) || hasSets(n.right);
    case 'aggregate':
      return hasSets(n.arg);
    case 'wmean':
      return hasSets(n.set) || hasSets(n.weight);
    case 'ref':
      return hasSets(n.body);
  }
};

/** Decimals a value was published with (1.73 → 2), for telling rounding from contradiction. */
function decimals(v: number): number {
  const s = String(v);
  if (/e/i.test(s)) return 15;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

const roundTo = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** Derived indicators to recompute: those asked for, those using the changed inputs, and everything downstream. */
function selection(
  defs: DerivedDefinitions,
  options: { readonly indicators?: readonly string[]; readonly inputs?: readonly string[] },
): string[] {
  if (options.indicators === undefined && options.inputs === undefined) return [...defs.order];
  const chosen = new Set<string>(options.indicators ?? []);
  const changed = new Set<string>([...(options.inputs ?? []), ...chosen]);
  for (const code of defs.order) {
    const ast = defs.formulas.get(code);
    if (ast && formulaReferences(ast).indicators.some((i) => changed.has(i))) {
      chosen.add(code);
      changed.add(code);
    }
  }
  return defs.order.filter((c) => chosen.has(c));
}

/**
 * Recomputes derived values (all of them, or those of `indicators` and of the derived indicators that use
 * `inputs`, with everything downstream) from counted (approved or locked) inputs, and writes the changes.
 */
export async function recomputeDerivedValues(
  store: Store,
  options: {
    readonly now: string;
    readonly by: string;
    readonly indicators?: readonly string[];
    readonly inputs?: readonly string[];
  },
): Promise<DerivedSummary> {
  const defs = await derivedDefinitions(store);
  const todo = selection(defs, options);
  const summary = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: [] as DerivedFailure[],
    conflicts: [] as DerivedConflict[],
  };
  if (todo.length === 0) return summary;
  let tree: FormulaUnit[] | undefined;
  let memberships: FormulaMembership[] | undefined;
  const meta = { by: options.by, at: options.now, reason: '' };

  for (const code of todo) {
    const ast = defs.formulas.get(code);
    if (!ast) continue;
    const formula = ast.source.trim();
    const refs = formulaReferences(ast);
    const sets = hasSets(ast.root);
    if (sets && !tree) {
      tree = await listFormulaUnits(store);
      memberships = await listFormulaMemberships(store);
    }
    // Inputs are read after the derived indicators they may depend on were written (dependency order).
    const inputs = await listInputObservations(store, refs.indicators);
    const values = new Map<string, FormulaInputObservation>();
    for (const o of inputs) values.set(formulaValueKey(o.indicatorCode, o.unitCode, o.period), o);
    const resolver = storeResolver({ values, units: tree ?? [], memberships: memberships ?? [] });

    const stored = await listDerivedValues(store, [code]);
    const storedByKey = new Map(stored.map((s) => [`${s.unitCode}\u0000${s.period}`, s]));
    const recorded = new Map<string, number>();
    for (const o of await listInputObservations(store, [code]))
      if (!storedByKey.has(`${o.unitCode}\u0000${o.period}`))
        recorded.set(`${o.unitCode}\u0000${o.period}`, o.value);
    // Recorded values that are not counted (drafts) also keep their key.
    const anyStatus = await listObservationKeys(store, code);
    const occupied = new Set(anyStatus.map((r) => `${r.unitCode}\u0000${r.period}`));

    // Candidate contexts: (unit, period) of every input value — and, for set formulas, every ancestor of
    // those units — plus every stored derived value (it may have lost its inputs).
    const parents = new Map((tree ?? []).map((u) => [u.code, u.parentCode]));
    const candidates = new Map<string, { unit: string; period: string }>();
    const add = (unit: string, period: string) => candidates.set(`${unit}\u0000${period}`, { unit, period });
    for (const o of inputs) {
      add(o.unitCode, o.period);
      if (sets)
        for (let p = parents.get(o.unitCode) ?? null; p !== null; p = parents.get(p) ?? null)
          add(p, o.period);
    }
    for (const s of stored) add(s.unitCode, s.period);

    const labels = await unitLabels(store, [...new Set([...candidates.values()].map((c) => c.unit))]);
    const inserts: DerivedInsert[] = [];
    const updates: DerivedUpdate[] = [];
    for (const [key, c] of candidates) {
      const period = parsePeriod(c.period);
      const label = labels.get(c.unit);
      if (!period.ok || !label) continue;
      const existing = storedByKey.get(key);
      const r = evaluateFormula(ast, { unit: c.unit, period: c.period }, resolver);
      if (!r.ok) {
        if (r.error.code !== 'FORMULA_MISSING_VALUE' && r.error.code !== 'FORMULA_EMPTY_SET')
          summary.failed.push({
            indicator: code,
            unit: c.unit,
            period: c.period,
            code: r.error.code,
            message: r.error.message,
          });
        if (existing && (existing.status === 'approved' || existing.status === 'locked'))
          updates.push({
            observationId: existing.observationId,
            expectedVersion: existing.version,
            value: existing.value,
            status: 'draft',
            synthetic: existing.synthetic,
            source: `推算 derived: ${formula}`,
            note: `输入不全, 暂不计入 (inputs no longer all available: ${r.error.message})`,
            formula,
            inputs: existing.inputs,
            reason: 'derived value withdrawn: inputs no longer available',
          });
        continue;
      }
      const lineage = r.value.lineage.map((l) => values.get(formulaValueKey(l.indicator, l.unit, l.period)));
      const used = lineage.filter((x): x is FormulaInputObservation => x !== undefined);
      const refsUsed = used.map((o) => ({ observationId: o.id, version: o.version }));
      const synthetic = used.some((o) => o.synthetic);
      const note = `由 ${used.length} 项数据推算 (derived from ${used
        .slice(0, 4)
        .map((o) => `${o.indicatorCode} ${o.unitCode} ${o.period}`)
        .join('; ')}${used.length > 4 ? '; …' : ''})`;
      const value = r.value.value;
      if (!existing) {
        const rec = recorded.get(key);
        if (rec !== undefined) {
          if (roundTo(value, decimals(rec)) !== rec)
            summary.conflicts.push({
              indicator: code,
              unit: c.unit,
              period: c.period,
              recorded: rec,
              computed: value,
            });
          continue;
        }
        if (occupied.has(key)) continue;
        inserts.push({
          indicatorCode: code,
          unitCode: c.unit,
          provinceCode: label.provinceCode,
          period: c.period,
          periodEnd: periodEndDate(period.value),
          value,
          source: `推算 derived: ${formula}`,
          note,
          status: 'approved',
          synthetic,
          formula,
          inputs: refsUsed,
        });
        continue;
      }
      const sameInputs =
        existing.inputs.length === refsUsed.length &&
        existing.inputs.every((x) =>
          refsUsed.some((y) => y.observationId === x.observationId && y.version === x.version),
        );
      if (existing.value === value && sameInputs && existing.status !== 'draft') {
        summary.unchanged++;
        continue;
      }
      updates.push({
        observationId: existing.observationId,
        expectedVersion: existing.version,
        value,
        status: 'approved',
        synthetic,
        source: `推算 derived: ${formula}`,
        note,
        formula,
        inputs: refsUsed,
        reason: 'derived value recomputed: inputs changed',
      });
    }
    const w = await writeDerivedValues(
      store,
      { inserts, updates },
      { ...meta, reason: `derived: ${formula}` },
    );
    summary.inserted += w.inserted;
    summary.updated += w.updated;
    summary.skipped += w.skipped;
  }
  return summary;
}

const deriveQueues = new WeakMap<Store, Promise<unknown>>();
/** Per store: the data revision right after derived values were last brought up to date in this process. */
const derivedAt = new WeakMap<Store, string>();

/**
 * Brings derived values up to date if any data changed since this process last did (`dataRevision`):
 * whoever changed an input — an import, an approval, `suocha observe` — the next reader of progress,
 * warnings or series sees derived values computed from the current inputs. Runs one at a time per store.
 */
export function ensureDerivedValues(
  store: Store,
  options: { readonly now?: string; readonly by?: string } = {},
): Promise<DerivedSummary | null> {
  const run = async (): Promise<DerivedSummary | null> => {
    const before = await dataRevision(store);
    if (derivedAt.get(store) === before) return null;
    const s = await recomputeDerivedValues(store, {
      now: options.now ?? new Date().toISOString(),
      by: options.by ?? 'suocha (derived values)',
    });
    derivedAt.set(store, await dataRevision(store));
    return s;
  };
  const prev = deriveQueues.get(store) ?? Promise.resolve();
  const next = prev.then(run, run);
  deriveQueues.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}
