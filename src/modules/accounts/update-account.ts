import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notificationFrequencies, users } from './schema.js';

export const updateAccountInput = z.object({
  name: z.string().trim().min(2, 'name.required').max(200, 'name.tooLong'),
  locale: z.enum(['es-MX', 'en']),
  notificationFrequency: z.enum(notificationFrequencies),
});

export async function updateAccount(db: Db, userId: string, input: z.infer<typeof updateAccountInput>) {
  await db.update(users).set(input).where(eq(users.id, userId));
}
