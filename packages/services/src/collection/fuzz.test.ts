/**
 * Fuzzing the importers: seeded mutations of a valid CSV and a valid .xlsx template — truncation, flipped
 * and inserted bytes, wrong types, huge cells, broken XML inside an intact archive, and zip bombs of
 * bounded size — fed to `importValues` for real (not a dry run). Every run must end with a report (never
 * an exception, a hang or a crash) whose problems are located, and the database must hold either none
 * or all of the file's values.
 */
import { deflateRawSync, crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, randomInt, type Rng } from '@suocha/core';
import { countRows, type Store } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { importValues, type ImportReport } from './import';
import { buildTemplate } from './template';
import { COUNTY_DS, seedWorld } from './test-fixture';
import { checkZip } from './zip-guard';

/** Small limits, so that a bomb of a few hundred kilobytes already exceeds them. */
const ZIP_LIMITS = { maxTotalBytes: 8 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024, maxEntries: 200 };
const LIMITS = {
  maxRows: 5_000,
  maxCellLength: 10_000,
  maxSheets: 50,
  maxProblems: 1_000,
  inMemoryXlsxBytes: 8 * 1024 * 1024,
};

interface Entry {
  name: string;
  data: Buffer;
}

/** Minimal zip reader for well-formed archives (test input only). */
function unzip(buf: Buffer): Entry[] {
  const cd = checkZip(buf);
  void cd;
  const out: Entry[] = [];
  let p = 0;
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let c = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(c + 10);
    const size = buf.readUInt32LE(c + 20);
    const nameLen = buf.readUInt16LE(c + 28);
    const extraLen = buf.readUInt16LE(c + 30);
    const commentLen = buf.readUInt16LE(c + 32);
    const local = buf.readUInt32LE(c + 42);
    const name = buf.toString('utf8', c + 46, c + 46 + nameLen);
    p = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(p, p + size);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    c += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Minimal zip writer: deflated entries, sizes in the local headers, optionally lying about them. */
function zip(entries: readonly Entry[], lie?: { name: string; size: number }): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = deflateRawSync(e.data);
    const size = lie && lie.name === e.name ? lie.size : e.data.length;
    const crc = crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, data);
    centrals.push(ch, name);
    offset += lh.length + name.length + data.length;
  }
  const cdSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randomInt(rng, xs.length)] as T;
const NASTY = [
  '',
  'abc',
  '-',
  '1e999',
  '0x1F',
  'NaN',
  '=1+1',
  '@SUM(A1)',
  '\u0000',
  '十二',
  '1,2,3',
  '"',
  '9'.repeat(70),
  'x'.repeat(20_000),
  '-5',
  '2025-13',
  '\ud800',
];

/** Byte-level mutations, for either format. */
function mutateBytes(rng: Rng, b: Buffer): Buffer {
  const out = Buffer.from(b);
  switch (randomInt(rng, 4)) {
    case 0:
      return out.subarray(0, randomInt(rng, out.length));
    case 1: {
      for (let k = 1 + randomInt(rng, 20); k > 0; k--) out[randomInt(rng, out.length)] = randomInt(rng, 256);
      return out;
    }
    case 2: {
      const at = randomInt(rng, out.length);
      const junk = Buffer.from(Array.from({ length: 1 + randomInt(rng, 500) }, () => randomInt(rng, 256)));
      return Buffer.concat([out.subarray(0, at), junk, out.subarray(at)]);
    }
    default: {
      const a = randomInt(rng, out.length);
      const len = randomInt(rng, Math.min(5000, out.length - a));
      return Buffer.concat([out, out.subarray(a, a + len)]);
    }
  }
}

