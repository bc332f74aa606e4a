import { constants, crc32, createDeflateRaw } from 'node:zlib';

/*
 * A streaming ZIP writer (PKWARE APPNOTE 6.3): each entry is deflated as its bytes arrive and followed by a data
 * descriptor (general purpose flag bit 3), so nothing is held in memory but the entry list; names are UTF-8
 * (flag bit 11). No ZIP64: an entry or an archive over 4 GiB is refused (the portal's open data is far below).
 */

export interface ZipEntry {
  name: string;
  /** The entry's content, as it is produced (strings are written as UTF-8). */
  content: AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
}

const LIMIT = 0xffffffff;
const FLAGS = (1 << 3) | (1 << 11);
const DEFLATE = 8;

/** MS-DOS time and date of an instant (the ZIP format's own), in UTC. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

async function* deflated(content: ZipEntry['content'], totals: { crc: number; size: number; compressed: number }) {
  const deflate = createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const flush = () => out.splice(0, out.length);
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => deflate.write(chunk, (error) => (error ? reject(error) : resolve())));
  for await (const part of content) {
    const chunk = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    totals.crc = crc32(chunk, totals.crc);
    totals.size += chunk.length;
    await write(chunk);
    for (const piece of flush()) {
      totals.compressed += piece.length;
      yield piece;
    }
  }
  await new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve);
    deflate.once('error', reject);
    deflate.end();
  });
  for (const piece of flush()) {
    totals.compressed += piece.length;
    yield piece;
  }
}

/** The bytes of a ZIP archive of the entries, produced one entry after another. */
export async function* zipStream(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>, at: Date) {
  const { time, date } = dosDateTime(at);
  const written: Written[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC and sizes stay 0 here: the data descriptor after the data carries them.
    header.writeUInt16LE(name.length, 26);
    yield Buffer.concat([header, name]);
    const totals = { crc: 0, size: 0, compressed: 0 };
    yield* deflated(entry.content, totals);
    if (totals.size > LIMIT || totals.compressed > LIMIT || offset > LIMIT)
      throw new Error('ZIP entry too large (no ZIP64)');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(totals.crc >>> 0, 4);
    descriptor.writeUInt32LE(totals.compressed, 8);
    descriptor.writeUInt32LE(totals.size, 12);
    yield descriptor;
    written.push({ name, crc: totals.crc >>> 0, compressed: totals.compressed, size: totals.size, offset });
    offset += header.length + name.length + totals.compressed + descriptor.length;
  }
  const start = offset;
  for (const entry of written) {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(FLAGS, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.compressed, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    yield Buffer.concat([record, entry.name]);
    offset += record.length + entry.name.length;
  }
  if (offset > LIMIT || written.length > 0xffff) throw new Error('ZIP archive too large (no ZIP64)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  yield end;
}
