/**
 * Response bodies of memoised answers (the dispatch board): the service hands back the same object while
 * nothing changed, so each object is serialised, encoded to UTF-8 and, for clients that accept it,
 * gzipped once — not once per request. Under 50 concurrent clients the per-request cost of turning a
 * 130 KB answer into bytes was most of the server's time.
 */
import { gzipSync } from 'node:zlib';

interface Bodies {
  readonly plain: Buffer;
  gzip?: Buffer;
}

/**
 * Whether an Accept-Encoding header accepts gzip: an explicit `gzip` entry decides, else `*`; a `q=0`
 * refuses (RFC 9110 §12.5.3).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const given = params.find((p) => p.startsWith('q='));
    const value = given === undefined ? 1 : Number(given.slice(2));
    q.set(name, Number.isNaN(value) ? 0 : value);
  }
  return (q.get('gzip') ?? q.get('*') ?? 0) > 0;
}

export class MemoBodies {
  readonly #bodies = new WeakMap<object, Bodies>();

  /** The JSON body of `value`, gzipped when `gzip`; computed once per object and encoding. */
  body(value: object, gzip: boolean): Buffer {
    let b = this.#bodies.get(value);
    if (b === undefined) {
      b = { plain: Buffer.from(JSON.stringify(value)) };
      this.#bodies.set(value, b);
    }
    if (!gzip) return b.plain;
    return (b.gzip ??= gzipSync(b.plain));
  }
}
