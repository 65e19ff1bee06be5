/**
 * Pilots and the case library from the command line (issue 8 §3):
 *
 *   suocha cases add --title T --unit CODE --summary S (--body TEXT | --body-file F) [--tags a,b] [--pilot P]
 *                    [--source S] [--by NAME] [--json]
 *   suocha cases search <words…> [--unit CODE] [--tag T] [--pilot P] [--limit N] [--json]
 *   suocha cases list [--unit CODE] [--tag T] [--pilot P] [--limit N] [--json]
 *   suocha pilots list [--json]
 *   suocha pilots load [file]            (default: <data>/pilots.csv; all rows or none)
 *
 * The command line acts with the database's own rights (like `suocha init`): no scope check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems } from '@suocha/core';
import {
  createCase,
  loadPilotsFile,
  searchCases,
  type CaseSearchHit,
  type CaseSearchOptions,
} from '@suocha/services';
import { listPilots } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

export interface CasesCliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** The clock, as an ISO timestamp. */
  readonly now: () => string;
}

const DEFAULT_IO: CasesCliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: () => new Date().toISOString(),
};

const STATUS_ZH = { planned: '筹备', active: '实施中', completed: '已完成' } as const;

function limitOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UserError(`--limit 应为 1–100 的整数 (got "${v}")`);
  return n;
}

interface FilterFlags {
  unit?: string;
  tag?: string;
  pilot?: string;
  limit?: string;
  json?: boolean;
}

function searchOptions(q: string, o: FilterFlags): CaseSearchOptions {
  const limit = limitOf(o.limit);
  return {
    q,
    ...(o.unit !== undefined ? { unitCode: o.unit } : {}),
    ...(o.tag !== undefined ? { tag: o.tag } : {}),
    ...(o.pilot !== undefined ? { pilotCode: o.pilot } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/** Marks the ranges of a hit's snippet with 【】 for a terminal. */
export function markRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${text.slice(at, s)}【${text.slice(s, e)}】`;
    at = e;
  }
  return out + text.slice(at);
}

const hitRow = (h: CaseSearchHit) => ({
  id: h.id,
  title: h.title,
  unit: h.unitName,
  tags: h.tags.join(','),
  score: h.score,
  match: markRanges(h.snippet, h.highlights.snippet),
});

export function casesCommands(program: Command, io: CasesCliIo = DEFAULT_IO): void {
  const cases = program.command('cases').description('典型案例库 case library: add, search, list');

  cases
    .command('add')
    .description('add a case (title, unit, summary and full text must not be empty)')
    .requiredOption('--title <text>', 'title')
    .requiredOption('--unit <code>', 'the unit the case is from')
    .requiredOption('--summary <text>', 'summary')
    .option('--body <text>', 'full text')
    .option('--body-file <file>', 'read the full text from a UTF-8 file')
    .option('--tags <list>', 'comma-separated tags')
    .option('--pilot <code>', 'the pilot whose lesson this is')
    .option('--source <text>', 'where the case comes from', '')
    .option('--by <name>', 'recorded as the author', 'cli')
    .option('--json', 'print the stored case as JSON')
    .action(
      async (
        o: {
          title: string;
          unit: string;
          summary: string;
          body?: string;
          bodyFile?: string;
          tags?: string;
          pilot?: string;
          source: string;
          by: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if ((o.body === undefined) === (o.bodyFile === undefined))
          throw new UserError(
            '请给出 --body 或 --body-file 之一 (give exactly one of --body and --body-file)',
          );
        const body = o.bodyFile !== undefined ? readFileSync(o.bodyFile, 'utf8') : (o.body ?? '');
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const r = await createCase(
            store,
            {
              title: o.title,
              unitCode: o.unit,
              summary: o.summary,
              body,
              tags: (o.tags ?? '').split(/[,，]/),
              pilotCode: o.pilot ?? null,
              source: o.source,
            },
            { at: io.now(), by: o.by },
          );
          if (!r.ok) throw new UserError(`${r.error.code}: ${r.error.message}`);
          if (o.json) io.out(`${JSON.stringify(r.value)}\n`);
          else io.err(`已添加案例 added case ${r.value.id}: ${r.value.title}\n`);
        });
      },
    );

  cases
    .command('search')
    .description('full-text search (Chinese, Latin, digits; every word must occur), best match first')
    .argument('<words...>', 'search words')
    .option('--unit <code>', 'only cases of this unit and its subtree')
    .option('--tag <tag>', 'only cases with this tag')
    .option('--pilot <code>', 'only cases of this pilot')
    .option('--limit <n>', 'at most n results (1–100, default 20)')
    .option('--json', 'print the search result as JSON')
    .action(async (words: string[], o: FilterFlags, cmd: Command) => {
      const opts = searchOptions(words.join(' '), o);
      if (words.join('').trim() === '') throw new UserError('请给出搜索词 (give some words to search for)');
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await searchCases(store, opts);
        if (o.json) return io.out(`${JSON.stringify(r)}\n`);
        printer(false, io.out, io.err).list(r.items.map(hitRow), [
          'id',
          'title',
          'unit',
          'tags',
          'score',
          'match',
        ]);
        io.err(`${r.total} 条匹配 matches (terms: ${r.terms.join(' ')})\n`);
      });
    });

  cases
    .command('list')
    .description('list cases, newest first')
    .option('--unit <code>', 'only cases of this unit and its subtree')
    .option('--tag <tag>', 'only cases with this tag')
    .option('--pilot <code>', 'only cases of this pilot')
    .option('--limit <n>', 'at most n cases (1–100, default 20)')
    .option('--json', 'print a JSON array')
    .action(async (o: FilterFlags, cmd: Command) => {
      const opts = searchOptions('', o);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await searchCases(store, opts);
        const rows = r.items.map((h) => ({
          id: h.id,
          title: h.title,
          unit: h.unitName,
          tags: h.tags.join(','),
          pilot: h.pilotCode ?? '',
          updated: h.updatedAt.slice(0, 10),
        }));
        printer(Boolean(o.json), io.out, io.err).list(rows);
        if (!o.json) io.err(`共 ${r.total} 个案例 (${r.total} cases)\n`);
      });
    });

  const pilots = program.command('pilots').description('试点 pilots: list, load');

  pilots
    .command('list')
    .description('list the pilots with their units and number of linked cases')
    .option('--json', 'print a JSON array')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const list = await listPilots(store);
        if (o.json) return io.out(`${JSON.stringify(list)}\n`);
        printer(false, io.out, io.err).list(
          list.map((p) => ({
            code: p.code,
            name: p.name,
            kind: p.kind,
            status: STATUS_ZH[p.status],
            units: p.units.length > 0 ? p.units.map((u) => u.name).join('、') : p.unitsNote,
            cases: p.caseCount,
          })),
        );
      });
    });

  pilots
    .command('load')
    .description('load pilots from a CSV (default: <data>/pilots.csv); all rows or none')
    .argument('[file]', 'CSV file with the columns of data/pilots.csv')
    .action(async (file: string | undefined, _o: unknown, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store, config) => {
        const path = file ?? join(config.dataDir, 'pilots.csv');
        const r = await loadPilotsFile(store, path);
        if (!r.ok)
          throw new UserError(`试点文件有误，未写入 (nothing loaded):\n${formatProblems(r.error.problems)}`);
        io.err(`已载入 ${r.value.pilots} 个试点 (loaded ${r.value.pilots} pilots from ${path})\n`);
      });
    });
}
