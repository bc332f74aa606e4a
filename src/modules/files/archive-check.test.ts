import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, checkArchive } from './archive-check.js';
import { sniffType } from './sniff.js';
import { zip, type ZipEntry } from '../../testing/zip.js';

const docx = (extra: ZipEntry[] = []) =>
  zip([
    { name: '[Content_Types].xml', content: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/"/>') },
    {
      name: 'word/document.xml',
      content: Buffer.from(`<w:document>${'<w:p>Texto del informe.</w:p>'.repeat(2000)}</w:document>`),
    },
    { name: 'word/media/image1.png', content: Buffer.alloc(300_000, 7), method: 0 },
    ...extra,
  ]);

describe('office documents are checked for decompression bombs', () => {
  it('accepts a real document, its text compressed well and its images stored', async () => {
    const document = docx();
    expect(sniffType(document)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await checkArchive(document)).toBe('ok');
  });

  it('refuses an entry that expands hundreds of times (a bomb of zeros)', async () => {
    const bomb = docx([{ name: 'word/zeros.xml', content: Buffer.alloc(60 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await checkArchive(bomb)).toBe('bomb');
  });

  it('refuses an entry whose headers claim it is small but that expands past that', async () => {
    const liar = docx([{ name: 'word/liar.xml', content: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredSize: 1000 }]);
    expect(await checkArchive(liar)).toBe('bomb');
  });

  it('refuses overlapping entries whose total passes the limit, and too many entries', async () => {
    // Each entry alone is modest; the directory lists the same data 300 times: 300 × 1 MB.
    const block = Buffer.alloc(1024 * 1024 - 1, 0x42);
    const overlapping = zip([{ name: 'word/part.xml', content: block, method: 0 }], { centralCopies: 300 });
    expect(300 * block.length).toBeGreaterThan(ARCHIVE_LIMITS.maxTotalBytes);
    expect(await checkArchive(overlapping)).toBe('bomb');
    const many = zip(
      Array.from({ length: ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `x/${i}`, content: Buffer.from('a') })),
    );
    expect(await checkArchive(many)).toBe('bomb');
  });

  it('calls a ZIP it cannot read unreadable: cut short, or its data not deflate', async () => {
    const document = docx();
    expect(await checkArchive(document.subarray(0, document.length - 30))).toBe('unreadable');
    const garbled = Buffer.from(document);
    garbled.fill(0xff, 120, 400);
    expect(await checkArchive(garbled)).not.toBe('ok');
  });
});
