/**
 * The layer direction of docs/ARCHITECTURE.md is enforced by ESLint; this proves the rule bites: each
 * forbidden import below must be reported, and the allowed ones must not.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['packages/core/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['packages/core/src/x.ts', "import { z } from 'zod';\nexport const s = z;\n"],
    ['packages/core/src/x.ts', "import { openStore } from '@suocha/store';\nexport const o = openStore;\n"],
    [
      'packages/store/src/x.ts',
      "import { loadDefaultDataset } from '@suocha/services';\nexport const l = loadDefaultDataset;\n",
    ],
    ['apps/web/src/x.ts', "import { openStore } from '@suocha/store';\nexport const o = openStore;\n"],
    [
      'apps/web/src/x.ts',
      "import { loadDefaultDataset } from '@suocha/services';\nexport const l = loadDefaultDataset;\n",
    ],
    ['apps/web/src/x.ts', "import { buildServer } from '@suocha/server';\nexport const b = buildServer;\n"],
    ['apps/web/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ])('%s may not: %s', async (file, code) => {
    expect((await layerErrors(file, code)).length).toBe(1);
  });

  it.each([
    ['packages/core/src/x.ts', "import { ok } from './result';\nexport const o = ok;\n"],
    ['packages/store/src/x.ts', "import { ok } from '@suocha/core';\nexport const o = ok;\n"],
    [
      'apps/web/src/x.ts',
      "import { ApiErrorSchema } from '@suocha/contract';\nexport const s = ApiErrorSchema;\n",
    ],
    ['apps/server/src/x.ts', "import { openStore } from '@suocha/store';\nexport const o = openStore;\n"],
  ])('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
