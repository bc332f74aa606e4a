import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { PersonalDataDeclaration, PersonalDataSubject } from '../../kernel/personal-data.js';
import { emails } from './schema.js';

const ofPerson = (subject: PersonalDataSubject) =>
  or(
    eq(emails.userId, subject.userId),
    subject.emails.length > 0 ? inArray(sql`lower(${emails.toAddress})`, [...subject.emails]) : undefined,
  );

/**
 * E-mail: every message written to the person, to their account or to any of their addresses (a sign-up's before
 * the account existed), is deleted when they cancel; the download carries each one's text (the HTML copy and
 * attachments say the same).
 */
export const notificationsPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: emails, byUser: [emails.userId], byEmail: [emails.toAddress], omit: [emails.html, emails.attachments] },
  ],
  async anonymise(tx: Db, subject) {
    await tx.delete(emails).where(ofPerson(subject));
  },
};
