import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkZip, readCentralDirectory } from './zip-guard';

/** One-entry archive written by hand (APPNOTE 4.3.7/4.3.12/4.3.16), with optional lies. */
function archive(content: Buffer, opts: { declared?: number; crc?: number; method?: number } = {}): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const method = opts.method ?? 8;
  const data = method === 8 ? deflateRawSync(content) : content;
  const size = opts.declared ?? content.length;
  const crc = opts.crc ?? crc32(content);
  const lh = Buffer.alloc(30);
  lh.writeUInt32LE(0x04034b50, 0);
  lh.writeUInt16LE(method, 8);
  lh.writeUInt32LE(crc, 14);
  lh.writeUInt32LE(data.length, 18);
  lh.writeUInt32LE(size, 22);
  lh.writeUInt16LE(name.length, 26);
  const ch = Buffer.alloc(46);
  ch.writeUInt32LE(0x02014b50, 0);
  ch.writeUInt16LE(method, 10);
  ch.writeUInt32LE(crc, 16);
  ch.writeUInt32LE(data.length, 20);
  ch.writeUInt32LE(size, 24);
  ch.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(ch.length + name.length, 12);
  end.writeUInt32LE(lh.length + name.length + data.length, 16);
  return Buffer.concat([lh, name, data, ch, name, end]);
}

const limits = { maxTotalBytes: 1_000_000, maxEntryBytes: 500_000, maxEntries: 10 };

describe('zip guard', () => {
  it('accepts an intact archive, and what ExcelJS writes', async () => {
    expect(await checkZip(archive(Buffer.from('<x/>')), limits)).toMatchObject({ ok: true, totalBytes: 4 });
    expect(await checkZip(archive(Buffer.from('stored'), { method: 0 }), limits)).toMatchObject({ ok: true });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['开化县', 1]);
    expect(await checkZip(Buffer.from(await wb.xlsx.writeBuffer()))).toMatchObject({ ok: true });
  });
  it('refuses bombs, honest or lying about their size, without inflating them whole', async () => {
    const zeros = Buffer.alloc(50_000_000);
    const honest = archive(zeros);
    expect(honest.length).toBeLessThan(100_000);
    expect(readCentralDirectory(honest, limits)).toMatchObject({ ok: false, code: 'ZIP_TOO_LARGE' });
    const liar = archive(zeros, { declared: 1000 });
    const before = process.memoryUsage().rss;
    expect(await checkZip(liar, limits)).toMatchObject({ ok: false, code: 'ZIP_TOO_LARGE' });
    // Stopped at the limit: nowhere near 50 MB held at once.
    expect(process.memoryUsage().rss - before).toBeLessThan(40_000_000);
  });
  it('refuses damaged, truncated, foreign and unsupported archives', async () => {
    const good = archive(Buffer.from('<worksheet>数据</worksheet>'));
    expect(await checkZip(archive(Buffer.from('abc'), { crc: 1 }), limits)).toMatchObject({
      ok: false,
      code: 'ZIP_DAMAGED',
    });
    expect(await checkZip(good.subarray(0, good.length - 5), limits)).toMatchObject({
      ok: false,
      code: 'ZIP_DAMAGED',
    });
    expect(await checkZip(Buffer.from('unit_code,value\n'), limits)).toMatchObject({
      ok: false,
      code: 'NOT_A_ZIP',
    });
    expect(await checkZip(archive(Buffer.from('x'), { method: 12 }), limits)).toMatchObject({
      ok: false,
      code: 'ZIP_UNSUPPORTED',
    });
    const flipped = Buffer.from(good);
    flipped[40] = (flipped[40] ?? 0) ^ 0xff;
    expect((await checkZip(flipped, limits)).ok).toBe(false);
  });
});
