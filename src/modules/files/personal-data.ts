import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { PersonalDataDeclaration, PersonalDataSubject } from '../../kernel/personal-data.js';
import { storedFiles } from './schema.js';
import { safeFileName, type AcceptedType } from './sniff.js';

/** Text as a stored file name keeps it (see safeFileName): no accents, anything but letters and digits a dash. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();

/** Whether a stored file's name carries one of the person's names, addresses or phone numbers. */
const namesPerson = (fileName: string, subject: PersonalDataSubject) => {
  const name = slug(fileName);
  const digits = fileName.replace(/\D/g, '');
  return (
    [...subject.emails, ...subject.names.filter((n) => n.trim().length >= 6)].some((text) =>
      name.includes(slug(text)),
    ) ||
    subject.phones.some(
      (phone) => phone.replace(/\D/g, '').length >= 7 && digits.includes(phone.replace(/\D/g, '').slice(-10)),
    )
  );
};

/**
 * Files: what the person uploaded (the download lists each file's name, type, size and fingerprint, not its bytes).
 * The files stay (they prove public work: evidence, signed minutes) and point to the anonymous account; a file whose
 * name carried the person's name, e-mail or phone is renamed.
 */
export const filesPersonalData: PersonalDataDeclaration = {
  tables: [{ table: storedFiles, byUser: [storedFiles.uploadedBy], omit: [storedFiles.content] }],
  async anonymise(tx: Db, subject) {
    const files = await tx
      .select({ id: storedFiles.id, originalName: storedFiles.originalName, mimeType: storedFiles.mimeType })
      .from(storedFiles)
      .where(eq(storedFiles.uploadedBy, subject.userId));
    for (const file of files) {
      if (!namesPerson(file.originalName, subject)) continue;
      const originalName = safeFileName('archivo', file.mimeType as AcceptedType);
      await tx.update(storedFiles).set({ originalName }).where(eq(storedFiles.id, file.id));
    }
  },
};
