import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, MemoBodies } from './memo-body';

describe('acceptsGzip', () => {
  it('reads the Accept-Encoding header of browsers and of clients that send none', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
  });

  it('honours q=0 and lets an explicit gzip entry override *', () => {
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*;q=0.5')).toBe(true);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.5, *;q=0')).toBe(true);
  });
});

describe('MemoBodies', () => {
  it('serialises an object once per encoding and decodes back to the same JSON', () => {
    const bodies = new MemoBodies();
    const board = { unit: { code: '330000', name: '浙江省' }, red: [{ code: 'P1', gap: 12.5 }] };
    const plain = bodies.body(board, false);
    expect(JSON.parse(plain.toString('utf8'))).toEqual(board);
    expect(bodies.body(board, false)).toBe(plain);
    const gz = bodies.body(board, true);
    expect(bodies.body(board, true)).toBe(gz);
    expect(gunzipSync(gz).equals(plain)).toBe(true);
  });

  it('keeps bodies per object: an equal but new object (a recomputed board) is serialised again', () => {
    const bodies = new MemoBodies();
    const a = { n: 1 };
    const first = bodies.body(a, false);
    a.n = 2; // never done to a memoised board; shows the body is tied to the object, not re-read
    expect(bodies.body(a, false)).toBe(first);
    expect(bodies.body({ n: 2 }, false).toString()).toBe('{"n":2}');
  });
});
