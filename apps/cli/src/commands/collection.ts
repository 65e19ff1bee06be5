/**
 * `suocha collect …`: data sets, entry templates, imports (dry run or all-or-nothing), exports, value
 * history and the reporting rate, from the command line. The command line works on the database
 * directly, as its operator: it does not log in, and records `--as` (default `cli:<os user>`) as the
 * author of every change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { DataSetInput } from '@suocha/contract';
import { formatProblems } from '@suocha/core';
import {
  buildTemplate,
  changeDataSet,
  defineDataSet,
  exportHistory,
  exportValues,
  importValues,
  reportingRate,
  valueHistory,
} from '@suocha/services';
import { getDataSet, getReportingUnit, listDataSets, listReportingUnits } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

const who = (as: string | undefined) => as ?? `cli:${userInfo().username}`;

function write(out: string, bytes: Buffer): void {
  writeFileSync(out, bytes);
  process.stderr.write(`已写入 written: ${out} (${bytes.length} bytes)\n`);
}

const exportFormat = (f: string): 'csv' | 'xlsx' => {
  if (f !== 'csv' && f !== 'xlsx') throw new UserError(`--format must be csv or xlsx, not "${f}"`);
  return f;
};

export function collectionCommands(program: Command): void {
  const collect = program
    .command('collect')
    .description('数据填报 — data sets, templates, imports, exports, history, reporting rate');

  collect
    .command('datasets')
    .description('数据集 — list the data sets')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const rows = (await listDataSets(store)).map((d) => ({
          ...d,
          fields: d.fields.length,
          rules: d.rules.length,
        }));
        printer(Boolean(opts.json)).list(rows, [
          'code',
          'nameZh',
          'periodKind',
          'level',
          'scopeUnit',
          'dueDay',
          'fields',
          'rules',
          'version',
        ]);
      });
    });

  collect
    .command('define <file>')
    .description(
      '定义或修改数据集 — create (or, if it exists, update) a data set from a JSON file (contract DataSetInput)',
    )
    .option('--as <name>', 'author recorded for the change')
    .action(async (file: string, opts: { as?: string }, cmd: Command) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new UserError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const parsed = DataSetInput.safeParse(json);
      if (!parsed.success)
        throw new UserError(
          `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const meta = { by: who(opts.as), at: new Date().toISOString() };
        const existing = await getDataSet(store, parsed.data.code);
        const saved = existing
          ? await changeDataSet(store, parsed.data, existing.version, meta)
          : await defineDataSet(store, parsed.data, meta);
        process.stdout.write(
          `${existing ? '已更新 updated' : '已创建 created'} ${saved.code} (version ${saved.version})\n`,
        );
      });
    });

  collect
    .command('template')
    .description('下载填报模板 — write the .xlsx entry template of a data set for units and a period')
    .requiredOption('--dataset <code>', 'data set')
    .requiredOption('--period <period>', 'e.g. 2025-11')
    .option('--unit <codes>', 'unit codes, comma-separated')
    .option('--under <code>', 'every unit of the data set’s level under this one')
    .requiredOption('--out <file>', 'where to write the .xlsx')
    .action(
      async (
        opts: { dataset: string; period: string; unit?: string; under?: string; out: string },
        cmd: Command,
      ) => {
        if ((opts.unit === undefined) === (opts.under === undefined))
          throw new UserError('give --unit or --under');
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          let units = opts.unit?.split(',').map((u) => u.trim()) ?? [];
          if (opts.under !== undefined) {
            const ds = await getDataSet(store, opts.dataset);
            const root = await getReportingUnit(store, opts.under);
            if (!ds) throw new UserError(`数据集 ${opts.dataset} 不存在 (no such data set)`);
            if (!root) throw new UserError(`区划 ${opts.under} 不存在 (no such unit)`);
            units = (await listReportingUnits(store, root.path, ds.level))
              .filter((u) => u.validTo === null)
              .map((u) => u.code);
          }
          const t = await buildTemplate(store, {
            datasetCode: opts.dataset,
            period: opts.period,
            unitCodes: units,
          });
          write(opts.out, t.bytes);
        });
      },
    );

  collect
    .command('import <file>')
    .description(
      '导入数据 — check a filled-in template (.xlsx) or a CSV (unit_code,indicator,period,value[,comment]) and write it all or nothing',
    )
    .option('--dataset <code>', 'data set (required for CSV)')
    .option('--dry-run', 'check only; list every problem, write nothing')
    .option('--as <name>', 'author recorded for the changes')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        file: string,
        opts: { dataset?: string; dryRun?: boolean; as?: string; json?: boolean },
        cmd: Command,
      ) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (e) {
          throw new UserError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
        }
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const report = await importValues(store, {
            file: { name: basename(file), bytes },
            ...(opts.dataset === undefined ? {} : { datasetCode: opts.dataset }),
            dryRun: Boolean(opts.dryRun),
            by: who(opts.as),
            at: new Date().toISOString(),
            onProgress: (stage, done, total) => {
              if (stage === 'write' && total > 0) process.stderr.write(`… 写入 writing ${done}/${total}\n`);
            },
          });
          if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
          else {
            const what = `${report.rows} rows, ${report.forms} forms: ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged`;
            if (report.ok)
              process.stdout.write(
                `${report.written ? '已导入 imported' : report.dryRun ? '检查通过 checked, nothing written' : '无变化 nothing to write'}: ${what}\n`,
              );
            else
              process.stdout.write(
                `${formatProblems(report.problems)}\n${report.problemCount} 个问题, 未写入 (${report.problemCount} problem(s); nothing written)\n`,
              );
            if (report.warnings.length)
              process.stdout.write(`警告 warnings:\n${formatProblems(report.warnings)}\n`);
          }
          if (!report.ok) process.exitCode = 1;
        });
      },
    );

  collect
    .command('export')
    .description('导出数据 — values of a data set for a period (CSV with BOM, or .xlsx), importable again')
    .requiredOption('--dataset <code>', 'data set')
    .requiredOption('--period <period>', 'e.g. 2025-11')
    .option('--unit <code>', 'only this subtree')
    .option('--format <f>', 'csv or xlsx', 'csv')
    .requiredOption('--out <file>', 'where to write')
    .action(
      async (
        opts: { dataset: string; period: string; unit?: string; format: string; out: string },
        cmd: Command,
      ) => {
        const format = exportFormat(opts.format);
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const f = await exportValues(store, {
            datasetCode: opts.dataset,
            period: opts.period,
            format,
            ...(opts.unit === undefined ? {} : { rootUnit: opts.unit }),
          });
          write(opts.out, f.bytes);
        });
      },
    );

  collect
    .command('history')
    .description('修改记录 — the append-only history of a value, or of every value of a unit and period')
    .requiredOption('--unit <code>', 'unit')
    .requiredOption('--period <period>', 'period')
    .option('--indicator <code>', 'one value only')
    .option('--dataset <code>', 'only the data set’s fields')
    .option('--out <file>', 'write CSV or .xlsx (by the file’s extension) instead of printing')
    .option('--json', 'print a JSON array')
    .action(
      async (
        opts: {
          unit: string;
          period: string;
          indicator?: string;
          dataset?: string;
          out?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const key = {
            unitCode: opts.unit,
            period: opts.period,
            ...(opts.indicator === undefined ? {} : { indicatorCode: opts.indicator }),
            ...(opts.dataset === undefined ? {} : { datasetCode: opts.dataset }),
          };
          if (opts.out !== undefined) {
            const f = await exportHistory(store, {
              ...key,
              format: opts.out.endsWith('.xlsx') ? 'xlsx' : 'csv',
            });
            write(opts.out, f.bytes);
            return;
          }
          printer(Boolean(opts.json)).list(
            (await valueHistory(store, key)).map((h) => ({ ...h })),
            [
              'indicatorCode',
              'version',
              'changedAt',
              'changedBy',
              'oldValue',
              'newValue',
              'oldStatus',
              'newStatus',
              'reason',
            ],
          );
        });
      },
    );

  collect
    .command('rate')
    .description('报送率 — which units have reported a data set for a period, on time or late')
    .requiredOption('--dataset <code>', 'data set')
    .requiredOption('--period <period>', 'period')
    .option('--unit <code>', 'root of the view (default: the data set’s scope)')
    .option('--json', 'print the whole view as JSON')
    .action(
      async (opts: { dataset: string; period: string; unit?: string; json?: boolean }, cmd: Command) => {
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const v = await reportingRate(store, {
            datasetCode: opts.dataset,
            period: opts.period,
            now: new Date().toISOString(),
            ...(opts.unit === undefined ? {} : { rootUnit: opts.unit }),
          });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(v)}\n`);
            return;
          }
          const t = v.totals;
          const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
          process.stdout.write(
            `${v.root.name} ${v.period} 截止 due ${v.dueDate}: 应报 expected ${t.expected}, 已报 reported ${t.reported} (${pct(t.rate)}), 按时 on time ${t.onTime} (${pct(t.onTimeRate)}), 迟报 late ${t.late}, 逾期未报 overdue ${t.overdue}, 未到期 pending ${t.pending}\n`,
          );
          printer(false).list(
            v.byChild.map((c) => ({
              code: c.code,
              name: c.name,
              expected: c.totals.expected,
              reported: c.totals.reported,
              onTime: c.totals.onTime,
              late: c.totals.late,
              overdue: c.totals.overdue,
            })),
          );
        });
      },
    );
}
