import { randomBytes } from 'node:crypto';
import { and, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { changeLog } from '../audit/read-models.js';
import { follows } from './schema.js';
import type { RecordCatalog, ResolvedTarget, TargetRef } from '../../kernel/records.js';

/**
 * A person starts following a public, followable target: from now on (entries after the last one in the change log)
 * they get e-mail about its changes, at the frequency of their account. Following twice changes nothing.
 */
export async function followTarget(
  db: Db,
  records: RecordCatalog,
  userId: string,
  target: TargetRef,
): Promise<ResolvedTarget> {
  if (!records.isFollowableType(target.recordType))
    throw new AppError('bad_request', `${target.recordType} cannot be followed`);
  const resolved = await records.resolveTarget(db, target.recordType, target.recordId);
  if (!resolved) throw notFound('follow target');
  const [last] = await db.select({ seq: max(changeLog.seq) }).from(changeLog);
  await db
    .insert(follows)
    .values({
      userId,
      targetType: resolved.recordType,
      targetId: resolved.recordId,
      fromSeq: Number(last?.seq ?? 0),
      unfollowToken: randomBytes(24).toString('base64url'),
    })
    .onConflictDoNothing();
  return resolved;
}

/** A person stops following a target (nothing happens if they did not follow it). */
export async function unfollowTarget(db: Db, userId: string, target: TargetRef): Promise<void> {
  await db
    .delete(follows)
    .where(
      and(eq(follows.userId, userId), eq(follows.targetType, target.recordType), eq(follows.targetId, target.recordId)),
    );
}

export const isFollowing = async (db: Db, userId: string, target: TargetRef) =>
  (
    await db
      .select({ id: follows.id })
      .from(follows)
      .where(
        and(
          eq(follows.userId, userId),
          eq(follows.targetType, target.recordType),
          eq(follows.targetId, target.recordId),
        ),
      )
  ).length > 0;

/** The follow behind an e-mail's "stop following" link, with its target, if the link is still good. */
export async function getFollowByToken(db: Db, records: RecordCatalog, token: string) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  const [follow] = await db.select().from(follows).where(eq(follows.unfollowToken, token));
  if (!follow) return undefined;
  return { follow, target: await records.resolveTarget(db, follow.targetType, follow.targetId) };
}

/** Stops the follow of an e-mail's link; true when there was one to stop. */
export async function unfollowByToken(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return false;
  const deleted = await db.delete(follows).where(eq(follows.unfollowToken, token)).returning({ id: follows.id });
  return deleted.length > 0;
}

/**
 * What a person follows, newest first, with each target's public title and page (targets no longer public are left
 * out).
 */
export async function listFollows(db: Db, records: RecordCatalog, userId: string) {
  const rows = await db.select().from(follows).where(eq(follows.userId, userId)).orderBy(desc(follows.createdAt));
  const resolved = await Promise.all(
    rows.map(async (row) => ({ row, target: await records.resolveTarget(db, row.targetType, row.targetId) })),
  );
  return resolved.flatMap(({ row, target }) => (target ? [{ followedAt: row.createdAt, target }] : []));
}
