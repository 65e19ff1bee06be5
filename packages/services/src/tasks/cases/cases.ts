/**
 * The case library's use cases (典型案例, issue 8 §3): create and update (validated; the unit and pilot
 * must exist), read, list and search with highlighted matches. Who may write is decided by the caller
 * (the server checks scope); these functions take who and when as parameters.
 */
import { err, ok, type Result } from '@suocha/core';
import {
  getCase,
  getUnitPath,
  insertCase,
  pilotExists,
  queryCases,
  searchTerms,
  updateCase,
  type CaseHit,
  type CaseRecord,
  type Store,
  type WriteStamp,
} from '@suocha/store';
import { validateCaseInput, type CaseInput, type CaseProblem } from './case-input';
import { matchRanges, snippetOf, type TextRange } from './highlight';

async function checkReferences(
  store: Store,
  unitCode: string,
  pilotCode: string | null,
): Promise<CaseProblem | null> {
  if ((await getUnitPath(store, unitCode)) === undefined)
    return {
      code: 'UNIT_NOT_FOUND',
      field: 'unitCode',
      message: `区划 ${unitCode} 不存在 (no unit with code ${unitCode})`,
    };
  if (pilotCode !== null && !(await pilotExists(store, pilotCode)))
    return {
      code: 'PILOT_NOT_FOUND',
      field: 'pilotCode',
      message: `试点 ${pilotCode} 不存在 (no pilot with code ${pilotCode})`,
    };
  return null;
}

/** Validates and stores a new case; nothing is written when anything is wrong. */
export async function createCase(
  store: Store,
  input: CaseInput,
  stamp: WriteStamp,
): Promise<Result<CaseRecord, CaseProblem>> {
  const v = validateCaseInput(input);
  if (!v.ok) return v;
  const problem = await checkReferences(store, v.value.unitCode, v.value.pilotCode);
  if (problem) return err(problem);
  const id = await insertCase(store, v.value, stamp);
  const stored = await getCase(store, id);
  if (!stored) throw new Error(`case ${id} vanished after insert`);
  return ok(stored);
}

/** Replaces a case's fields if `version` is still current (optimistic concurrency). */
export async function editCase(
  store: Store,
  id: number,
  version: number,
  input: CaseInput,
  stamp: WriteStamp,
): Promise<Result<CaseRecord, CaseProblem>> {
  const v = validateCaseInput(input);
  if (!v.ok) return v;
  const problem = await checkReferences(store, v.value.unitCode, v.value.pilotCode);
  if (problem) return err(problem);
  const r = await updateCase(store, id, version, v.value, stamp);
  if (r === 'not_found') return err({ code: 'NOT_FOUND', message: `案例 ${id} 不存在 (no case ${id})` });
  if (r === 'conflict')
    return err({
      code: 'VERSION_CONFLICT',
      field: 'version',
      message: `案例 ${id} 已被他人修改，请刷新后再改 (case ${id} was changed since version ${version}; reload it)`,
    });
  const stored = await getCase(store, id);
  if (!stored) throw new Error(`case ${id} vanished after update`);
  return ok(stored);
}

export interface CaseSearchOptions {
  /** Free text; empty lists every case, newest first. */
  readonly q?: string;
  /** Only cases of this unit's subtree. */
  readonly unitCode?: string;
  readonly tag?: string;
  readonly pilotCode?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface CaseSearchHit extends Omit<CaseHit, 'body'> {
  readonly bodyLength: number;
  readonly snippet: string;
  readonly highlights: {
    readonly title: TextRange[];
    readonly summary: TextRange[];
    readonly snippet: TextRange[];
  };
}

export interface CaseSearchResult {
  readonly query: string;
  /** The normalised terms the query was split into; every one must occur in a case. */
  readonly terms: string[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: CaseSearchHit[];
}

export const MAX_PAGE = 100;

/** Searches (or lists) cases; an unknown unit gives no rows rather than an error. */
export async function searchCases(store: Store, options: CaseSearchOptions = {}): Promise<CaseSearchResult> {
  const query = options.q ?? '';
  const terms = searchTerms(query);
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.trunc(options.limit ?? 20)));
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  let unitPath: string | undefined;
  if (options.unitCode !== undefined) {
    unitPath = await getUnitPath(store, options.unitCode);
    if (unitPath === undefined) return { query, terms, total: 0, limit, offset, items: [] };
  }
  const r = await queryCases(store, {
    terms,
    limit,
    offset,
    ...(unitPath !== undefined ? { unitPath } : {}),
    ...(options.tag !== undefined ? { tag: options.tag } : {}),
    ...(options.pilotCode !== undefined ? { pilotCode: options.pilotCode } : {}),
  });
  const items = r.items.map((h): CaseSearchHit => {
    const { body, ...rest } = h;
    const snippet = snippetOf(body, terms);
    return {
      ...rest,
      bodyLength: body.length,
      snippet: snippet.text,
      highlights: {
        title: matchRanges(h.title, terms),
        summary: matchRanges(h.summary, terms),
        snippet: snippet.ranges,
      },
    };
  });
  return { query, terms, total: r.total, limit, offset, items };
}
