import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { getFile } from './get-file.js';
import { storedFiles } from './schema.js';
import { storeFile } from './store-file.js';
import { zip } from '../../testing/zip.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 253, 254, 255]), Buffer.from('\n%%EOF')]);

describe('stored files', () => {
  it('keep their exact bytes, sniffed type and hash, also through a backup and restore', async () => {
    const database = await createTestDatabase();
    const stored = await storeFile(database.db, { content: PDF, originalName: 'Informe final.pdf', uploadedBy: null });
    expect(stored).toMatchObject({ mimeType: 'application/pdf', size: PDF.length, originalName: 'Informe-final.pdf' });
    expect((await getFile(database.db, stored.id)).content.equals(PDF)).toBe(true);

    const file = join(mkdtempSync(join(tmpdir(), 'cocrea-files-')), 'backup.jsonl.gz');
    await backupDatabase(database.db, file);
    const target = await createTestDatabase();
    await restoreDatabase(target.db, file);
    const restored = await getFile(target.db, stored.id);
    expect(restored.content.equals(PDF)).toBe(true);
    expect(restored.sha256).toBe(stored.sha256);
  });

  it('refuses a file whose content is not an accepted type, an empty one and one over 10 MB', async () => {
    const database = await createTestDatabase();
    await expect(
      storeFile(database.db, { content: Buffer.from('MZ\x90\x00 not a pdf'), originalName: 'a.pdf', uploadedBy: null }),
    ).rejects.toMatchObject({ details: { reason: 'fileType' } });
    await expect(
      storeFile(database.db, { content: Buffer.alloc(0), originalName: 'a.pdf', uploadedBy: null }),
    ).rejects.toMatchObject({ details: { reason: 'fileEmpty' } });
    await expect(
      storeFile(database.db, {
        content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
        originalName: 'a.pdf',
        uploadedBy: null,
      }),
    ).rejects.toMatchObject({ details: { reason: 'fileSize' } });
  });

  it('refuses an office document that is a decompression bomb, storing nothing', async () => {
    const database = await createTestDatabase();
    const bomb = zip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'word/document.xml', content: Buffer.alloc(80 * 1024 * 1024) },
    ]);
    await expect(
      storeFile(database.db, { content: bomb, originalName: 'informe.docx', uploadedBy: null }),
    ).rejects.toMatchObject({ details: { reason: 'fileArchive' } });
    expect(await database.db.select().from(storedFiles)).toEqual([]);
  });
});
