/**
 * 三大差距 from the command line (issue 5 §5):
 *
 *   suocha gaps households <file> [--by urban_rural|city|county[,…]] [--middle 100000-500000] [--low-line N] [--json]
 *   suocha gaps regional --indicator resident_income --of 330000 [--level county] [--as-of DATE]
 *                        [--group mountain_island [--only-group]] [--period P] [--line N | --line-unit CODE] [--json]
 *
 * `--json` prints one JSON object on stdout (the object the HTTP API answers). Reading a household file
 * shows progress on stderr: a bar redrawn in place when stderr is a terminal, otherwise a line every few
 * seconds, so logs stay readable. A bad file prints each problem with its file, line and column (the first
 * 100) and exits with code 1; nothing is stored in the database either way.
 */
import {
  formatProblems,
  isUnitLevel,
  LEVEL_NAMES,
  type TheilDecomposition,
  type UnitLevel,
} from '@suocha/core';
import {
  householdUnitLookup,
  measureHouseholdsFile,
  regionalGaps,
  type HouseholdFileMeasures,
  type HouseholdGroupBy,
  type HouseholdImportProgress,
  type RegionalGaps,
} from '@suocha/services';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { formatTable } from '../output';

/** Where the commands write, whether stderr is a terminal, and the clock (tests pass their own). */
export interface GapsCliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly errIsTTY: boolean;
  readonly now: () => number;
}

const DEFAULT_IO: GapsCliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errIsTTY: process.stderr.isTTY === true,
  now: () => Date.now(),
};

