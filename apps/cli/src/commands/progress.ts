/**
 * `suocha progress`, `suocha warnings`, `suocha observe`, `suocha derive`, `suocha formula` (issue 4 §5):
 * progress to targets as of a date, warnings with their raised/closed dates, recording one published
 * value with its source, and derived indicators.
 */
import { isUnitLevel } from '@suocha/core';
import {
  collectionSubmissions,
  defineFormula,
  ProgressError,
  progressReport,
  recomputeDerivedValues,
  recordObservation,
  warningsReport,
  type DerivedSummary,
  type ProgressRow,
} from '@suocha/services';
import { rootUnitCode, type StoredWarning } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(flag: string, v: string | undefined): void {
  if (v !== undefined && !DATE.test(v)) throw new UserError(`${flag} 应为 YYYY-MM-DD (got "${v}")`);
}

/** Use-case errors become user errors: a message, exit code 1, no stack trace. */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProgressError)
      throw new UserError(
        [e.message, ...e.problems.map((p) => `  ${p.code}: ${p.message}`)].filter(Boolean).join('\n'),
      );
    throw e;
  }
}

const round = (v: number | null | undefined, digits = 6): number | null =>
  v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** A progress row as one flat object for tables and `--json`. */
export function flatProgressRow(r: ProgressRow): Record<string, unknown> {
  return {
    targetId: r.targetId,
    indicator: r.indicator.code,
    indicatorName: r.indicator.nameZh,
    unit: r.unit.code,
    plan: r.plan.code,
    year: r.year,
    comparator: r.comparator,
    target: r.targetValue,
    latest: r.latest?.value ?? null,
    period: r.latest?.period ?? null,
    expected: round(r.expected),
    status: r.status,
    reason: r.reason,
    projected: round(r.projected),
    requiredAnnualChange: round(r.requiredAnnualChange),
    ratio: round(r.ratio),
    current: r.current,
    governing: r.governing,
    supersededBy: r.supersededBy,
    caveats: r.caveats,
    annualStatus: r.annual?.status ?? null,
    annualLatest: r.annual?.latest?.value ?? null,
    annualPeriod: r.annual?.latest?.period ?? null,
    synthetic: r.synthetic,
  };
}

const flatWarning = (w: StoredWarning, extra: Record<string, unknown>): Record<string, unknown> => ({
  id: w.id,
  rule: w.rule,
  severity: w.severity,
  unit: w.unitCode,
  unitName: w.unitName,
  indicator: w.indicatorCode,
  plan: w.planCode,
  targetId: w.targetId,
  dataset: w.datasetCode,
  period: w.period,
  raisedOn: w.raisedOn,
  closedOn: w.closedOn,
  ...extra,
  message: w.message,
  details: w.details,
});

const summaryLine = (s: DerivedSummary) =>
  `推算 derived values: +${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged` +
  (s.failed.length ? `, ${s.failed.length} failed` : '') +
  (s.conflicts.length ? `, ${s.conflicts.length} conflicts with recorded values` : '');

