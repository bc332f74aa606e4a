import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { formatters } from '../../web/i18n/i18n.js';
import { absoluteUrl } from '../accounts/links.js';
import { users } from '../accounts/read-models.js';
import { changeLog } from '../audit/read-models.js';
import { queueEmail } from '../notifications/queue-email.js';
import type { FollowedChangeKind, FollowNewsParams } from '../notifications/templates.js';
import { changeCursors, followableChanges, followDigests, follows } from './schema.js';
import type { RecordCatalog } from '../../kernel/records.js';

/** The cursor row of the reader that turns change-log entries into followers' news. */
export const FOLLOWS_CURSOR = 'follows';

export interface NotifyOptions {
  /** The public address for the links in the e-mails. */
  baseUrl: string;
  siteName: string;
  /** The IANA zone in which the e-mails give dates. */
  timeZone: string;
  /** Which record a change belongs to, and the public targets (the registry's record catalogue). */
  records: RecordCatalog;
  /** Entries read per transaction. */
  batchSize?: number;
}

type ChangeRow = typeof followableChanges.$inferSelect;
type Recipient = { userId: string; email: string; name: string; locale: 'es-MX' | 'en' };

/** What a change-log entry tells a follower, from its record type, action and (for comments) kind and status. */
function kindOf(entry: { recordType: string; action: string; before: unknown; after: unknown }): FollowedChangeKind {
  if (entry.recordType === 'comment') {
    const after = entry.after as { kind?: string; status?: string } | null;
    const before = entry.before as { status?: string } | null;
    if (entry.action === 'create') return after?.kind === 'official_response' ? 'official_response' : 'comment';
    if (after?.status === 'hidden' && before?.status !== 'hidden') return 'comment_hidden';
    return 'updated';
  }
  return entry.action === 'create' ? 'created' : entry.action === 'delete' ? 'deleted' : 'updated';
}

/**
 * The news for one recipient: their followed targets with the changes after they started following (never their
 * own changes), each target's title and page resolved now. Undefined when there is nothing to tell.
 */
async function newsFor(
  db: Db,
  recipient: Recipient,
  changes: (ChangeRow & { unfollowToken: string })[],
  options: NotifyOptions,
): Promise<FollowNewsParams | undefined> {
  const format = formatters(recipient.locale, options.timeZone);
  const byTarget = new Map<string, { type: string; id: string; token: string; rows: ChangeRow[] }>();
  for (const change of changes) {
    if (change.actorId === recipient.userId) continue;
    const key = `${change.targetType}:${change.targetId}`;
    const group = byTarget.get(key) ?? {
      type: change.targetType,
      id: change.targetId,
      token: change.unfollowToken,
      rows: [],
    };
    group.rows.push(change);
    byTarget.set(key, group);
  }
  const targets: FollowNewsParams['targets'] = [];
  for (const group of byTarget.values()) {
    const target = await options.records.resolveTarget(db, group.type, group.id);
    if (!target) continue;
    targets.push({
      title: target.title,
      url: absoluteUrl(options.baseUrl, target.path),
      unfollowUrl: absoluteUrl(options.baseUrl, `/seguimientos/baja/${group.token}`),
      changes: group.rows.map((row) => ({
        kind: row.kind as FollowedChangeKind,
        actorLabel: row.actorLabel,
        when: format.dateTime(row.occurredAt),
      })),
    });
  }
  return targets.length ? { targets, followsUrl: absoluteUrl(options.baseUrl, '/cuenta/seguimientos') } : undefined;
}

/** Active people with a confirmed address (and their language), who get any e-mail at all. */
const recipientColumns = { userId: users.id, email: users.email, name: users.name, locale: users.locale };
const canReceive = and(eq(users.status, 'active'), isNotNull(users.emailConfirmedAt));

/**
 * Reads the change log after the stored cursor, records each entry that concerns a followable target (see the
 * registry in targets.ts) and queues, for each follower whose frequency is 'immediate', one e-mail with everything
 * new on what they follow. Each batch is one transaction with the cursor's update, under the cursor row's lock: an
 * entry is handled exactly once, however many processes run the job, and a crash loses nothing (the batch is
 * redone). Returns how many entries it read and how many e-mails it queued.
 */
