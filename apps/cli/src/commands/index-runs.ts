/**
 * The index from the command line (issue 6): `suocha index run|runs|show|compare|export|health|frameworks|
 * add-framework|propose|proposals|accept|reject`, and `suocha demo load` for seeded demo data (模拟数据).
 * Listings take `--json` and print a JSON array; `index run|show|compare|health --json` print the object
 * the HTTP API answers.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { isUnitLevel, type UnitLevel } from '@suocha/core';
import {
  ClassificationRuleSchema,
  type ClassificationRuleDto,
  type IndexRunDto,
  type IndexRunSummaryDto,
  type ProposalDto,
} from '@suocha/contract';
import {
  acceptClassification,
  compareIndexRuns,
  countyHealth,
  createIndexRun,
  getIndexRunDto,
  leagueTableWorkbook,
  listFrameworkDtos,
  listIndexRunSummaries,
  listProposalDtos,
  loadDemoData,
  proposeClassifications,
  registerFramework,
  rejectClassification,
  type IndexServiceError,
} from '@suocha/services';
import type { Command } from 'commander';
import { z } from 'zod';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

/** Where the commands write (stdout and stderr by default; tests pass their own). */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const DEFAULT_IO: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const now = () => new Date().toISOString();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function defaultBy(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** A service error as a message for people; framework problems one per line with their JSON path. */
export function indexFailure(e: IndexServiceError): UserError {
  if (!e.issues?.length) return new UserError(e.message);
  return new UserError(
    `指标框架无效 invalid framework:\n${e.issues.map((i) => `  ${i.path}  ${i.code}: ${i.message}`).join('\n')}`,
  );
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: IndexServiceError }): T => {
  if (!r.ok) throw indexFailure(r.error);
  return r.value;
};

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`${name} 应为正整数 (must be a positive integer): "${v}"`);
  return n;
}

function wholeNumber(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new UserError(`${name} 应为非负整数 (must be a whole number ≥ 0): "${v}"`);
  return n;
}

function checkDate(name: string, v: string | undefined): void {
  if (v !== undefined && !DATE.test(v)) throw new UserError(`${name} 应为 YYYY-MM-DD (got "${v}")`);
}

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`无法读取 cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(
      `不是有效的 JSON (not valid JSON) ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** `--framework`: a JSON file, or a stored `code` / `code@version`. */
async function frameworkRef(
  value: string | undefined,
): Promise<{ framework?: string; frameworkVersion?: number; frameworkJson?: unknown }> {
  if (value === undefined) return {};
  if (value.endsWith('.json') || existsSync(value)) return { frameworkJson: await readJsonFile(value) };
  const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*?)(?:@(\d+))?$/.exec(value);
  if (!m)
    throw new UserError(
      `--framework 应为 JSON 文件或 code[@version] (a .json file or code[@version]): "${value}"`,
    );
  return { framework: m[1]!, ...(m[2] !== undefined ? { frameworkVersion: Number(m[2]) } : {}) };
}

const fixed = (x: number | null, d = 2) => (x === null ? '' : x.toFixed(d));
const signed = (x: number | null) => (x === null ? '' : x > 0 ? `+${x}` : String(x));

function runHeader(run: IndexRunSummaryDto): string {
  return [
    `${run.syntheticLabel ? `【${run.syntheticLabel}】 ` : ''}运行 run #${run.id}: ${run.framework.nameZh} (${run.framework.code} v${run.framework.version})`,
    `  期间 period ${run.period}, 截至 as of ${run.asOf}, 范围 scope ${run.scopeUnit.name} ${run.scopeUnit.code} (${run.level})`,
    `  ${run.units} 个单位 units, ${run.ranked} 排名 ranked, ${run.belowCoverage} 覆盖不足 below coverage, ${run.noData} 无数据 no data`,
    `  数据指纹 data fingerprint ${run.dataFingerprint}`,
  ].join('\n');
}

