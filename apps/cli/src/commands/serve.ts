import { buildServer } from '@suocha/server';
import { loadDefaultDataset } from '@suocha/services';
import { openStore, storeConfigFrom } from '@suocha/store';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import type { GlobalFlags } from '../context';
import { VERSION } from '../version';

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
      const store = await openStore(storeConfigFrom(config.db));
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
      const app = await buildServer({
        store,
        dataDir: config.dataDir,
        version: VERSION,
        webDir: config.webDir,
        logger: { level: config.logLevel },
      });
      const stop = async () => {
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
