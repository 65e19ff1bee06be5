/**
 * Pilots (试点, issue 8 §3; seed 000 §十五 "一地创新、全省共享"): loading `data/pilots.csv` (all rows or none)
 * and reading pilots with the cases that carry their lessons.
 */
import { err, ok, type ImportProblem, type Result } from '@suocha/core';
import {
  getUnitPath,
  listPilots,
  queryCases,
  upsertPilots,
  type CaseHit,
  type PilotFields,
  type PilotKind,
  type PilotRecord,
  type PilotStatus,
  type Store,
} from '@suocha/store';
import { readCsvFile } from '../../io/csv';

export const PILOT_KINDS: readonly PilotKind[] = ['全域综合试点', '专项试点'];
export const PILOT_STATUSES: readonly PilotStatus[] = ['planned', 'active', 'completed'];
const COLUMNS = [
  'code',
  'name',
  'kind',
  'theme',
  'start_date',
  'status',
  'unit_codes',
  'units_note',
  'source',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a pilots CSV (columns as in data/pilots.csv; `unit_codes` separated by `;` or spaces) and stores
 * every row, or reports each problem with its line and stores nothing.
 */
export async function loadPilotsFile(
  store: Store,
  file: string,
): Promise<
  Result<{ readonly pilots: number }, { readonly code: 'INVALID_FILE'; readonly problems: ImportProblem[] }>
> {
  const csv = await readCsvFile(file, { required: COLUMNS });
  const problems = [...csv.problems];
  const pilots: PilotFields[] = [];
  const seen = new Set<string>();
  const name = file.split(/[\\/]/).at(-1) ?? file;
  for (const { line, values: v } of csv.rows) {
    const problem = (column: string, message: string) =>
      problems.push({ code: 'INVALID_VALUE', file: name, line, column, message });
    const code = (v.code ?? '').trim();
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(code)) problem('code', `代码无效 invalid code "${code}"`);
    if (seen.has(code)) problem('code', `代码重复 duplicate code "${code}"`);
    seen.add(code);
    const kind = (v.kind ?? '').trim() as PilotKind;
    if (!PILOT_KINDS.includes(kind)) problem('kind', `类型应为 ${PILOT_KINDS.join(' / ')} (got "${kind}")`);
    const status = (v.status ?? '').trim() as PilotStatus;
    if (!PILOT_STATUSES.includes(status))
      problem('status', `状态应为 ${PILOT_STATUSES.join(' / ')} (got "${status}")`);
    const title = (v.name ?? '').trim();
    if (title === '') problem('name', '名称不能为空 (name must not be empty)');
    const start = (v.start_date ?? '').trim();
    if (start !== '' && !DATE.test(start)) problem('start_date', `日期应为 YYYY-MM-DD (got "${start}")`);
    const units = (v.unit_codes ?? '').split(/[;\s]+/).filter((u) => u !== '');
    for (const u of units)
      if ((await getUnitPath(store, u)) === undefined)
        problem('unit_codes', `区划 ${u} 不存在 (no unit ${u})`);
    pilots.push({
      code,
      name: title,
      kind,
      theme: (v.theme ?? '').trim(),
      startDate: start === '' ? null : start,
      status,
      unitsNote: (v.units_note ?? '').trim(),
      source: (v.source ?? '').trim(),
      unitCodes: units,
    });
  }
  if (problems.length > 0) return err({ code: 'INVALID_FILE', problems });
  await upsertPilots(store, pilots);
  return ok({ pilots: pilots.length });
}

export interface PilotDetail {
  readonly pilot: PilotRecord;
  /** The cases linked to the pilot (its lessons), newest first, at most 100. */
  readonly cases: Omit<CaseHit, 'body' | 'score'>[];
}

export async function pilotDetail(store: Store, code: string): Promise<PilotDetail | undefined> {
  const [pilot] = await listPilots(store, code);
  if (!pilot) return undefined;
  const r = await queryCases(store, { terms: [], pilotCode: code, limit: 100, offset: 0 });
  return { pilot, cases: r.items.map(({ body, score, ...rest }) => (void body, void score, rest)) };
}