/** Structure-aware CSV mutations: wrong types, huge cells, broken quoting, odd rows. */
function mutateCsv(rng: Rng, text: string): Buffer {
  const lines = text.split('\n');
  const i = 1 + randomInt(rng, Math.max(1, lines.length - 2));
  const cells = (lines[i] ?? '').split(',');
  switch (randomInt(rng, 5)) {
    case 0:
      cells[randomInt(rng, cells.length)] = pick(rng, NASTY);
      lines[i] = cells.join(',');
      break;
    case 1:
      lines[i] = `${lines[i]}${',x'.repeat(randomInt(rng, 4))}"`;
      break;
    case 2:
      lines.splice(i, 0, 'x'.repeat(50_000 + randomInt(rng, 100_000)));
      break;
    case 3:
      lines[0] = pick(rng, [
        '',
        'unit_code,indicator',
        '区划代码,指标代码,期间,数值',
        'a,b,c,d,e,f',
        '\ufeff\ufeffunit_code,indicator,period,value',
      ]);
      break;
    default:
      for (let k = 0; k < 3; k++) lines.push(lines[1 + randomInt(rng, lines.length - 1)] ?? '');
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Mutations inside an intact archive: the sheet XML is damaged, retyped or bloated, then zipped again. */
function mutateXlsx(rng: Rng, base: readonly Entry[]): Buffer {
  const entries = base.map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
  const sheets = entries.filter(
    (e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) || e.name === 'xl/sharedStrings.xml',
  );
  const target = pick(rng, sheets.length ? sheets : entries);
  let xml = target.data.toString('utf8');
  switch (randomInt(rng, 7)) {
    case 0:
      xml = xml.slice(0, randomInt(rng, xml.length));
      break;
    case 1:
      xml = xml.replace(/<v>[^<]*<\/v>/, `<v>${pick(rng, ['abc', '', '1e999', '<', '&bogus;'])}</v>`);
      break;
    case 2:
      xml = xml.replace(
        /<c r="G4"[^>]*\/?>/,
        `<c r="G4" t="inlineStr"><is><t>${'9'.repeat(200_000)}</t></is></c>`,
      );
      break;
    case 3:
      xml = xml.replace(/<\/row>/g, () => (rng() < 0.3 ? '' : '</row>'));
      break;
    case 4:
      xml = xml.replace(/t="s"/g, () => (rng() < 0.5 ? 't="n"' : 't="b"'));
      break;
    case 5:
      // A sheet with far more rows than the limit allows.
      xml = xml.replace(
        '</sheetData>',
        `${Array.from({ length: 6000 }, (_, r) => `<row r="${r + 100}"><c r="A${r + 100}" t="inlineStr"><is><t>urban_income</t></is></c><c r="G${r + 100}"><v>1</v></c></row>`).join('')}</sheetData>`,
      );
      break;
    default:
      xml = xml.replace(/r="(\d+)"/g, (_, n: string) => `r="${rng() < 0.2 ? String(Number(n) * 1000) : n}"`);
  }
  target.data = Buffer.from(xml, 'utf8');
  return zip(entries);
}

/** Zip bombs of bounded size: a sheet of zeros far beyond the limits, honest or lying about its size. */
function bomb(rng: Rng, base: readonly Entry[]): Buffer {
  const entries = base.map((e) => ({ ...e }));
  const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml') as Entry;
  const big = Buffer.alloc(ZIP_LIMITS.maxEntryBytes + 1 + randomInt(rng, 8_000_000), 0x20);
  sheet.data = Buffer.concat([sheet.data, big]);
  return rng() < 0.5 ? zip(entries) : zip(entries, { name: sheet.name, size: 1000 });
}

function checkReport(r: ImportReport, label: string): void {
  expect(typeof r.ok, label).toBe('boolean');
  if (!r.ok) {
    expect(r.written, label).toBe(false);
    expect(r.problems.length, label).toBeGreaterThan(0);
  }
  for (const p of r.problems) {
    expect(typeof p.code, label).toBe('string');
    expect(p.message.length, label).toBeGreaterThan(0);
    expect(p.message.length, label).toBeLessThan(2000);
    expect(Number.isInteger(p.line), label).toBe(true);
  }
}

const within = <T>(p: Promise<T>, ms: number, label: string): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${label}`)), ms),
    ),
  ]);

for (const engine of testEngines()) {
  describe(`importer fuzz on ${engine.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    let csv: string;
    let xlsxEntries: Entry[];
    let xlsx: Buffer;
    // Fewer runs on PostgreSQL: the parsers are the same, the point there is all-or-nothing writes.
    const runs = engine.name === 'sqlite' ? 120 : 30;

    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await seedWorld(store);
      const rows = ['unit_code,indicator,period,value,comment'];
      for (const u of ['330802', '330822', '330824', '330102'])
        rows.push(
          `${u},urban_income,2025-11,60000,`,
          `${u},rural_income,2025-11,30000,"备注, ""引号"""`,
          `${u},households,2025-11,1200,`,
        );
      csv = `${rows.join('\n')}\n`;
      const t = await buildTemplate(store, {
        datasetCode: COUNTY_DS.code,
        period: '2025-10',
        unitCodes: ['330802', '330822'],
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(t.bytes).buffer);
      for (const ws of wb.worksheets.slice(1)) {
        ws.getRow(4).getCell(7).value = 60000;
        ws.getRow(5).getCell(7).value = 30000;
      }
      xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      xlsxEntries = unzip(xlsx);
    });
    afterAll(async () => opened.cleanup());

    const attempt = async (bytes: Buffer, name: string, label: string, streaming = false) => {
      const before = await countRows(store);
      const r = await within(
        importValues(store, {
          file: { name, bytes },
          datasetCode: COUNTY_DS.code,
          dryRun: false,
          by: 'fuzz',
          at: '2025-12-01T00:00:00.000Z',
          // Half of the workbooks go through the streaming reader, the others are loaded whole.
          limits: streaming ? { ...LIMITS, inMemoryXlsxBytes: 0 } : LIMITS,
          zipLimits: ZIP_LIMITS,
        }),
        30_000,
        label,
      );
      checkReport(r, label);
      const after = await countRows(store);
      const added = (after.observations ?? 0) - (before.observations ?? 0);
      // All or none: exactly what the report says was inserted, or nothing.
      expect(added, label).toBe(r.written ? r.inserted : 0);
      expect((after.observation_history ?? 0) - (before.observation_history ?? 0), label).toBe(
        r.written ? r.inserted + r.updated : 0,
      );
      return r;
    };

    it('the unmutated files import (the fuzz starts from valid input)', async () => {
      expect(await attempt(Buffer.from(csv), 'base.csv', 'base csv')).toMatchObject({
        ok: true,
        written: true,
        inserted: 12,
      });
      // The template is only checked, so that its versions stay current for the mutations below.
      const dry = await importValues(store, {
        file: { name: 'base.xlsx', bytes: xlsx },
        dryRun: true,
        by: 'fuzz',
        at: '2025-12-01T00:00:00.000Z',
        limits: LIMITS,
        zipLimits: ZIP_LIMITS,
      });
      expect(dry).toMatchObject({ ok: true, written: false, inserted: 4 });
    });

    it('mutated CSV files: a report every time, all or none written', { timeout: 240_000 }, async () => {
      const rng = mulberry32(20251123);
      const codes = new Set<string>();
      for (let k = 0; k < runs; k++) {
        const bytes =
          rng() < 0.5
            ? mutateBytes(
                rng,
                Buffer.from(csv.replace(/2025-11/g, `2024-${String(1 + (k % 12)).padStart(2, '0')}`)),
              )
            : mutateCsv(rng, csv.replace(/2025-11/g, `2023-${String(1 + (k % 12)).padStart(2, '0')}`));
        const r = await attempt(bytes, 'fuzz.csv', `csv #${k}`);
        for (const p of r.problems) codes.add(p.code);
      }
      // The mutations reached every layer: the tokenizer, the header, the cells, the rows.
      for (const c of [
        'CSV_UNTERMINATED_QUOTE',
        'CELL_TOO_LONG',
        'MISSING_COLUMN',
        'NOT_A_NUMBER',
        'DUPLICATE_VALUE',
        'BAD_PERIOD',
      ])
        expect([...codes]).toContain(c);
    });

    it(
      'mutated and bomb .xlsx files: a clean error every time, nothing half-written',
      { timeout: 300_000 },
      async () => {
        const rng = mulberry32(777);
        let refused = 0;
        const codes = new Set<string>();
        for (let k = 0; k < runs; k++) {
          const kind = randomInt(rng, 3);
          // A period of its own for each run, so that an earlier mutation that happened to import does not
          // turn the later ones into version conflicts.
          const period = `${2010 + Math.floor(k / 12)}-${String(1 + (k % 12)).padStart(2, '0')}`;
          const entries = xlsxEntries.map((e) =>
            e.name === 'xl/sharedStrings.xml'
              ? {
                  name: e.name,
                  data: Buffer.from(e.data.toString('utf8').replace('>2025-10<', `>${period}<`)),
                }
              : e,
          );
          const bytes =
            kind === 0
              ? mutateBytes(rng, zip(entries))
              : kind === 1
                ? mutateXlsx(rng, entries)
                : bomb(rng, entries);
          const r = await attempt(bytes, 'fuzz.xlsx', `xlsx #${k} kind ${kind}`, k % 2 === 1);
          if (kind === 2)
            expect(
              r.problems.map((p) => p.code),
              `bomb #${k}`,
            ).toEqual([expect.stringMatching(/^ZIP_(TOO_LARGE|DAMAGED)$/)]);
          if (!r.ok) refused++;
          for (const p of r.problems) codes.add(p.code);
        }
        expect(refused).toBeGreaterThan(runs / 2);
        // Both the zip guard and the workbook reader refused some.
        for (const c of ['ZIP_TOO_LARGE', 'ZIP_DAMAGED', 'NOT_A_TEMPLATE']) expect([...codes]).toContain(c);
      },
    );
  });
}
