import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inForceOn, type Unit } from '@suocha/core';
import {
  GroupMembersQuery,
  GroupParams,
  SubtreeQuery,
  UnitParams,
  type GroupMembersDto,
  type SubtreeDto,
  type UnitDetailDto,
} from '@suocha/contract';
import {
  getAncestors,
  getChildren,
  getGroup,
  getGroupMembers,
  getSubtree,
  getUnit,
  listGroups,
} from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app';
import { HttpError, parseInput } from '../errors';

const unitNotFound = (code: string) =>
  new HttpError(404, 'UNIT_NOT_FOUND', `区划 ${code} 不存在 (no unit with code ${code})`);

/** Reference data, readable by any logged-in user (the access plugin answers 401 to anyone else). */
export function hierarchyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;

  app.get('/api/units/:code', async (req): Promise<UnitDetailDto> => {
    const { code } = parseInput(UnitParams, req.params, 'unit code');
    const unit = await getUnit(store, code);
    if (!unit) throw unitNotFound(code);
    const [children, ancestors] = await Promise.all([getChildren(store, code), getAncestors(store, code)]);
    const parent = unit.parentCode ? ((await getUnit(store, unit.parentCode)) ?? null) : null;
    return { ...unit, parent, children, ancestors: ancestors ?? [] };
  });

  app.get('/api/units/:code/subtree', async (req): Promise<SubtreeDto> => {
    const { code } = parseInput(UnitParams, req.params, 'unit code');
    const q = parseInput(SubtreeQuery, req.query, 'query');
    const unit = await getUnit(store, code);
    if (!unit) throw unitNotFound(code);
    const items = (await getSubtree(store, code, q.level)) ?? [];
    const asOf = q.asOf;
    return {
      unit,
      level: q.level ?? null,
      items: asOf ? items.filter((u: Unit) => inForceOn(u, asOf)) : items,
    };
  });

  app.get('/api/groups', async () => ({ items: await listGroups(store) }));

  app.get('/api/groups/:group/members', async (req): Promise<GroupMembersDto> => {
    const { group: code } = parseInput(GroupParams, req.params, 'group');
    const { asOf } = parseInput(GroupMembersQuery, req.query, 'query');
    const group = await getGroup(store, code);
    if (!group) throw new HttpError(404, 'GROUP_NOT_FOUND', `分组 ${code} 不存在 (no group ${code})`);
    return { group, asOf: asOf ?? null, items: await getGroupMembers(store, code, asOf) };
  });

  // Boundaries for maps: served as files (GCJ-02, DataV-derived; see data/SOURCES.md).
  for (const [name, file] of [
    ['counties', 'zhejiang_counties.geojson'],
    ['cities', 'zhejiang_cities.geojson'],
  ] as const) {
    app.get(`/api/geo/${name}`, async (_req, reply) => {
      const path = join(deps.dataDir, file);
      if (!existsSync(path)) throw new HttpError(404, 'NOT_FOUND', `缺少地图文件 ${file} (map file missing)`);
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('cache-control', 'private, max-age=3600')
        .send(createReadStream(path));
    });
  }
}
