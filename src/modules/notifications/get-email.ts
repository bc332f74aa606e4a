import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { emails } from './schema.js';

export type EmailRecord = typeof emails.$inferSelect;

/** One e-mail of the outbox, whole (text and HTML), for admins. */
export async function getEmail(db: Db, id: string): Promise<EmailRecord> {
  if (!z.uuid().safeParse(id).success) throw notFound('e-mail');
  const [email] = await db.select().from(emails).where(eq(emails.id, id)).limit(1);
  if (!email) throw notFound('e-mail');
  return email;
}
