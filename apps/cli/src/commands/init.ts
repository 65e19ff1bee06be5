import { loadDefaultDataset } from '@suocha/services';
import type { Command } from 'commander';
import { withStore, type GlobalFlags } from '../context';

export function initCommand(program: Command): void {
  program
    .command('init')
    .description(
      '创建数据库并载入默认数据集(可重复运行) — create the database and load the default dataset (idempotent)',
    )
    .option('--divisions <scope>', 'zhejiang (default) or china (665,276 units, for scale work)', 'zhejiang')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { divisions: string; json?: boolean }, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags>();
      if (opts.divisions !== 'zhejiang' && opts.divisions !== 'china')
        throw new Error(`--divisions must be zhejiang or china, not "${opts.divisions}"`);
      const divisions = opts.divisions;
      await withStore(flags, async (store, config) => {
        const summary = await loadDefaultDataset(store, {
          dataDir: config.dataDir,
          divisions,
          now: new Date().toISOString(),
          onProgress: (step) => process.stderr.write(`… ${step}\n`),
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(summary)}\n`);
          return;
        }
        const changed = Object.values(summary.inserted).some((n) => n > 0);
        process.stdout.write(
          changed ? '已载入 loaded:\n' : '数据已是最新, 未作改动 (already loaded; nothing changed)\n',
        );
        for (const [k, v] of Object.entries(summary.inserted))
          if (v > 0) process.stdout.write(`  + ${k}: ${v}\n`);
        process.stdout.write(
          `总计 totals: ${Object.entries(summary.totals)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}\n`,
        );
        for (const s of summary.skipped) process.stdout.write(`  skipped ${s.file}:${s.line}: ${s.reason}\n`);
        process.stdout.write(`database: ${store.engine === 'sqlite' ? config.db : 'PostgreSQL'}\n`);
      });
    });
}
