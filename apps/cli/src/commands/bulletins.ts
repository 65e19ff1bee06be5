/**
 * `suocha bulletin --month 2025-11 --out bulletin.docx [--xlsx f.xlsx] [--html f.html] [--publish]`
 * (issue 8 §5): writes a month's bulletin (月度通报) — the published snapshot if the month is published,
 * else a preview from the data as they are — and optionally publishes it first.
 */
import { writeFileSync } from 'node:fs';
import {
  BulletinError,
  bulletinForMonth,
  collectionSubmissions,
  publishBulletin,
  renderBulletin,
  type AssembleOptions,
} from '@suocha/services';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';

interface BulletinFlags {
  month: string;
  out: string;
  xlsx?: string;
  html?: string;
  issuer?: string;
  publish?: boolean;
  by?: string;
}

export function bulletinsCommands(program: Command): void {
  program
    .command('bulletin')
    .description(
      '月度通报 — the monthly bulletin of a month as Word (.docx), Excel (.xlsx) and printable HTML',
    )
    .requiredOption('--month <YYYY-MM>', 'the month reported on, e.g. 2025-11 (must have ended)')
    .requiredOption('--out <file.docx>', 'where to write the Word document')
    .option('--xlsx <file.xlsx>', 'also write every table to this workbook')
    .option('--html <file.html>', 'also write the printable HTML page')
    .option(
      '--issuer <text>',
      'issuing body printed in the header (default 浙江省缩小三大差距工作专班办公室)',
    )
    .option('--publish', 'publish the month first (stores its snapshot; refused if already published)')
    .option('--by <name>', 'who publishes (with --publish)', 'cli')
    .action(async (opts: BulletinFlags, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const options: AssembleOptions = {
          month: opts.month,
          now: new Date().toISOString(),
          submissions: collectionSubmissions(store),
          ...(opts.issuer !== undefined ? { issuer: opts.issuer } : {}),
        };
        try {
          const view =
            opts.publish === true
              ? await publishBulletin(store, { ...options, publishedBy: opts.by ?? 'cli' })
              : await bulletinForMonth(store, options);
          const outputs: [string | undefined, 'docx' | 'xlsx' | 'html'][] = [
            [opts.out, 'docx'],
            [opts.xlsx, 'xlsx'],
            [opts.html, 'html'],
          ];
          for (const [file, format] of outputs) {
            if (file === undefined) continue;
            writeFileSync(file, (await renderBulletin(view.content, format)).bytes);
            process.stderr.write(`${file}\n`);
          }
          const state = view.published
            ? `已发布 published ${view.published.publishedAt} by ${view.published.publishedBy}`
            : '预览 preview (not published)';
          process.stderr.write(
            `${view.content.title}（${view.content.issueNumber}）${state}; sha256 ${view.contentHash}` +
              `${view.content.synthetic ? '; 含模拟数据 contains synthetic data' : ''}\n`,
          );
        } catch (e) {
          if (e instanceof BulletinError) throw new UserError(e.message);
          throw e;
        }
      });
    });
}