export async function notifyFollowers(db: Db, options: NotifyOptions): Promise<{ entries: number; emails: number }> {
  const batchSize = options.batchSize ?? 500;
  let entries = 0;
  let emails = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await tx.insert(changeCursors).values({ name: FOLLOWS_CURSOR, lastSeq: 0 }).onConflictDoNothing();
      const [cursor] = await tx
        .select({ lastSeq: changeCursors.lastSeq })
        .from(changeCursors)
        .where(eq(changeCursors.name, FOLLOWS_CURSOR))
        .for('update');
      const rows = await tx
        .select()
        .from(changeLog)
        .where(gt(changeLog.seq, cursor!.lastSeq))
        .orderBy(asc(changeLog.seq))
        .limit(batchSize);
      if (rows.length === 0) return { read: 0, queued: 0 };

      const changes: ChangeRow[] = [];
      for (const row of rows) {
        const target = await options.records.followableTargetOf(tx, row);
        if (!target) continue;
        changes.push({
          seq: row.seq,
          targetType: target.recordType,
          targetId: target.recordId,
          kind: kindOf(row),
          actorId: row.actorId,
          actorLabel: row.actorLabel,
          occurredAt: row.occurredAt,
        });
      }
      if (changes.length) await tx.insert(followableChanges).values(changes).onConflictDoNothing();

      let queued = 0;
      const keys = [...new Set(changes.map((change) => `${change.targetType}:${change.targetId}`))];
      if (keys.length) {
        const followers = await tx
          .select({
            ...recipientColumns,
            targetType: follows.targetType,
            targetId: follows.targetId,
            fromSeq: follows.fromSeq,
            unfollowToken: follows.unfollowToken,
          })
          .from(follows)
          .innerJoin(users, eq(users.id, follows.userId))
          .where(
            and(
              inArray(sql`${follows.targetType} || ':' || ${follows.targetId}`, keys),
              eq(users.notificationFrequency, 'immediate'),
              canReceive,
            ),
          );
        const byUser = new Map<string, { recipient: Recipient; mine: (ChangeRow & { unfollowToken: string })[] }>();
        for (const follower of followers) {
          const entry = byUser.get(follower.userId) ?? { recipient: follower, mine: [] };
          for (const change of changes) {
            if (
              change.targetType === follower.targetType &&
              change.targetId === follower.targetId &&
              change.seq > follower.fromSeq
            )
              entry.mine.push({ ...change, unfollowToken: follower.unfollowToken });
          }
          byUser.set(follower.userId, entry);
        }
        for (const { recipient, mine } of byUser.values()) {
          mine.sort((a, b) => a.seq - b.seq);
          const news = await newsFor(tx, recipient, mine, options);
          if (!news) continue;
          await queueEmail(tx, {
            to: recipient.email,
            userId: recipient.userId,
            template: 'follow_update',
            locale: recipient.locale,
            params: { name: recipient.name, siteName: options.siteName, ...news },
          });
          // Told already: should they switch to the weekly digest, it starts after these changes.
          const told = mine.at(-1)!.seq;
          await tx
            .insert(followDigests)
            .values({ userId: recipient.userId, lastSeq: told })
            .onConflictDoUpdate({
              target: followDigests.userId,
              set: { lastSeq: sql`greatest(${followDigests.lastSeq}, ${told})` },
            });
          queued += 1;
        }
      }
      await tx
        .update(changeCursors)
        .set({ lastSeq: rows.at(-1)!.seq })
        .where(eq(changeCursors.name, FOLLOWS_CURSOR));
      return { read: rows.length, queued };
    });
    entries += batch.read;
    emails += batch.queued;
    if (batch.read < batchSize) return { entries, emails };
  }
}

/**
 * The weekly digest: first brings the followed changes up to date (notifyFollowers), then queues, for each person
 * whose frequency is 'weekly', one e-mail with what changed on what they follow since their last digest (or since
 * they started following). Each person's digest is one transaction with their digest cursor: never sent twice.
 */
export async function sendWeeklyDigests(db: Db, options: NotifyOptions & { now: Date }): Promise<{ emails: number }> {
  await notifyFollowers(db, options);
  const [cursor] = await db
    .select({ lastSeq: changeCursors.lastSeq })
    .from(changeCursors)
    .where(eq(changeCursors.name, FOLLOWS_CURSOR));
  const upTo = cursor?.lastSeq ?? 0;
  const readers = await db
    .selectDistinct(recipientColumns)
    .from(follows)
    .innerJoin(users, eq(users.id, follows.userId))
    .where(and(eq(users.notificationFrequency, 'weekly'), canReceive));
  let emails = 0;
  for (const reader of readers) {
    const sent = await db.transaction(async (tx) => {
      await tx.insert(followDigests).values({ userId: reader.userId, lastSeq: 0 }).onConflictDoNothing();
      const [digest] = await tx
        .select({ lastSeq: followDigests.lastSeq })
        .from(followDigests)
        .where(eq(followDigests.userId, reader.userId))
        .for('update');
      const changes = await tx
        .select({ change: followableChanges, unfollowToken: follows.unfollowToken })
        .from(followableChanges)
        .innerJoin(
          follows,
          and(
            eq(follows.targetType, followableChanges.targetType),
            eq(follows.targetId, followableChanges.targetId),
            eq(follows.userId, reader.userId),
          ),
        )
        .where(
          and(
            gt(followableChanges.seq, digest!.lastSeq),
            gt(followableChanges.seq, follows.fromSeq),
            sql`${followableChanges.seq} <= ${upTo}`,
          ),
        )
        .orderBy(asc(followableChanges.seq));
      const news = await newsFor(
        tx,
        reader,
        changes.map((row) => ({ ...row.change, unfollowToken: row.unfollowToken })),
        options,
      );
      if (news)
        await queueEmail(tx, {
          to: reader.email,
          userId: reader.userId,
          template: 'follow_digest',
          locale: reader.locale,
          params: { name: reader.name, siteName: options.siteName, ...news },
        });
      await tx
        .update(followDigests)
        .set({ lastSeq: Math.max(upTo, digest!.lastSeq), ...(news ? { lastSentAt: options.now } : {}) })
        .where(eq(followDigests.userId, reader.userId));
      return news ? 1 : 0;
    });
    emails += sent;
  }
  return { emails };
}
