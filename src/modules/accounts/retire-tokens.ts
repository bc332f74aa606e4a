import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type TokenPurpose, userTokens } from './schema.js';

/**
 * Makes a person's unused links of one purpose that carry a given value in their data unusable (a newer link
 * replaces them), in the caller's transaction. Returns their data, newest first.
 */
export async function retireTokens(
  tx: Db,
  input: { userId: string; purpose: TokenPurpose; dataKey: string; dataValue: string; now: Date },
): Promise<(Record<string, string> | null)[]> {
  const older = await tx
    .select({ id: userTokens.id, data: userTokens.data })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, input.userId),
        eq(userTokens.purpose, input.purpose),
        isNull(userTokens.usedAt),
        eq(sql`${userTokens.data}->>${input.dataKey}`, input.dataValue),
      ),
    )
    .orderBy(desc(userTokens.createdAt));
  if (older.length > 0)
    await tx
      .update(userTokens)
      .set({ usedAt: input.now })
      .where(
        inArray(
          userTokens.id,
          older.map((row) => row.id),
        ),
      );
  return older.map((row) => row.data);
}
