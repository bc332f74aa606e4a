import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type TokenPurpose, userTokens } from './schema.js';
import { hashToken, randomToken } from './secrets.js';

/** Creates a single-use token for an e-mailed link; returns the secret to put in the URL. */
export async function issueToken(
  db: Db,
  input: { userId: string; purpose: TokenPurpose; ttlMinutes: number; data?: Record<string, string> },
  now = new Date(),
): Promise<string> {
  const token = randomToken();
  await db.insert(userTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    data: input.data ?? null,
    expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000),
  });
  return token;
}

/** Uses up a token once: returns its row if it exists, has that purpose, is unused and unexpired; else undefined. */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()) {
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Whether a link is still usable, without using it up (to show its form or say it has expired). */
export async function isTokenUsable(
  db: Db,
  token: string,
  purposes: TokenPurpose[],
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ purpose: userTokens.purpose })
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .limit(1);
  return row !== undefined && purposes.includes(row.purpose);
}
