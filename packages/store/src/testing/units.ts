/**
 * A unit row for test fixtures: its path, depth and province follow from its parent, as the hierarchy loader
 * derives them.
 */
import { childPath, provinceOf } from '@suocha/core';
import type { UnitRow } from '../hierarchy/units-repo';

export function testUnit(
  code: string,
  name: string,
  level: UnitRow['level'],
  parent: UnitRow | null,
): UnitRow {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name,
    level,
    parent_code: parent?.code ?? null,
    path,
    // The root of the fixture has depth 0, its children 1, …
    depth: path.split('/').filter((s) => s !== '').length - 1,
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: null,
    source: 'test',
  };
}
