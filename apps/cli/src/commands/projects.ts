/**
 * `suocha projects import|template|status|demo` (issue 7 §5). The CLI works on the database directly,
 * as a provincial administrator (`--as` names the author recorded with the writes). `--json` prints the
 * object the HTTP API answers. Synthetic projects are flagged `synthetic` and labelled 模拟数据.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, basename } from 'node:path';
import type { Actor } from '@suocha/core';
import {
  defaultMonth,
  importProjectReports,
  loadDemoProjects,
  ProjectError,
  projectStatus,
  projectTemplate,
} from '@suocha/services';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { formatTable } from '../output';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ProjectsCliIo {
  readonly out: (s: string) => void;
  readonly now: () => string;
}

const defaultIo: ProjectsCliIo = {
  out: (s) => process.stdout.write(s),
  now: () => new Date().toISOString(),
};

const cliActor = (name: string | undefined): Actor => ({
  userId: 0,
  username: name ?? 'cli',
  role: 'province_admin',
  scopeUnit: '',
  scopePath: '/',
  department: null,
  via: 'token',
});

function checkMonth(v: string | undefined): string | undefined {
  if (v !== undefined && !MONTH.test(v)) throw new UserError(`--month 应为 YYYY-MM (got "${v}")`);
  return v;
}

async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProjectError) throw new UserError(`${e.code}: ${e.message}`);
    throw e;
  }
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

export function projectsCommands(program: Command, io: ProjectsCliIo = defaultIo): void {
  const projects = program
    .command('projects')
    .description('重大项目调度: project library, reports, dispatch');

  projects
    .command('import <file>')
    .description('import a month’s reports from a filled template (.xlsx) or CSV: all or nothing')
    .requiredOption('--month <YYYY-MM>', 'month of the reports')
    .option('--dry-run', 'check only; list every problem, write nothing')
    .option('--as <name>', 'author recorded for the reports')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        file: string,
        o: { month: string; dryRun?: boolean; as?: string; json?: boolean },
        cmd: Command,
      ) => {
        const month = checkMonth(o.month) as string;
        const bytes = readFileSync(file);
        const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
        const report = await withStore(cmd.optsWithGlobals<GlobalFlags>(), (store) =>
          userErrors(() =>
            importProjectReports(store, cliActor(o.as), bytes, {
              month,
              dryRun: o.dryRun === true,
              format,
              name: basename(file),
              now: io.now(),
            }),
          ),
        );
        if (o.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
        else {
          io.out(
            `${report.dryRun ? '试导入 (dry run)' : '导入'} ${report.file}: ${report.rows} rows, ${report.reports} reports, ` +
              `${report.newVersions} new versions, ${report.unchanged} unchanged, ${report.problemCount} problems` +
              `${report.written ? ', written' : ', nothing written'}\n`,
          );
          if (report.problems.length > 0)
            io.out(
              `${formatTable(
                report.problems.map((p) => ({
                  sheet: p.sheet,
                  row: p.row,
                  column: p.column ?? '',
                  code: p.code,
                  project: p.projectCode ?? '',
                  message: p.message,
                })),
              )}\n`,
            );
        }
        if (!report.ok) throw new UserError(`导入未通过, 未写入任何数据 (${report.problemCount} problem(s))`);
      },
    );

  projects
    .command('template')
    .description('write the monthly report template (.xlsx) of a unit and month')
    .requiredOption('--unit <code>', 'unit whose subtree’s projects are listed')
    .requiredOption('--month <YYYY-MM>', 'month of the reports')
    .requiredOption('--out <file>', 'output .xlsx')
    .action(async (o: { unit: string; month: string; out: string }, cmd: Command) => {
      const month = checkMonth(o.month) as string;
      const buf = await withStore(cmd.optsWithGlobals<GlobalFlags>(), (store) =>
        userErrors(() => projectTemplate(store, cliActor(undefined), o.unit, month)),
      );
      writeFileSync(o.out, buf);
      io.out(`${o.out}\n`);
    });

  projects
    .command('status')
    .description('roll-up with lights, and every project with light, completion and 序时 gap')
    .requiredOption('--of <unit>', 'root unit')
    .option('--month <YYYY-MM>', 'month judged (default: last month)')
    .option('--json', 'print the status as JSON')
    .action(async (o: { of: string; month?: string; json?: boolean }, cmd: Command) => {
      const month = checkMonth(o.month) ?? defaultMonth(io.now());
      const s = await withStore(cmd.optsWithGlobals<GlobalFlags>(), (store) =>
        userErrors(() => projectStatus(store, cliActor(undefined), { of: o.of, month })),
      );
      if (o.json) {
        io.out(`${JSON.stringify(s, null, 2)}\n`);
        return;
      }
      const t = s.total;
      io.out(
        `${s.unit.name} ${s.month}${s.synthetic ? ' [模拟数据 synthetic]' : ''}: ${t.count} projects, completion ${pct(t.completionRate)} ` +
          `(序时 ${pct(s.scheduleShare)}), start rate ${pct(t.startRate)}; red ${t.lights.red.count}, yellow ${t.lights.yellow.count}, green ${t.lights.green.count}\n`,
      );
      io.out(
        `${formatTable(
          s.byUnit.map((r) => ({
            unit: r.name,
            projects: r.count,
            completion: pct(r.completionRate),
            gap: r.gapPoints?.toFixed(1) ?? '',
            red: r.lights.red.count,
            yellow: r.lights.yellow.count,
          })),
        )}\n`,
      );
      for (const f of s.reported)
        io.out(
          `reported ${f.nameZh} ${f.period}: ${f.value} ${f.measure} (registry: ${f.registryValue === null ? '—' : f.registryValue.toFixed(1)}) — ${f.source}\n`,
        );
    });

  projects
    .command('demo')
    .description('load seeded synthetic projects (模拟数据) for demos')
    .option('--seed <n>', 'random seed', '1')
    .option('--count <n>', 'number of projects', '300')
    .option('--month <YYYY-MM>', 'last month with reports (default: last month)')
    .action(async (o: { seed: string; count: string; month?: string }, cmd: Command) => {
      const seed = Number(o.seed);
      const count = Number(o.count);
      if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1)
        throw new UserError('--seed and --count must be integers, --count ≥ 1');
      const month = checkMonth(o.month) ?? defaultMonth(io.now());
      const r = await withStore(cmd.optsWithGlobals<GlobalFlags>(), (store) =>
        userErrors(() => loadDemoProjects(store, { seed, count, month, now: io.now() })),
      );
      io.out(
        `模拟数据 (synthetic): ${r.projects} projects, ${r.plans} plans, ${r.reports} reports through ${month}\n`,
      );
    });
}
