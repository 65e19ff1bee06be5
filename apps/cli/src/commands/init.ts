import { accessPolicy, createUser, loadDefaultDataset } from '@suocha/services';
import type { Command } from 'commander';
import { withStore, type GlobalFlags } from '../context';
import { accessFailure, announcePassword, passwordFromStdin } from './users';

/** The province the default dataset covers; the initial administrator is attached to it. */
const PROVINCE = '330000';

export function initCommand(program: Command): void {
  program
    .command('init')
    .description(
      '创建数据库并载入默认数据集(可重复运行) — create the database and load the default dataset (idempotent)',
    )
    .option('--divisions <scope>', 'zhejiang (default) or china (665,276 units, for scale work)', 'zhejiang')
    .option(
      '--admin <username>',
      '同时创建省级管理员(密码从标准输入读取，否则自动生成并显示一次) — also create the provincial administrator; password from stdin, else generated and printed once',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { divisions: string; admin?: string; json?: boolean }, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags>();
      if (opts.divisions !== 'zhejiang' && opts.divisions !== 'china')
        throw new Error(`--divisions must be zhejiang or china, not "${opts.divisions}"`);
      const divisions = opts.divisions;
      const piped = opts.admin !== undefined ? await passwordFromStdin() : null;
      await withStore(flags, async (store, config) => {
        const summary = await loadDefaultDataset(store, {
          dataDir: config.dataDir,
          divisions,
          now: new Date().toISOString(),
          onProgress: (step) => process.stderr.write(`… ${step}\n`),
        });
        let admin: { username: string; password: string | null } | null = null;
        if (opts.admin !== undefined) {
          const r = await createUser(
            store,
            {
              username: opts.admin,
              displayName: opts.admin,
              role: 'province_admin',
              scopeUnit: PROVINCE,
              ...(piped !== null ? { password: piped } : {}),
            },
            new Date().toISOString(),
            accessPolicy(),
          );
          if (!r.ok) throw accessFailure(r.error);
          admin = { username: r.value.user.username, password: r.value.generatedPassword };
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(admin ? { ...summary, admin } : summary)}\n`);
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
        if (admin) {
          process.stdout.write(
            `已创建省级管理员 created provincial administrator ${admin.username} (scope ${PROVINCE})\n`,
          );
          if (admin.password) announcePassword(admin.username, admin.password);
          else process.stdout.write('密码取自标准输入 (password taken from stdin)\n');
        }
      });
    });
}
