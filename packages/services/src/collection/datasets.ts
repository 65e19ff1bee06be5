/**
 * Defining data sets (administrators): the definition is checked in core (codes, ranges, rules that
 * parse and refer only to the data set's fields) against the catalogue and the hierarchy, then stored.
 */
import { checkDataSetDefinition, type DataSetDefinition, type ImportProblem } from '@suocha/core';
import {
  createDataSet,
  dataSetHasForms,
  deleteDataSet,
  getDataSet,
  getReportingUnit,
  listIndicators,
  updateDataSet,
  type StoredDataSet,
  type Store,
} from '@suocha/store';
import { CollectionError, notFound } from './errors';

async function check(store: Store, def: DataSetDefinition): Promise<void> {
  const known = new Set((await listIndicators(store)).map((i) => i.code));
  const problems: ImportProblem[] = checkDataSetDefinition(def, known).map((p) => ({
    code: p.code,
    file: 'dataset',
    line: 0,
    column: p.path,
    message: p.message,
  }));
  const scope = await getReportingUnit(store, def.scopeUnit);
  if (!scope)
    problems.push({
      code: 'UNKNOWN_UNIT',
      file: 'dataset',
      line: 0,
      column: 'scopeUnit',
      message: `区划 ${def.scopeUnit} 不存在 (unknown unit)`,
    });
  if (problems.length)
    throw new CollectionError(
      'VALIDATION_FAILED',
      `数据集定义有误 (invalid data set definition): ${problems.map((p) => `${p.column}: ${p.message}`).join('; ')}`,
      { problems },
    );
}

export async function defineDataSet(
  store: Store,
  def: DataSetDefinition,
  meta: { by: string; at: string },
): Promise<StoredDataSet> {
  await check(store, def);
  if ((await createDataSet(store, def, meta)) === 'exists')
    throw new CollectionError('CONFLICT', `数据集 ${def.code} 已存在 (a data set with this code exists)`);
  return requireDataSet(store, def.code);
}

export async function changeDataSet(
  store: Store,
  def: DataSetDefinition,
  expectedVersion: number,
  meta: { by: string; at: string },
): Promise<StoredDataSet> {
  await check(store, def);
  const old = await requireDataSet(store, def.code);
  const moved = (['periodKind', 'ytd', 'level', 'scopeUnit'] as const).filter((k) => old[k] !== def[k]);
  if (moved.length && (await dataSetHasForms(store, def.code)))
    throw new CollectionError(
      'CONFLICT',
      `数据集已有填报数据, 不能修改 ${moved.join(', ')} (the data set has entered data; define a new data set instead)`,
    );
  const r = await updateDataSet(store, def, expectedVersion, meta);
  if (r.kind === 'not_found') throw notFound(`数据集 ${def.code}`);
  if (r.kind === 'conflict')
    throw new CollectionError(
      'CONFLICT',
      `数据集已被他人修改 (the data set is at version ${r.version}, not ${expectedVersion})`,
    );
  return requireDataSet(store, def.code);
}

export async function removeDataSet(store: Store, code: string): Promise<void> {
  const r = await deleteDataSet(store, code);
  if (r === 'not_found') throw notFound(`数据集 ${code}`);
  if (r === 'in_use')
    throw new CollectionError('CONFLICT', `数据集 ${code} 已有填报数据, 不能删除 (it has entered data)`);
}

export async function requireDataSet(store: Store, code: string): Promise<StoredDataSet> {
  const d = await getDataSet(store, code);
  if (!d) throw notFound(`数据集 ${code}`);
  return d;
}
