/**
 * Zip writers stamp each entry with the time of writing, so the same document written twice differs in a
 * few bytes. Setting every entry's modification time (local header and central directory, PKWARE
 * APPNOTE §4.3.7 and §4.3.12) to one given date makes the bytes depend on the content alone.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS date and time of a `YYYY-MM-DD` day at midnight. */
function dosDateTime(isoDate: string): { readonly date: number; readonly time: number } {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const year = Math.min(Math.max((y ?? 1980) - 1980, 0), 127);
  return { date: (year << 9) | ((m ?? 1) << 5) | (d ?? 1), time: 0 };
}

/** A copy of the zip with every entry's time set to midnight of `isoDate`. Throws on a malformed zip. */
export function fixZipTimes(zip: Uint8Array, isoDate: string): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(isoDate);
  // The end-of-central-directory record: the last 22 bytes, or earlier when the archive has a comment.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--)
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== CENTRAL) throw new Error('malformed zip central directory');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error('malformed zip local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
