import { getUnit, listIndicators, listTargets } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

export function catalogueCommands(program: Command): void {
  program
    .command('indicators')
    .description('指标目录 — the indicator catalogue')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        printer(Boolean(opts.json)).list(
          (await listIndicators(store)).map((i) => ({ ...i })),
          ['code', 'nameZh', 'unit', 'polarity', 'domain'],
        );
      });
    });

  program
    .command('targets')
    .description('规划目标 — targets of the plans, optionally for one unit')
    .option('--unit <code>', 'only targets set for this unit')
    .option('--json', 'print a JSON array')
    .action(async (opts: { unit?: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        if (opts.unit && !(await getUnit(store, opts.unit)))
          throw new UserError(`区划 ${opts.unit} 不存在 (no unit with code ${opts.unit})`);
        const rows = await listTargets(store, opts.unit ? { unitCode: opts.unit } : {});
        printer(Boolean(opts.json)).list(
          rows.map((t) => ({ ...t })),
          ['indicatorCode', 'planCode', 'unitCode', 'year', 'comparator', 'value'],
        );
      });
    });
}
