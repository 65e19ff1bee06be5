import { describe, expect, it } from 'vitest';
import { distinctPairs, loadLimited, seriesKey } from './series-map';

describe('distinctPairs', () => {
  it('drops duplicates and sorts, so the same set always makes the same key', () => {
    const pairs = distinctPairs([
      { indicator: 'b', unit: '330000' },
      { indicator: 'a', unit: '330800' },
      { indicator: 'b', unit: '330000' },
    ]);
    expect(pairs.map((p) => seriesKey(p.indicator, p.unit))).toEqual(['a@330800', 'b@330000']);
  });
});

describe('loadLimited', () => {
  it('never runs more than the limit at once and keeps what succeeded', async () => {
    let running = 0;
    let peak = 0;
    const result = await loadLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (n === 4) throw new Error('gone');
      return n * 10;
    });
    expect(peak).toBe(3);
    expect([...result.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
      [5, 50],
      [6, 60],
      [7, 70],
    ]);
  });

  it('stops starting new loads once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await loadLimited(
      [1, 2, 3, 4],
      1,
      async (n) => {
        started.push(n);
        if (n === 2) controller.abort();
        return n;
      },
      controller.signal,
    );
    expect(started).toEqual([1, 2]);
  });
});
