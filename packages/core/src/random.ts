/**
 * Seeded pseudo-random numbers, so that Monte Carlo runs, synthetic data and benchmarks are reproducible.
 * Method: mulberry32 (Tommy Ettinger, public domain) — a 32-bit state generator with full period 2^32,
 * good enough for simulation sampling; not for cryptography.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate by the Box–Muller transform on two uniforms from `rng`. */
export function normal(rng: Rng): number {
  let u = rng();
  while (u <= Number.MIN_VALUE) u = rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}
