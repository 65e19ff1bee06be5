import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';

function tokenize(chunks: string[]): { records: [string[], number][]; error: string | undefined } {
  const records: [string[], number][] = [];
  const t = new CsvTokenizer((f, line) => {
    records.push([f, line]);
    return true;
  });
  for (const c of chunks) t.push(c);
  return { records, error: t.end() };
}

/** An independent, obviously-correct encoder used to check the tokenizer (property test below). */
const encode = (rows: string[][], eol: string) =>
  rows
    .map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
    .join(eol) + eol;

describe('CsvTokenizer', () => {
  it('handles quotes, doubled quotes, CRLF, BOM and newlines inside quotes, with start lines', () => {
    const { records, error } = tokenize(['\ufeffa,b\r\n"x, y","he said ""hi"""\r\n"multi\nline",z\n\nlast,']);
    expect(error).toBeUndefined();
    expect(records).toEqual([
      [['a', 'b'], 1],
      [['x, y', 'he said "hi"'], 2],
      [['multi\nline', 'z'], 3],
      [['last', ''], 6],
    ]);
  });
  it('reports an unterminated quote with its line', () => {
    expect(tokenize(['a\n"oops,b\nc']).error).toContain('line 2');
  });
  it('stops when the sink says so', () => {
    const seen: string[][] = [];
    const t = new CsvTokenizer((f) => {
      seen.push(f);
      return false;
    });
    expect(t.push('a\nb\nc\n')).toBe(false);
    expect(seen).toEqual([['a']]);
  });
  it('round-trips any table, however the text is split into chunks (property)', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', '浙', ',', '"', '\n', '\r', ' ', '1'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, eol, cuts) => {
          const text = encode(rows, eol);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let prev = 0;
          for (const p of points) {
            chunks.push(text.slice(prev, p));
            prev = p;
          }
          chunks.push(text.slice(prev));
          const { records, error } = tokenize(chunks);
          expect(error).toBeUndefined();
          expect(records.map((r) => r[0])).toEqual(rows);
          // Each record starts on the line after the newlines of all earlier records.
          let line = 1;
          rows.forEach((r, k) => {
            expect(records[k]?.[1]).toBe(line);
            line += 1 + r.join(',').split(/\r\n|\r|\n/).length - 1;
          });
        },
      ),
    );
  });
});
