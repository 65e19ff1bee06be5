import { inForceOn, isUnitLevel, type Unit } from '@suocha/core';
import { getChildren, getGroup, getGroupMembers, getSubtree, getUnit, listGroups } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(asOf: string | undefined): void {
  if (asOf !== undefined && !DATE.test(asOf)) throw new UserError(`--as-of 应为 YYYY-MM-DD (got "${asOf}")`);
}

export function hierarchyCommands(program: Command): void {
  program
    .command('units <code>')
    .description('列出下级区划 — list the children of a unit, or its whole subtree at one level')
    .option('--level <level>', 'province, city, county, town or village: list the subtree at this level')
    .option('--as-of <date>', 'only units that existed on this date (YYYY-MM-DD)')
    .option('--json', 'print a JSON array')
    .action(async (code: string, opts: { level?: string; asOf?: string; json?: boolean }, cmd: Command) => {
      checkDate(opts.asOf);
      const level = opts.level;
      if (level !== undefined && !isUnitLevel(level))
        throw new UserError(`未知层级 unknown level "${level}"`);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        if (!(await getUnit(store, code)))
          throw new UserError(`区划 ${code} 不存在 (no unit with code ${code})`);
        let units: Unit[] = level
          ? ((await getSubtree(store, code, level)) ?? [])
          : await getChildren(store, code);
        const asOf = opts.asOf;
        if (asOf) units = units.filter((u) => inForceOn(u, asOf));
        printer(Boolean(opts.json)).list(
          units.map((u) => ({ ...u })),
          ['code', 'name', 'level', 'parentCode', 'validFrom', 'validTo'],
        );
      });
    });

  program
    .command('groups [group]')
    .description('分组及其成员 — list groups, or the members of one group on a date')
    .option(
      '--as-of <date>',
      'membership on this date (YYYY-MM-DD); default: every membership with its dates',
    )
    .option('--json', 'print a JSON array')
    .action(async (group: string | undefined, opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      checkDate(opts.asOf);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const p = printer(Boolean(opts.json));
        if (!group) {
          p.list(
            (await listGroups(store)).map((g) => ({ ...g })),
            ['code', 'nameZh', 'nameEn'],
          );
          return;
        }
        if (!(await getGroup(store, group))) throw new UserError(`分组 ${group} 不存在 (no group ${group})`);
        const members = await getGroupMembers(store, group, opts.asOf);
        p.list(
          members.map((m) => ({ ...m })),
          ['code', 'name', 'level', 'parentCode', 'memberFrom', 'memberTo'],
        );
      });
    });
}
