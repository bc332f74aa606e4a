import { createInflateRaw } from 'node:zlib';

/**
 * What an uploaded office document (a ZIP: .docx, .xlsx, .pptx, .odt, .ods, .odp) may expand to. A real document of
 * 10 MB holds a few thousand entries and expands to at most some tens of MB; a decompression bomb expands a few
 * kilobytes into gigabytes for whoever opens it (a reviewer's office suite, a search indexer).
 */
export const ARCHIVE_LIMITS = {
  maxEntries: 10_000,
  /** Everything the archive expands to. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** How many times its compressed size an entry may expand to... */
  maxRatio: 200,
  /** ...once it expands to more than this (small entries compress far better than that and are harmless). */
  ratioFloorBytes: 1024 * 1024,
} as const;

/** `ok`; `bomb` (too many entries, or expands beyond the limits, or its sizes lie); `unreadable` (not a ZIP we read). */
export type ArchiveVerdict = 'ok' | 'bomb' | 'unreadable';

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

class Unreadable extends Error {}

const u16 = (bytes: Buffer, at: number) => {
  if (at + 2 > bytes.length) throw new Unreadable('truncated');
  return bytes.readUInt16LE(at);
};
const u32 = (bytes: Buffer, at: number) => {
  if (at + 4 > bytes.length) throw new Unreadable('truncated');
  return bytes.readUInt32LE(at);
};
const u64 = (bytes: Buffer, at: number) => {
  if (at + 8 > bytes.length) throw new Unreadable('truncated');
  const value = bytes.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Unreadable('size out of range');
  return Number(value);
};

/** The central directory's place and size, from the end-of-central-directory record (ZIP64 included). */
function centralDirectory(bytes: Buffer): { offset: number; entries: number } {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Unreadable('no end of central directory');
  let entries = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (entries === 0xffff || offset === MAX_32) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) throw new Unreadable('no ZIP64 locator');
    const record = u64(bytes, locator + 8);
    if (u32(bytes, record) !== ZIP64_EOCD) throw new Unreadable('no ZIP64 end of central directory');
    entries = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  return { offset, entries };
}

/** The sizes of an entry whose 32-bit fields say "see the ZIP64 extra field". */
function zip64Sizes(bytes: Buffer, extraStart: number, extraLength: number, entry: Entry): Entry {
  let at = extraStart;
  while (at + 4 <= extraStart + extraLength) {
    const id = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = u64(bytes, field);
        field += 8;
        return value;
      };
      const size = entry.size === MAX_32 ? next() : entry.size;
      const compressedSize = entry.compressedSize === MAX_32 ? next() : entry.compressedSize;
      const localHeaderOffset = entry.localHeaderOffset === MAX_32 ? next() : entry.localHeaderOffset;
      return { ...entry, size, compressedSize, localHeaderOffset };
    }
    at += 4 + length;
  }
  throw new Unreadable('ZIP64 sizes missing');
}

function readEntries(bytes: Buffer, count: number, offset: number): Entry[] {
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (u32(bytes, at) !== CENTRAL) throw new Unreadable('bad central directory entry');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let entry: Entry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    };
    if (entry.size === MAX_32 || entry.compressedSize === MAX_32 || entry.localHeaderOffset === MAX_32)
      entry = zip64Sizes(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** How many bytes a deflated entry really expands to, stopping as soon as it passes `limit` (then `limit + 1`). */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    let done = false;
    const finish = (value: number) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(limit + 1);
    });
    inflate.on('end', () => finish(size));
    inflate.on('error', (error) => {
      if (!done) reject(new Unreadable(error.message));
      done = true;
    });
    inflate.end(data);
  });
}

/**
 * Checks a ZIP before it is stored: its number of entries, what each entry and the whole declare to expand to, and
 * what each deflated entry really expands to (inflated in a stream, never held, and stopped at its declared size),
 * so lying headers and overlapping entries are caught too. Nested archives are not opened: nothing in the portal
 * opens them, and a reader's office suite opens an embedded one only when asked to.
 */
export async function checkArchive(bytes: Buffer): Promise<ArchiveVerdict> {
  try {
    const directory = centralDirectory(bytes);
    if (directory.entries > ARCHIVE_LIMITS.maxEntries) return 'bomb';
    const entries = readEntries(bytes, directory.entries, directory.offset);
    const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
    if (declared > ARCHIVE_LIMITS.maxTotalBytes) return 'bomb';
    const tooCompressed = (entry: Entry, size: number) =>
      size > ARCHIVE_LIMITS.ratioFloorBytes && size > ARCHIVE_LIMITS.maxRatio * Math.max(1, entry.compressedSize);
    for (const entry of entries) {
      if (tooCompressed(entry, entry.size)) return 'bomb';
      if (entry.flags & 0x1) return 'unreadable'; // encrypted
      if (u32(bytes, entry.localHeaderOffset) !== LOCAL) return 'unreadable';
      const start = entry.localHeaderOffset + 30 + u16(bytes, entry.localHeaderOffset + 26);
      const dataStart = start + u16(bytes, entry.localHeaderOffset + 28);
      if (dataStart + entry.compressedSize > bytes.length) return 'unreadable';
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.size) return 'bomb';
        continue;
      }
      if (entry.method !== 8) return 'unreadable';
      const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
      const real = await inflatedSize(data, entry.size);
      // An entry that expands past what it declares lies about its size: the sum above no longer bounds it.
      if (real > entry.size) return 'bomb';
    }
    return 'ok';
  } catch (error) {
    if (error instanceof Unreadable) return 'unreadable';
    throw error;
  }
}
