import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ModulePersonalData, PersonalDataSubject } from '../../kernel/personal-data.js';
import { AppError } from '../../shared/errors.js';
import { users } from '../accounts/read-models.js';

const unique = (values: readonly string[]) => [...new Set(values.map((value) => value.trim()).filter(Boolean))];

/**
 * Who a person is to the portal's tables: their account's id, e-mail and name, and what every module knows them by
 * besides (a sign-up's phone number, an address a Secretariat membership used), so that every part finds them.
 */
export async function personalDataSubject(
  db: Db,
  userId: string,
  parts: readonly ModulePersonalData[],
): Promise<PersonalDataSubject & { status: string; hasPassword: boolean; createdAt: Date }> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('not_found', 'user');
  let subject: PersonalDataSubject = {
    userId,
    emails: [user.email.toLowerCase()],
    phones: [],
    names: user.status === 'deleted' ? [] : [user.name],
  };
  for (const part of parts) {
    const found = await part.identify?.(db, subject);
    if (!found) continue;
    subject = {
      userId,
      emails: unique([...subject.emails, ...(found.emails ?? []).map((email) => email.toLowerCase())]),
      phones: unique([...subject.phones, ...(found.phones ?? [])]),
      names: unique([...subject.names, ...(found.names ?? [])]),
    };
  }
  return { ...subject, status: user.status, hasPassword: user.passwordHash !== null, createdAt: user.createdAt };
}
