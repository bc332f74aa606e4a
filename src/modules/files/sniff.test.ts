import { describe, expect, it } from 'vitest';
import { safeFileName, sniffType } from './sniff.js';

const zipWith = (first: string, rest = '') => {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  return Buffer.concat([header, Buffer.from(first + rest, 'latin1')]);
};

describe('file types by content', () => {
  it('recognises PDF, PNG, JPEG and WebP by their signatures', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe(
      'image/webp',
    );
  });
  it('recognises office documents inside ZIPs, and refuses a plain ZIP', () => {
    expect(sniffType(zipWith('[Content_Types].xml', '...word/document.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffType(zipWith('[Content_Types].xml', '...xl/workbook.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffType(zipWith('mimetypeapplication/vnd.oasis.opendocument.text'))).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(sniffType(zipWith('photos/a.jpg'))).toBeUndefined();
  });
  it('refuses anything else, whatever its name says', () => {
    expect(sniffType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffType(Buffer.alloc(0))).toBeUndefined();
  });
  it('makes names safe for headers and URLs, with the extension of the sniffed type', () => {
    expect(safeFileName('Minuta de la reunión "final".exe', 'application/pdf')).toBe('Minuta-de-la-reunion-final.pdf');
    expect(safeFileName('../../etc/passwd', 'image/png')).toBe('etc-passwd.png');
    expect(safeFileName('', 'image/jpeg')).toBe('archivo.jpg');
  });
});
