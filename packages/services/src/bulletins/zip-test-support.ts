/** Test-only: reads one entry of a zip archive (stored or deflated) with Node's zlib. Not exported. */
import { inflateRawSync } from 'node:zlib';

export function zipEntryNames(zip: Buffer): string[] {
  return entries(zip).map((e) => e.name);
}

export function readZipEntry(zip: Buffer, name: string): string {
  const e = entries(zip).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  const local = e.offset;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  return (e.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

function entries(zip: Buffer) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: {
    name: string;
    method: number;
    compressedSize: number;
    offset: number;
    time: number;
    date: number;
  }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    out.push({
      method: zip.readUInt16LE(p + 10),
      time: zip.readUInt16LE(p + 12),
      date: zip.readUInt16LE(p + 14),
      compressedSize: zip.readUInt32LE(p + 20),
      offset: zip.readUInt32LE(p + 42),
      name: zip.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** DOS date and time of every entry (central directory). */
export function zipEntryTimes(zip: Buffer): { readonly time: number; readonly date: number }[] {
  return entries(zip).map((e) => ({ time: e.time, date: e.date }));
}