export function progressCommands(program: Command): void {
  program
    .command('progress')
    .description('目标进度 — progress of every target of a unit as of a date')
    .requiredOption('--unit <code>', 'unit whose targets to judge, e.g. 330000')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD); default today')
    .option('--level <level>', 'judge the targets of the units of this level below the unit instead')
    .option('--json', 'print a JSON array')
    .action(async (opts: { unit: string; asOf?: string; level?: string; json?: boolean }, cmd: Command) => {
      checkDate('--as-of', opts.asOf);
      const level = opts.level;
      if (level !== undefined && !isUnitLevel(level))
        throw new UserError(`未知层级 unknown level "${level}"`);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const report = await userErrors(() =>
          progressReport(store, {
            unitCode: opts.unit,
            asOf: opts.asOf ?? new Date().toISOString().slice(0, 10),
            ...(level ? { level } : {}),
          }),
        );
        const p = printer(Boolean(opts.json));
        p.list(report.items.map(flatProgressRow), [
          'indicator',
          'plan',
          'year',
          'comparator',
          'target',
          'latest',
          'period',
          'expected',
          'status',
          'projected',
          'requiredAnnualChange',
          'annualStatus',
        ]);
        if (!opts.json)
          p.info(
            `${report.unit.name} ${report.asOf}: ${Object.entries(report.counts)
              .filter(([, n]) => n > 0)
              .map(([s, n]) => `${s} ${n}`)
              .join(', ')} (targets judged now)${report.synthetic ? ' — 模拟数据 synthetic' : ''}`,
          );
      });
    });

  program
    .command('warnings')
    .description(
      '预警 — warnings open on a date, with those raised and resolved since the start of its month',
    )
    .requiredOption('--as-of <date>', 'evaluate and list as of this date (YYYY-MM-DD)')
    .option('--unit <code>', 'only warnings of this unit and its subtree (default: everything)')
    .option(
      '--since <date>',
      'start of the period for new and resolved warnings (default: first of the month)',
    )
    .option('--no-evaluate', 'list the stored warnings without evaluating the rules first')
    .option('--json', 'print a JSON array')
    .action(
      async (
        opts: { asOf: string; unit?: string; since?: string; evaluate: boolean; json?: boolean },
        cmd: Command,
      ) => {
        checkDate('--as-of', opts.asOf);
        checkDate('--since', opts.since);
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const unit = opts.unit ?? (await rootUnitCode(store));
          if (unit === undefined) throw new UserError('数据库为空, 请先运行 suocha init (empty database)');
          const r = await userErrors(() =>
            warningsReport(store, {
              unitCode: unit,
              asOf: opts.asOf,
              ...(opts.since ? { since: opts.since } : {}),
              evaluate: opts.evaluate ? 'auto' : 'never',
              now: new Date().toISOString(),
              submissions: collectionSubmissions(store),
            }),
          );
          const raised = new Set(r.raised.map((w) => w.id));
          const rows = [
            ...r.open.map((w) => flatWarning(w, { state: 'open', new: raised.has(w.id) })),
            ...r.closed.map((w) => flatWarning(w, { state: 'resolved', new: raised.has(w.id) })),
          ];
          const p = printer(Boolean(opts.json));
          p.list(rows, [
            'severity',
            'rule',
            'state',
            'new',
            'unit',
            'indicator',
            'period',
            'raisedOn',
            'closedOn',
            'message',
          ]);
          if (!opts.json)
            p.info(
              `${r.since} – ${r.asOf}: ${r.open.length} open, ${r.raised.length} new, ${r.closed.length} resolved` +
                (r.evaluation?.evaluated
                  ? ` (evaluated: +${r.evaluation.raised}, −${r.evaluation.closed})`
                  : ''),
            );
        });
      },
    );

  program
    .command('observe <indicator> <unit> <period> <value>')
    .description('记录一个数值及其来源 — record one published value with its source')
    .requiredOption('--source <text>', 'where the figure was published (document, table, URL)')
    .option('--note <text>', 'a note on the value')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        indicator: string,
        unit: string,
        period: string,
        value: string,
        opts: { source: string; note?: string; json?: boolean },
        cmd: Command,
      ) => {
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const r = await userErrors(() =>
            recordObservation(
              store,
              {
                indicatorCode: indicator,
                unitCode: unit,
                period,
                value,
                source: opts.source,
                ...(opts.note ? { note: opts.note } : {}),
              },
              { by: 'suocha observe', now: new Date().toISOString() },
            ),
          );
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(r)}\n`);
            return;
          }
          const o = r.observation;
          process.stdout.write(
            `${r.action === 'unchanged' ? '未改动 unchanged' : r.action === 'inserted' ? '已记录 recorded' : '已更新 updated'}: ` +
              `${o.indicatorCode} ${o.unitCode} ${o.period} = ${o.value} (version ${o.version}, source: ${o.source})\n`,
          );
          if (r.derived.inserted + r.derived.updated > 0) process.stdout.write(`${summaryLine(r.derived)}\n`);
        });
      },
    );

  program
    .command('derive')
    .description('重算推算指标 — recompute the values of derived (formula) indicators, with lineage')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const s = await userErrors(() =>
          recomputeDerivedValues(store, { now: new Date().toISOString(), by: 'suocha derive' }),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(s)}\n`);
          return;
        }
        process.stdout.write(`${summaryLine(s)}\n`);
        for (const f of s.failed)
          process.stdout.write(`  failed ${f.indicator} ${f.unit} ${f.period}: ${f.message}\n`);
        for (const c of s.conflicts)
          process.stdout.write(
            `  conflict ${c.indicator} ${c.unit} ${c.period}: recorded ${c.recorded}, formula gives ${c.computed}\n`,
          );
      });
    });

  program
    .command('formula <indicator> <formula>')
    .description(
      '定义推算公式 — define an indicator as a formula (checked: unknown names, division by zero, cycles)',
    )
    .action(async (indicator: string, formula: string, _opts: unknown, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const s = await userErrors(() =>
          defineFormula(store, indicator, formula, { now: new Date().toISOString(), by: 'suocha formula' }),
        );
        process.stdout.write(`公式已保存 formula saved for ${indicator}\n${summaryLine(s)}\n`);
      });
    });
}