function leagueRows(run: IndexRunDto): Record<string, unknown>[] {
  const names = new Map(run.indicators.map((i) => [i.code, i.nameZh]));
  return run.rows.map((r) => ({
    rank: r.rank ?? '',
    code: r.unitCode,
    name: r.name,
    parent: r.parentName ?? '',
    山区海岛: r.mountainIsland ? '✓' : '',
    score: fixed(r.score),
    group: r.groupRank ?? '',
    city: r.parentRank ?? '',
    change: signed(r.rankChange),
    interval: r.rankInterval ? `${r.rankInterval.p5}–${r.rankInterval.p95}` : '',
    ...Object.fromEntries(run.domains.map((d) => [d.nameZh, fixed(r.domainScores[d.code] ?? null, 1)])),
    coverage: `${Math.round(r.coverage * 100)}%${r.belowCoverage ? ' ✗' : ''}`,
    weakest: r.weakest.map((w) => names.get(w.indicator) ?? w.indicator).join('、'),
  }));
}

function printRun(run: IndexRunDto, json: boolean, io: CliIo): void {
  if (json) {
    io.out(`${JSON.stringify(run)}\n`);
    return;
  }
  io.out(`${runHeader(run)}\n`);
  for (const n of run.notes) io.out(`  注 note: ${n}\n`);
  io.out(`  ${run.rankChangeBasis.note}\n\n`);
  printer(false, io.out, io.err).list(leagueRows(run));
}

function proposalRows(items: readonly ProposalDto[]): Record<string, unknown>[] {
  return items.map((p) => ({
    id: p.id,
    status: p.status,
    group: p.groupName,
    direction: p.direction === 'enter' ? '纳入 enter' : '调出 leave',
    unit: `${p.unitName} ${p.unitCode}`,
    rule: p.rule,
    period: p.period,
    synthetic: p.syntheticLabel ?? '',
    evidence: p.evidence.summary.zh,
  }));
}

