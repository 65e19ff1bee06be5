/**
 * Seeded synthetic county data for the index benchmark and its tests — 模拟数据 (synthetic), never shown as
 * real figures. Each unit has a latent "development level"; each indicator mixes it with noise and is
 * placed on a plausible range for its normalisation (goalposts: 40–120% of the upper goalpost).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameworkSchema } from '../../packages/contract/src/index/framework';
import { mulberry32, normal } from '../../packages/core/src/random';
import type { Framework, IndexInput } from '../../packages/core/src/index/index';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The shipped default framework, parsed with the contract schema (the catalogue check is the contract's test). */
export function defaultFramework(): Framework {
  const json: unknown = JSON.parse(readFileSync(join(ROOT, 'data', 'frameworks', 'default.json'), 'utf8'));
  return FrameworkSchema.parse(json);
}

/** The same tree with every indicator min-max normalised (what the NumPy baseline computes). */
export function allMinmax(f: Framework): Framework {
  return {
    ...f,
    domains: f.domains.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) => ({ ...i, normalisation: { method: 'minmax' as const } })),
    })),
  };
}

export function syntheticCounties(framework: Framework, n: number, seed: number, missing = 0.02): IndexInput {
  const rng = mulberry32(seed);
  const specs = framework.domains.flatMap((d) => d.indicators);
  const m = specs.length;
  const latent = Float64Array.from({ length: n }, () => normal(rng));
  const values = new Float64Array(n * m);
  for (let u = 0; u < n; u++)
    for (let j = 0; j < m; j++) {
      const spec = specs[j]!;
      const z = 0.6 * latent[u]! + 0.8 * normal(rng);
      const q = 1 / (1 + Math.exp(-z)); // 0–1, higher = more developed
      const good = spec.direction === 'up' ? q : 1 - q;
      const nz = spec.normalisation;
      const v = nz.method === 'goalposts' ? nz.hi * (0.4 + 0.8 * good) : 100 * good;
      values[u * m + j] = rng() < missing ? Number.NaN : Math.round(v * 100) / 100;
    }
  return {
    framework,
    units: Array.from({ length: n }, (_, u) => `c${String(u + 1).padStart(4, '0')}`),
    indicators: specs.map((s) => s.code),
    values,
  };
}
