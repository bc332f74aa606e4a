import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions } from './schema.js';
import { hashToken } from './secrets.js';

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