const GROUPINGS: readonly HouseholdGroupBy[] = ['urban_rural', 'city', 'county'];
const BAR = 30;
const TTY_EVERY_MS = 100;
const LINE_EVERY_MS = 5_000;

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
function fixed(x: number | null | undefined, d = 4): string {
  if (x === null || x === undefined) return '—';
  const s = x.toFixed(d);
  return Number(s) === 0 ? s.replace('-', '') : s; // no "-0.0000" for a rounding residue
}
const pct = (x: number | null | undefined, d = 1) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(d)}%`;

/**
 * A progress reporter for reading a household file: on a terminal a bar redrawn in place (at most every
 * 100 ms), elsewhere a plain line at most every five seconds; `done()` ends the display.
 */
export function householdProgress(io: GapsCliIo): {
  update: (p: HouseholdImportProgress) => void;
  done: () => void;
} {
  let last = -Infinity;
  let drawn = false;
  let measuring = false;
  const text = (p: HouseholdImportProgress) => {
    const fraction =
      p.bytesRead !== undefined && p.totalBytes !== undefined && p.totalBytes > 0
        ? Math.min(1, p.bytesRead / p.totalBytes)
        : undefined;
    if (fraction === undefined) return `读取 reading: ${thousands(p.rows)} 行 rows`;
    const filled = Math.round(fraction * BAR);
    const bar = io.errIsTTY ? `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ` : '';
    return `读取 reading: ${bar}${(fraction * 100).toFixed(0)}%, ${thousands(p.rows)} 行 rows`;
  };
  return {
    update(p) {
      if (p.stage === 'measuring') {
        if (measuring) return;
        measuring = true;
        const line = `计算中 measuring ${thousands(p.rows)} 户 households…`;
        io.err(io.errIsTTY ? `\r\x1b[2K${line}` : `${line}\n`);
        drawn = io.errIsTTY;
        return;
      }
      const t = io.now();
      if (t - last < (io.errIsTTY ? TTY_EVERY_MS : LINE_EVERY_MS)) return;
      last = t;
      io.err(io.errIsTTY ? `\r\x1b[2K${text(p)}` : `${text(p)}\n`);
      drawn = io.errIsTTY;
    },
    done() {
      if (drawn) io.err('\n');
      drawn = false;
    },
  };
}

function parseBy(v: string | undefined): HouseholdGroupBy[] | undefined {
  if (v === undefined) return undefined;
  const parts = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = parts.filter((p) => !(GROUPINGS as readonly string[]).includes(p));
  if (parts.length === 0 || bad.length > 0)
    throw new UserError(`--by 应为 ${GROUPINGS.join('、')} (got "${v}")`);
  return parts as HouseholdGroupBy[];
}

function parseMiddle(v: string | undefined): { lower: number; upper: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(v.trim());
  const lower = Number(m?.[1]);
  const upper = Number(m?.[2]);
  if (!m || !(lower < upper))
    throw new UserError(
      `--middle 应为 下限-上限 (must be lower-upper with lower < upper, e.g. 100000-500000): "${v}"`,
    );
  return { lower, upper };
}

function parseNumber(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n))
    throw new UserError(`${flag} 应为数字 (must be a number): "${v}"`);
  return n;
}

function decompositionRows(d: TheilDecomposition, labels: Readonly<Record<string, string>> = {}) {
  return d.groups.map((g) => ({
    group: labels[g.key] ? `${labels[g.key]} ${g.key}` : g.key,
    n: g.count,
    population: pct(g.populationShare),
    income: pct(g.incomeShare),
    mean: thousands(g.mean),
    theilT: fixed(g.theilT),
    theilL: fixed(g.theilL),
  }));
}

function printHouseholds(r: HouseholdFileMeasures, io: GapsCliIo): void {
  const m = r.measures;
  const lines = [
    `${r.file}: ${thousands(r.households)} 户 households, ${thousands(m.persons)} 人 persons (收入列 income column: ${r.incomeColumn})`,
    `  平均 mean ${thousands(m.mean)}, 中位数 median ${thousands(m.median)}`,
    `  基尼系数 Gini ${fixed(m.gini)}; S80/S20 ${fixed(m.s80s20, 2)}; Palma ${fixed(m.palma, 2)}`,
    `  泰尔 Theil T ${fixed(m.theil?.theilT)}, Theil L (MLD) ${fixed(m.theil?.theilL)}` +
      (m.theil && m.theil.excluded.households > 0
        ? ` (不含 excluding ${m.theil.excluded.households} 户 households with income ≤ 0)`
        : ''),
    `  阿特金森 Atkinson ${m.atkinson.map((a) => `ε=${a.epsilon}: ${fixed(a.value)}`).join(', ')}`,
    `  中等收入群体 middle income (y·${m.middleIncome.multiplier} in [${thousands(m.middleIncome.lower)}, ${thousands(m.middleIncome.upper)})): ${pct(m.middleIncome.share)}`,
    ...(m.lowIncome
      ? [
          `  低收入 below ${thousands(m.lowIncome.line)}: ${pct(m.lowIncome.share)} (${thousands(m.lowIncome.persons)} 人 persons)`,
        ]
      : []),
  ];
  io.out(`${lines.join('\n')}\n`);
  for (const [name, d] of Object.entries(m.theil?.decompositions ?? {})) {
    io.out(
      `\n按 ${name} 分解 decomposition: Theil T between ${fixed(d.theilT.between)} + within ${fixed(d.theilT.within)} = ${fixed(d.theilT.total)}; ` +
        `Theil L between ${fixed(d.theilL.between)} + within ${fixed(d.theilL.within)} = ${fixed(d.theilL.total)}\n`,
    );
    io.out(`${formatTable(decompositionRows(d))}\n`);
  }
  io.out(`\n注 note: ${r.treatment}\n`);
}

function printRegional(g: RegionalGaps, io: GapsCliIo): void {
  const m = g.measures;
  const out: string[] = [
    `${g.syntheticLabel ? `【${g.syntheticLabel}】 ` : ''}${g.indicator.nameZh} ${g.indicator.code} (${g.indicator.unit}) — ${g.of.name} ${g.of.code} 的${LEVEL_NAMES[g.level].zh} (${g.level} units)`,
    `  期间 period ${g.period} (${g.periodChoice === 'given' ? 'given' : 'the period with the most units'}), 截至 as of ${g.asOf}`,
    `  有数据 with data: ${g.coverage.withData}/${g.coverage.units}; 权重 weights: ${g.weights.kind === 'population' ? '常住人口 population' : '等权 equal'}`,
  ];
  if (m.maxMin)
    out.push(
      `  最高最低倍差 max/min ${fixed(m.maxMin.ratio)} = ${m.maxMin.max} (${m.maxMin.highest.map((u) => u.name).join('、')}) / ${m.maxMin.min} (${m.maxMin.lowest.map((u) => u.name).join('、')})`,
    );
  out.push(
    `  均值 mean ${m.mean === null ? '—' : thousands(m.mean)}; CV ${fixed(m.cv?.cv)}; Williamson CV ${fixed(m.williamsonCv?.cv)}; Theil T ${fixed(m.theil?.theilT.total)}; Theil L ${fixed(m.theil?.theilL.total)}`,
  );
  if (m.groupRatio)
    out.push(
      `  ${g.group?.nameZh ?? m.groupRatio.group} 均值 mean ${thousands(m.groupRatio.groupMean)}: 与上级之比 / parent ${fixed(m.groupRatio.ratioToParent)}, 与其余之比 / rest ${fixed(m.groupRatio.ratioToRest)}`,
    );
  if (m.belowLine)
    out.push(
      `  低于参考线 below ${m.belowLine.line}${m.belowLine.lineUnit ? ` (${m.belowLine.lineUnit.name})` : ''}: ${m.belowLine.count} 个 units, 人口占比 population share ${pct(m.belowLine.populationShare)}${m.belowLine.units.length ? ` — ${m.belowLine.units.map((u) => u.name).join('、')}` : ''}`,
    );
  io.out(`${out.join('\n')}\n`);
  for (const d of m.decompositions) {
    io.out(
      `\n按 ${d.by === 'parent' ? '上级 parent' : '分组 group'} 分解: Theil T between ${fixed(d.theilT.between)} + within ${fixed(d.theilT.within)}; Theil L between ${fixed(d.theilL.between)} + within ${fixed(d.theilL.within)}\n`,
    );
    io.out(`${formatTable(decompositionRows(d, d.labels))}\n`);
  }
  io.out('\n');
  io.out(
    `${formatTable(
      g.units.map((u) => ({
        code: u.code,
        name: u.name,
        parent: u.parentName ?? '',
        ...(g.group ? { [g.group.nameZh]: u.inGroup ? '✓' : '' } : {}),
        value: u.value ?? '无数据 no data',
        population: u.population === null ? '' : `${thousands(u.population)} (${u.populationPeriod})`,
      })),
    )}\n`,
  );
  const ur = g.urbanRural;
  if (ur.units.length) {
    io.out(`\n城乡差距 urban-rural (${ur.urbanIndicator} / ${ur.ruralIndicator}, ${ur.period})\n`);
    io.out(
      `${formatTable(
        ur.units.map((u) => ({
          code: u.code,
          name: u.name,
          urban: u.urban,
          rural: u.rural,
          ratio: fixed(u.ratio, 3),
          difference: u.difference,
          theilT: fixed(u.theil?.theilT),
        })),
      )}\n`,
    );
    if (ur.inequality)
      io.out(
        `  城乡差距占总体不平等 urban-rural share of total inequality: Theil T ${pct(ur.inequality.urbanRuralShareT)}, Theil L ${pct(ur.inequality.urbanRuralShareL)}\n`,
      );
  }
  for (const n of g.notes) io.out(`注 note: ${n}\n`);
}

export function gapsCommands(program: Command, io: GapsCliIo = DEFAULT_IO): void {
  const gaps = program
    .command('gaps')
    .description('三大差距 — regional gaps and household income distribution');
  const flagsOf = (cmd: Command) => cmd.optsWithGlobals<GlobalFlags>();

  gaps
    .command('households <file>')
    .description(
      '住户收入分布 — every income-distribution measure of a household file (.csv, .csv.gz, .xlsx)',
    )
    .option(
      '--by <groupings>',
      'decompose Theil T and L by urban_rural, city and/or county (comma-separated)',
      'urban_rural',
    )
    .option('--middle <lower-upper>', 'middle-income band on y·3, e.g. 100000-500000')
    .option('--low-line <yuan>', 'low-income line on per-capita income')
    .option('--scope <code>', 'unit whose subtree the file’s unit codes must lie in', '100000')
    .option('--json', 'print one JSON object')
    .action(
      async (
        file: string,
        opts: { by: string; middle?: string; lowLine?: string; scope: string; json?: boolean },
        cmd: Command,
      ) => {
        const by = parseBy(opts.by);
        const middle = parseMiddle(opts.middle);
        const lowLine = parseNumber('--low-line', opts.lowLine);
        await withStore(flagsOf(cmd), async (store) => {
          const units = await householdUnitLookup(store, { scopeUnit: opts.scope });
          if (!units)
            throw new UserError(`区划 ${opts.scope} 不存在 (no unit ${opts.scope}; run suocha init first)`);
          const progress = householdProgress(io);
          const r = await measureHouseholdsFile(file, { units, by, middle, lowLine }, progress.update);
          progress.done();
          if (!r.ok) {
            const e = r.error;
            if (e.code === 'HOUSEHOLD_FILE_INVALID')
              throw new UserError(
                `${e.file}: ${e.problemCount} 处问题, 未做分析 (${e.problemCount} problem(s); nothing analysed)\n${formatProblems(e.problems)}` +
                  (e.problemCount > e.problems.length
                    ? `\n… ${e.problemCount - e.problems.length} more`
                    : ''),
              );
            throw new UserError(e.message);
          }
          if (opts.json) io.out(`${JSON.stringify(r.value)}\n`);
          else printHouseholds(r.value, io);
        });
      },
    );

  gaps
    .command('regional')
    .description(
      '地区差距 — max/min, group ratios, CV, Williamson CV, Theil T/L with decompositions, urban-rural gaps',
    )
    .requiredOption('--indicator <code>', 'indicator, e.g. resident_income')
    .requiredOption('--of <code>', 'unit whose children (or subtree level) are compared, e.g. 330000')
    .option('--level <level>', 'compare this level of the subtree (default: the children)')
    .option('--as-of <date>', 'units and group membership on this date (default: the period end)')
    .option('--group <code>', 'group for the decomposition and ratio, e.g. mountain_island')
    .option('--only-group', 'compare only the group’s members')
    .option('--period <period>', 'period (default: the one with the most units having a value)')
    .option('--line <value>', 'reference line')
    .option(
      '--line-unit <code>',
      'reference line: this unit’s value of the same indicator and period (100000: 全国)',
    )
    .option('--json', 'print one JSON object')
    .action(
      async (
        opts: {
          indicator: string;
          of: string;
          level?: string;
          asOf?: string;
          group?: string;
          onlyGroup?: boolean;
          period?: string;
          line?: string;
          lineUnit?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        let level: UnitLevel | undefined;
        if (opts.level !== undefined) {
          if (!isUnitLevel(opts.level)) throw new UserError(`未知层级 unknown level "${opts.level}"`);
          level = opts.level;
        }
        const line = parseNumber('--line', opts.line);
        await withStore(flagsOf(cmd), async (store) => {
          const r = await regionalGaps(store, {
            indicator: opts.indicator,
            of: opts.of,
            level,
            asOf: opts.asOf,
            group: opts.group,
            onlyGroup: opts.onlyGroup,
            period: opts.period,
            line,
            lineUnit: opts.lineUnit,
          });
          if (!r.ok) throw new UserError(`${r.error.code}: ${r.error.message}`);
          if (opts.json) io.out(`${JSON.stringify(r.value)}\n`);
          else printRegional(r.value, io);
        });
      },
    );
}