export function indexCommands(program: Command, io: CliIo = DEFAULT_IO): void {
  const index = program
    .command('index')
    .description('县域评价 — composite index runs, league tables, classification');
  const flagsOf = (cmd: Command) => cmd.optsWithGlobals<GlobalFlags>();

  index
    .command('run')
    .description('计算并冻结一次指数结果 — compute and freeze an index run (league table)')
    .option(
      '--framework <file|code[@version]>',
      'framework JSON file, or a stored code (default: the platform default)',
    )
    .requiredOption('--of <code>', 'scope unit, e.g. 330000')
    .option('--level <level>', 'units to rank under the scope unit', 'county')
    .requiredOption('--period <period>', 'period, e.g. 2025')
    .option('--as-of <date>', 'units and group membership on this date (default: the period end)')
    .option('--samples <n>', 'Monte Carlo samples for rank intervals (0 = none)', '1000')
    .option('--seed <n>', 'Monte Carlo seed', '1')
    .option('--by <name>', 'recorded as the run’s author')
    .option('--json', 'print the run as JSON')
    .action(
      async (
        opts: {
          framework?: string;
          of: string;
          level: string;
          period: string;
          asOf?: string;
          samples: string;
          seed: string;
          by?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if (!isUnitLevel(opts.level)) throw new UserError(`未知层级 unknown level "${opts.level}"`);
        const level: UnitLevel = opts.level;
        checkDate('--as-of', opts.asOf);
        const samples = wholeNumber('--samples', opts.samples);
        const seed = wholeNumber('--seed', opts.seed);
        const ref = await frameworkRef(opts.framework);
        await withStore(flagsOf(cmd), async (store, config) => {
          const run = must(
            await createIndexRun(
              store,
              { ...ref, of: opts.of, level, period: opts.period, asOf: opts.asOf, samples, seed },
              { by: opts.by ?? defaultBy(), now: now(), dataDir: config.dataDir },
            ),
          );
          printRun(run, Boolean(opts.json), io);
        });
      },
    );

  index
    .command('runs')
    .description('已冻结的指数结果 — list frozen runs, newest first')
    .option('--framework <code>', 'only this framework code')
    .option('--of <code>', 'only this scope unit')
    .option('--period <period>', 'only this period')
    .option('--json', 'print a JSON array')
    .action(
      async (opts: { framework?: string; of?: string; period?: string; json?: boolean }, cmd: Command) => {
        await withStore(flagsOf(cmd), async (store) => {
          const runs = await listIndexRunSummaries(store, {
            ...(opts.framework !== undefined ? { frameworkCode: opts.framework } : {}),
            ...(opts.of !== undefined ? { scopeUnit: opts.of } : {}),
            ...(opts.period !== undefined ? { period: opts.period } : {}),
          });
          const p = printer(Boolean(opts.json), io.out, io.err);
          if (opts.json) p.list(runs);
          else
            p.list(
              runs.map((r) => ({
                id: r.id,
                framework: `${r.framework.code} v${r.framework.version}`,
                scope: `${r.scopeUnit.name} ${r.scopeUnit.code}`,
                level: r.level,
                period: r.period,
                asOf: r.asOf,
                ranked: `${r.ranked}/${r.units}`,
                synthetic: r.syntheticLabel ?? '',
                createdAt: r.createdAt,
                fingerprint: r.dataFingerprint.slice(0, 12),
              })),
            );
        });
      },
    );

  index
    .command('show <run>')
    .description('显示一次冻结结果 — show a frozen run exactly as it was computed')
    .option('--json', 'print the run as JSON')
    .action(async (runId: string, opts: { json?: boolean }, cmd: Command) => {
      const id = positiveInt('run', runId);
      await withStore(flagsOf(cmd), async (store) =>
        printRun(must(await getIndexRunDto(store, id)), Boolean(opts.json), io),
      );
    });

  index
    .command('compare <runA> <runB>')
    .description('比较两次结果 — what changed between two runs: inputs and ranks')
    .option('--json', 'print the comparison as JSON')
    .action(async (a: string, b: string, opts: { json?: boolean }, cmd: Command) => {
      const ids = [positiveInt('runA', a), positiveInt('runB', b)] as const;
      await withStore(flagsOf(cmd), async (store) => {
        const cmp = must(await compareIndexRuns(store, ids[0], ids[1]));
        if (opts.json) {
          io.out(`${JSON.stringify(cmp)}\n`);
          return;
        }
        io.out(`${runHeader(cmp.a)}\n${runHeader(cmp.b)}\n`);
        io.out(
          `框架相同 same framework: ${cmp.sameFramework ? '是 yes' : '否 no'}; 数据相同 same data: ${cmp.sameData ? '是 yes' : '否 no'}` +
            `; 输入 inputs: ${cmp.inputs.changed} changed, ${cmp.inputs.added} added, ${cmp.inputs.removed} removed, ${cmp.inputs.unchanged} unchanged\n\n`,
        );
        const p = printer(false, io.out, io.err);
        if (cmp.inputs.items.length) {
          p.list(
            cmp.inputs.items.map((i) => ({
              change: i.change,
              indicator: i.indicator,
              unit: `${i.unitName ?? ''} ${i.unitCode}`,
              period: i.period,
              role: i.role,
              before: i.a ? `${i.a.value} (v${i.a.version})` : '',
              after: i.b ? `${i.b.value} (v${i.b.version})` : '',
            })),
          );
          io.out('\n');
        }
        p.list(
          cmp.units
            .filter((u) => u.rankMove !== 0)
            .map((u) => ({
              unit: `${u.name} ${u.unitCode}`,
              rankA: u.rankA ?? '',
              rankB: u.rankB ?? '',
              move: signed(u.rankMove),
              scoreA: fixed(u.scoreA),
              scoreB: fixed(u.scoreB),
            })),
        );
      });
    });

  index
    .command('export <run>')
    .description('导出排名表为 Excel — export a league table to .xlsx')
    .option('--out <file>', 'output file (default: 县域排名_<framework>_<period>_run<id>.xlsx)')
    .action(async (runId: string, opts: { out?: string }, cmd: Command) => {
      const id = positiveInt('run', runId);
      await withStore(flagsOf(cmd), async (store) => {
        const run = must(await getIndexRunDto(store, id));
        const file =
          opts.out ??
          `县域排名_${run.framework.code}_v${run.framework.version}_${run.period}_run${run.id}${run.synthetic ? '_模拟数据' : ''}.xlsx`;
        await writeFile(file, await leagueTableWorkbook(run));
        io.err(`已导出 exported ${file}${run.synthetic ? ` (${run.syntheticLabel})` : ''}\n`);
      });
    });

  index
    .command('health <unit>')
    .description('县域体检表 — a county’s domains and indicators beside the medians, weakest, rank history')
    .option('--run <id>', 'from this run (default: the latest run that includes the county)')
    .option('--json', 'print as JSON')
    .action(async (unit: string, opts: { run?: string; json?: boolean }, cmd: Command) => {
      const runId = opts.run !== undefined ? positiveInt('--run', opts.run) : undefined;
      await withStore(flagsOf(cmd), async (store) => {
        const h = must(await countyHealth(store, unit, runId));
        if (opts.json) {
          io.out(`${JSON.stringify(h)}\n`);
          return;
        }
        io.out(
          `${runHeader(h.run)}\n\n${h.unit.name} ${h.unit.code} (${h.unit.parentName ?? ''})${h.unit.mountainIsland ? ' 山区海岛县' : ''}: `,
        );
        io.out(
          `得分 score ${fixed(h.row.score)}, 排名 rank ${h.row.rank ?? '—'}, 覆盖率 coverage ${Math.round(h.row.coverage * 100)}%\n\n`,
        );
        const p = printer(false, io.out, io.err);
        p.list(
          h.domains.map((d) => ({
            domain: d.nameZh,
            score: fixed(d.score),
            median: fixed(d.runMedian),
            groupMedian: fixed(d.groupMedian),
          })),
        );
        io.out('\n');
        p.list(
          h.indicators.map((i) => ({
            indicator: i.nameZh,
            value: i.missing ? '缺 missing' : `${i.value ?? ''}${i.imputed ? ' (插补 imputed)' : ''}`,
            median: i.runMedian ?? '',
            normalised: fixed(i.normalised, 1),
            shortfall: fixed(i.shortfall),
          })),
        );
        io.out('\n');
        p.list(
          h.rankHistory.map((x) => ({
            run: x.runId,
            period: x.period,
            rank: x.rank ?? '',
            score: fixed(x.score),
            synthetic: x.synthetic ? '模拟数据' : '',
          })),
        );
      });
    });

  index
    .command('frameworks')
    .description('指标框架及其版本 — stored frameworks and their versions')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(flagsOf(cmd), async (store) => {
        const items = await listFrameworkDtos(store);
        printer(Boolean(opts.json), io.out, io.err).list(
          opts.json
            ? items
            : items.map((f) => ({
                id: f.id,
                code: f.code,
                version: f.version,
                name: f.nameZh,
                createdAt: f.createdAt,
                createdBy: f.createdBy,
              })),
        );
      });
    });

  index
    .command('add-framework <file>')
    .description(
      '校验并保存指标框架(内容变化即新版本) — validate and store a framework (a change is a new version)',
    )
    .option('--by <name>', 'recorded as its author')
    .action(async (file: string, opts: { by?: string }, cmd: Command) => {
      const json = await readJsonFile(file);
      await withStore(flagsOf(cmd), async (store) => {
        const r = must(await registerFramework(store, json, { by: opts.by ?? defaultBy(), now: now() }));
        io.out(
          `${r.created ? '已保存 stored' : '内容未变, 沿用 unchanged, already stored as'} ${r.stored.code} v${r.stored.version} (id ${r.stored.id})\n`,
        );
      });
    });

  index
    .command('propose')
    .description('分类动态调整: 按规则生成提议 — run the classification rules and list new proposals')
    .requiredOption('--of <code>', 'scope unit, e.g. 330000')
    .requiredOption('--period <period>', 'period judged, e.g. 2025')
    .option('--as-of <date>', 'membership on this date (default: today)')
    .option('--run <id>', 'index run for the index_score rules (adds the default index rules)')
    .option('--rules <file>', 'JSON array of rules (default: the platform default rules)')
    .option('--by <name>', 'recorded as the proposer')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (
        opts: {
          of: string;
          period: string;
          asOf?: string;
          run?: string;
          rules?: string;
          by?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        checkDate('--as-of', opts.asOf);
        const runId = opts.run !== undefined ? positiveInt('--run', opts.run) : undefined;
        let rules: ClassificationRuleDto[] | undefined;
        if (opts.rules !== undefined) {
          const parsed = z
            .array(ClassificationRuleSchema)
            .min(1)
            .safeParse(await readJsonFile(opts.rules));
          if (!parsed.success)
            throw new UserError(
              `规则文件无效 invalid rules ${opts.rules}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
            );
          rules = parsed.data;
        }
        await withStore(flagsOf(cmd), async (store) => {
          const out = must(
            await proposeClassifications(
              store,
              { of: opts.of, period: opts.period, asOf: opts.asOf, runId, rules },
              { by: opts.by ?? defaultBy(), now: now() },
            ),
          );
          if (opts.json) {
            io.out(`${JSON.stringify(out)}\n`);
            return;
          }
          io.out(`新提议 new proposals: ${out.created.length}; 已有 already open: ${out.existing.length}\n`);
          for (const n of out.notes) io.out(`  注 note: ${n}\n`);
          printer(false, io.out, io.err).list(proposalRows([...out.created, ...out.existing]));
        });
      },
    );

  index
    .command('proposals')
    .description('分类调整提议 — list classification proposals')
    .option('--status <status>', 'proposed, accepted or rejected')
    .option('--group <code>', 'only this group')
    .option('--of <code>', 'only units under this unit')
    .option('--json', 'print a JSON array')
    .action(async (opts: { status?: string; group?: string; of?: string; json?: boolean }, cmd: Command) => {
      const status = opts.status;
      if (status !== undefined && status !== 'proposed' && status !== 'accepted' && status !== 'rejected')
        throw new UserError(`--status 应为 proposed、accepted 或 rejected (got "${status}")`);
      await withStore(flagsOf(cmd), async (store) => {
        const items = await listProposalDtos(store, {
          ...(status !== undefined ? { status } : {}),
          ...(opts.group !== undefined ? { group: opts.group } : {}),
          ...(opts.of !== undefined ? { of: opts.of } : {}),
        });
        printer(Boolean(opts.json), io.out, io.err).list(opts.json ? items : proposalRows(items));
      });
    });

  index
    .command('accept <id>')
    .description(
      '采纳提议, 自生效日起改变分组 — accept a proposal: the membership changes from the effective date',
    )
    .requiredOption('--effective <date>', 'date from which the membership starts or ends (YYYY-MM-DD)')
    .option('--note <text>', 'reason', '')
    .option('--by <name>', 'recorded as the decider')
    .action(async (idText: string, opts: { effective: string; note: string; by?: string }, cmd: Command) => {
      const id = positiveInt('id', idText);
      checkDate('--effective', opts.effective);
      await withStore(flagsOf(cmd), async (store) => {
        const p = must(
          await acceptClassification(store, id, {
            effectiveDate: opts.effective,
            note: opts.note,
            by: opts.by ?? defaultBy(),
            now: now(),
          }),
        );
        io.out(
          `已采纳 accepted #${p.id}: ${p.unitName} ${p.direction === 'enter' ? '纳入' : '调出'} ${p.groupName}, 自 ${p.effectiveDate ?? ''} 起\n`,
        );
      });
    });

  index
    .command('reject <id>')
    .description('不采纳提议 — reject a proposal')
    .option('--note <text>', 'reason', '')
    .option('--by <name>', 'recorded as the decider')
    .action(async (idText: string, opts: { note: string; by?: string }, cmd: Command) => {
      const id = positiveInt('id', idText);
      await withStore(flagsOf(cmd), async (store) => {
        const p = must(
          await rejectClassification(store, id, { note: opts.note, by: opts.by ?? defaultBy(), now: now() }),
        );
        io.out(`已不采纳 rejected #${p.id}: ${p.unitName}\n`);
      });
    });

  program
    .command('demo')
    .description('演示数据(模拟数据) — demo data, always labelled 模拟数据')
    .command('load')
    .description(
      '写入带种子的模拟县级数据 2023–2025 — write seeded synthetic county values (refused if the database holds real work)',
    )
    .option('--seed <n>', 'seed of the generator', '1')
    .option('--force-synthetic', 'load even though the database holds real data (never on production)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { seed: string; forceSynthetic?: boolean; json?: boolean }, cmd: Command) => {
      const seed = wholeNumber('--seed', opts.seed);
      await withStore(flagsOf(cmd), async (store, config) => {
        const r = must(
          await loadDemoData(store, {
            seed,
            forceSynthetic: Boolean(opts.forceSynthetic),
            dataDir: config.dataDir,
            now: now(),
            by: defaultBy(),
          }),
        );
        if (opts.json) {
          io.out(`${JSON.stringify(r)}\n`);
          return;
        }
        io.out(
          `模拟数据 synthetic data (seed ${r.seed}): ${r.inserted} 条写入 written, ${r.kept} 条已有值未动 kept; ` +
            `${r.units} 个县 counties × ${r.indicators} 项指标 indicators × ${r.periods.join('/')}\n`,
        );
        if (r.skippedIndicators.length)
          io.out(`  目录中没有这些指标, 未写入 not in the catalogue: ${r.skippedIndicators.join(', ')}\n`);
      });
    });
}
