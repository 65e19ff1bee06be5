import { buildServer } from '@suocha/server';
import { accessPolicy, createUser, loadDefaultDataset, scheduleEscalations } from '@suocha/services';
import { openStore, storeConfigFrom } from '@suocha/store';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import type { GlobalFlags } from '../context';
import { accessFailure, announcePassword } from './users';
import { VERSION } from '../version';

/** How often overdue supervision orders are looked for (step deadlines are whole days). */
const ESCALATION_INTERVAL_MS = 15 * 60 * 1000;

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description(
      '启动 API 与网页 — serve the API and the web app (loads the default dataset into an empty database)',
    )
    .option('--port <port>', 'port (default 8080, or PORT)')
    .option('--host <host>', 'interface to listen on (default 0.0.0.0, or HOST)')
    .action(async (_opts: unknown, cmd: Command) => {
      const config = loadConfig(cmd.optsWithGlobals<GlobalFlags>());
      const store = await openStore(storeConfigFrom(config.db), {
        onIdleError: (e) =>
          process.stderr.write(`数据库空闲连接出错, 已丢弃 (idle database connection lost): ${e.message}\n`),
      });
      const empty = !(await store.db.selectFrom('units').select('code').limit(1).executeTakeFirst());
      if (empty) {
        process.stderr.write('空数据库: 载入默认数据集 (empty database: loading the default dataset)\n');
        await loadDefaultDataset(store, {
          dataDir: config.dataDir,
          divisions: 'zhejiang',
          now: new Date().toISOString(),
          onProgress: (s) => process.stderr.write(`… ${s}\n`),
        });
      }
      // A fresh installation has nobody who could log in: create the provincial administrator `admin`
      // with a generated password, printed once (as `suocha init --admin` would).
      const anyone = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (!anyone) {
        const r = await createUser(
          store,
          { username: 'admin', displayName: '省级管理员', role: 'province_admin', scopeUnit: '330000' },
          new Date().toISOString(),
          accessPolicy(),
        );
        if (!r.ok) throw accessFailure(r.error);
        process.stderr.write(
          '没有任何用户: 已创建省级管理员 admin (no users yet: created the provincial administrator "admin")\n',
        );
        if (r.value.generatedPassword) announcePassword('admin', r.value.generatedPassword, process.stderr);
      }
      const app = await buildServer({
        store,
        dataDir: config.dataDir,
        version: VERSION,
        webDir: config.webDir,
        logger: { level: config.logLevel },
        trustProxy: config.trustProxy,
        cookieSecure: config.cookieSecure,
      });
      // Orders overdue at their step escalate one level up by themselves (issue 8 §2).
      const escalations = scheduleEscalations(store, {
        everyMs: ESCALATION_INTERVAL_MS,
        now: () => new Date().toISOString(),
        onEscalated: (e) =>
          process.stderr.write(
            `督办升级 (orders escalated): ${e.map((x) => `#${x.orderId} → ${x.toUnit}`).join(', ')}\n`,
          ),
        onError: (e) =>
          process.stderr.write(
            `督办升级失败 (escalation run failed): ${e instanceof Error ? e.message : String(e)}\n`,
          ),
      });
      const stop = async () => {
        await escalations.stop();
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await app.listen({ port: config.port, host: config.host });
      process.stderr.write(`suocha 缩差 listening on http://localhost:${config.port}\n`);
    });
}
