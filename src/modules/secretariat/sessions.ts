import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { appendChange, type ChangeActor } from '../audit/append-change.js';
import { fileFactsOf, type FileFacts } from './document-files.js';
import { secretariatSessions, type SessionStatus } from './schema.js';

export type SessionRow = typeof secretariatSessions.$inferSelect;

/**
 * What the change log (open data) keeps of a session: draft minutes stay out of it until they are approved, since
 * only members may read them before. Approved signed minutes that were uploaded come with their file's facts
 * (name, type, size, SHA-256), so the history proves which file was published.
 */
export const publicSession = (row: SessionRow, minutesFile?: FileFacts) => {
  const isApproved = row.status === 'minutes_approved';
  return {
    ...row,
    minutesText: isApproved ? row.minutesText : null,
    minutesUrl: isApproved ? row.minutesUrl : null,
    minutesFileId: isApproved ? row.minutesFileId : null,
    ...(isApproved && minutesFile ? { minutesFile } : {}),
  };
};

/** A session as the change log keeps it, looking up the facts of its published minutes file inside `tx`. */
const loggedSession = async (tx: Db, row: SessionRow) =>
  publicSession(
    row,
    row.status === 'minutes_approved' && row.minutesFileId ? await fileFactsOf(tx, row.minutesFileId) : undefined,
  );

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDate = (value: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);

/** Whether a membership's term covers a calendar date. */
export const isCurrentOn = (membership: { startsOn: string; endsOn: string | null }, day: string) =>
  membership.startsOn <= day && (membership.endsOn === null || membership.endsOn >= day);

/** Locks a session for a change inside `tx`, refusing it unless its status is one of `allowed` (`wrongStatus`). */
export async function lockSession(tx: Db, id: string, allowed: readonly SessionStatus[]): Promise<SessionRow> {
  const [row] = await tx.select().from(secretariatSessions).where(eq(secretariatSessions.id, id)).for('update');
  if (!row) throw notFound('session');
  if (!allowed.includes(row.status))
    throw new AppError('conflict', `session is ${row.status}`, { reason: 'wrongStatus', status: row.status });
  return row;
}

/** Writes a change to a session and its change-log entry, inside `tx`. */
export async function changeSession(
  tx: Db,
  before: SessionRow,
  patch: Partial<SessionRow>,
  actor: ChangeActor,
): Promise<SessionRow> {
  const [after] = await tx
    .update(secretariatSessions)
    .set(patch)
    .where(eq(secretariatSessions.id, before.id))
    .returning();
  await appendChange(tx, {
    actor,
    recordType: 'secretariat_session',
    recordId: before.id,
    action: 'update',
    before: await loggedSession(tx, before),
    after: await loggedSession(tx, after!),
  });
  return after!;
}
