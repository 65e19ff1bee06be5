/**
 * A complete demo database for screenshots and trials — 模拟数据, seeded and reproducible:
 * the default dataset (real), seeded synthetic county values of the default framework's 18 indicators
 * for 2023–2025, frozen index runs for each year (so that rank changes show) and the classification
 * proposals of the default rules. Everything computed from the synthetic values is labelled 模拟数据.
 *
 *   node --import tsx scripts/demo/make-demo-db.ts --db demo.db [--seed 1] [--samples 1000]
 *
 * Refuses a database that holds real work (see README.md); never point it at production.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createIndexRun, loadDefaultDataset, loadDemoData, proposeClassifications } from '@suocha/services';
import { openStore, storeConfigFrom } from '@suocha/store';

const ROOT = resolve(import.meta.dirname, '..', '..');

export async function makeDemoDb(options: {
  readonly db: string;
  readonly seed: number;
  readonly samples: number;
  readonly dataDir?: string;
  readonly now?: string;
  readonly say?: (line: string) => void;
}): Promise<{ readonly runs: readonly number[]; readonly proposals: number }> {
  const dataDir = options.dataDir ?? resolve(ROOT, 'data');
  const now = options.now ?? new Date().toISOString();
  const say = options.say ?? (() => {});
  const store = await openStore(storeConfigFrom(options.db));
  try {
    await loadDefaultDataset(store, { dataDir, divisions: 'zhejiang', now });
    const demo = await loadDemoData(store, {
      seed: options.seed,
      forceSynthetic: false,
      dataDir,
      now,
      by: 'make-demo-db',
    });
    if (!demo.ok) throw new Error(demo.error.message);
    say(`模拟数据 synthetic data (seed ${options.seed}): ${demo.value.inserted} values written`);
    const runs: number[] = [];
    for (const period of ['2023', '2024', '2025']) {
      const run = await createIndexRun(
        store,
        { of: '330000', level: 'county', period, samples: options.samples, seed: options.seed },
        { by: 'make-demo-db', now, dataDir },
      );
      if (!run.ok) throw new Error(run.error.message);
      runs.push(run.value.id);
      say(
        `run #${run.value.id} ${period}: ${run.value.ranked}/${run.value.units} ranked (${run.value.syntheticLabel ?? 'real'})`,
      );
    }
    const proposed = await proposeClassifications(
      store,
      { of: '330000', period: '2025', runId: runs.at(-1) },
      { by: 'make-demo-db', now },
    );
    if (!proposed.ok) throw new Error(proposed.error.message);
    say(`${proposed.value.created.length} classification proposals (模拟数据: they cannot be accepted)`);
    return { runs, proposals: proposed.value.created.length };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      seed: { type: 'string', default: '1' },
      samples: { type: 'string', default: '1000' },
    },
  });
  if (!values.db) {
    process.stderr.write(
      'usage: node --import tsx scripts/demo/make-demo-db.ts --db demo.db [--seed 1] [--samples 1000]\n',
    );
    process.exit(2);
  }
  await makeDemoDb({
    db: values.db,
    seed: Number(values.seed),
    samples: Number(values.samples),
    say: (line) => process.stdout.write(`${line}\n`),
  });
}
