/**
 * Checks an .xlsx (a zip archive) before a workbook reader sees it, so that a zip bomb or a damaged file
 * is refused cleanly instead of exhausting memory or hanging the reader. It reads the central directory,
 * walks the local entries in file order as a streaming reader does (each must be one listed in the
 * directory), and inflates every entry with a running count, stopping as soon as an entry or the whole
 * archive exceeds its bound; the CRC-32 of each entry must match. Only "stored" and "deflate" entries,
 * no ZIP64 and no encryption: what Excel, WPS and ExcelJS write.
 *
 * Format: PKWARE APPNOTE.TXT 6.3.10 (§4.3.7 local header, §4.3.12 central header, §4.3.16 end record).
 */
import { createInflateRaw, crc32 } from 'node:zlib';

export interface ZipLimits {
  /** Largest total uncompressed size of all entries. */
  readonly maxTotalBytes: number;
  /** Largest uncompressed size of one entry. */
  readonly maxEntryBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc: number;
  readonly localOffset: number;
  readonly flags: number;
}

export type ZipCheck =
  | { readonly ok: true; readonly entries: readonly ZipEntryInfo[]; readonly totalBytes: number }
  | {
      readonly ok: false;
      readonly code: 'NOT_A_ZIP' | 'ZIP_DAMAGED' | 'ZIP_UNSUPPORTED' | 'ZIP_TOO_LARGE';
      readonly message: string;
    };

const fail = (code: Exclude<ZipCheck, { ok: true }>['code'], message: string): ZipCheck => ({
  ok: false,
  code,
  message,
});

/** Reads the central directory (no decompression). */
export function readCentralDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50)
    return fail('NOT_A_ZIP', '不是 .xlsx 文件 (not a zip archive)');
  // The end record is in the last 22 + 65535 bytes (its comment is at most 65535 bytes).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    return fail('ZIP_DAMAGED', '文件不完整或已损坏 (no end of central directory: truncated or damaged)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    return fail('ZIP_UNSUPPORTED', '不支持 ZIP64 (ZIP64 archives are not supported)');
  if (count > limits.maxEntries)
    return fail('ZIP_TOO_LARGE', `压缩包内文件过多 (${count} entries; at most ${limits.maxEntries})`);
  if (cdOffset + cdSize > eocd) return fail('ZIP_DAMAGED', '目录位置无效 (central directory out of bounds)');
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50)
      return fail('ZIP_DAMAGED', '目录项损坏 (damaged central directory entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) return fail('ZIP_DAMAGED', '目录项损坏 (damaged central directory entry)');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 0x1) return fail('ZIP_UNSUPPORTED', '不支持加密的文件 (encrypted entries are not supported)');
    if (method !== 0 && method !== 8)
      return fail('ZIP_UNSUPPORTED', `不支持的压缩方式 ${method} (unsupported compression method)`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      return fail('ZIP_UNSUPPORTED', '不支持 ZIP64 (ZIP64 archives are not supported)');
    if (uncompressedSize > limits.maxEntryBytes)
      return fail(
        'ZIP_TOO_LARGE',
        `"${name}" 解压后过大 (${uncompressedSize} bytes; at most ${limits.maxEntryBytes})`,
      );
    declared += uncompressedSize;
    if (declared > limits.maxTotalBytes)
      return fail(
        'ZIP_TOO_LARGE',
        `解压后总大小超过 ${limits.maxTotalBytes} 字节 (uncompressed size over the limit)`,
      );
    entries.push({ name, method, compressedSize, uncompressedSize, crc, localOffset, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries, totalBytes: declared };
}

/** Inflates `data` counting bytes; resolves with the CRC-32 and size, or rejects once over `max` bytes. */
function inflateCounting(
  data: Buffer,
  max: number,
): Promise<{ crc: number; size: number } | 'too_large' | 'damaged'> {
  return new Promise((resolve) => {
    const z = createInflateRaw();
    let size = 0;
    let crc = 0;
    let settled = false;
    const done = (r: { crc: number; size: number } | 'too_large' | 'damaged') => {
      if (settled) return;
      settled = true;
      z.removeAllListeners('data');
      z.destroy();
      resolve(r);
    };
    z.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return done('too_large');
      crc = crc32(chunk, crc);
    });
    z.on('error', () => done('damaged'));
    z.on('end', () => done({ crc, size }));
    z.end(data);
  });
}

/**
 * The full check: directory, local entries in order, and every entry inflated within its bound with a
 * matching CRC-32 and size. Resolves, never rejects.
 */
export async function checkZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipCheck> {
  const cd = readCentralDirectory(buf, limits);
  if (!cd.ok) return cd;
  const byOffset = new Map(cd.entries.map((e) => [e.localOffset, e] as const));
  // Walk the local headers from the start, as a streaming reader (unzipper, used by ExcelJS) does.
  let p = 0;
  let seen = 0;
  let total = 0;
  while (p + 4 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const e = byOffset.get(p);
    if (!e || p + 30 > buf.length)
      return fail('ZIP_DAMAGED', '压缩包内有未登记的文件 (a local entry is not in the central directory)');
    const flags = buf.readUInt16LE(p + 6);
    const method = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 30, p + 30 + nameLen);
    if (method !== e.method || name !== e.name)
      return fail(
        'ZIP_DAMAGED',
        `"${name}" 的本地头与目录不一致 (local header disagrees with the directory)`,
      );
    if (!(flags & 0x8)) {
      const lc = buf.readUInt32LE(p + 18);
      const lu = buf.readUInt32LE(p + 22);
      if (lc !== e.compressedSize || lu !== e.uncompressedSize)
        return fail('ZIP_DAMAGED', `"${name}" 的大小与目录不一致 (sizes disagree with the directory)`);
    }
    const start = p + 30 + nameLen + extraLen;
    const end = start + e.compressedSize;
    if (end > buf.length) return fail('ZIP_DAMAGED', `"${name}" 数据不完整 (entry data truncated)`);
    const data = buf.subarray(start, end);
    const remaining = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    let got: { crc: number; size: number } | 'too_large' | 'damaged';
    if (e.method === 0) got = data.length > remaining ? 'too_large' : { crc: crc32(data), size: data.length };
    else got = await inflateCounting(data, remaining);
    if (got === 'too_large')
      return fail('ZIP_TOO_LARGE', `"${name}" 解压后超过限制 (inflates beyond the limit: a zip bomb?)`);
    if (got === 'damaged') return fail('ZIP_DAMAGED', `"${name}" 无法解压 (cannot be inflated: damaged)`);
    if (got.crc !== e.crc || got.size !== e.uncompressedSize)
      return fail('ZIP_DAMAGED', `"${name}" 校验和不符 (CRC or size mismatch: damaged)`);
    total += got.size;
    seen++;
    p = end;
    if (flags & 0x8) {
      // Data descriptor: optional signature, CRC, sizes.
      p += buf.length >= p + 4 && buf.readUInt32LE(p) === 0x08074b50 ? 16 : 12;
    }
  }
  if (seen !== cd.entries.length)
    return fail('ZIP_DAMAGED', '压缩包结构不完整 (entries missing between the local headers)');
  return { ok: true, entries: cd.entries, totalBytes: total };
}
