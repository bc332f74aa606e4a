import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { appendChange, type ChangeActor } from '../audit/append-change.js';
import { secretariatSessions, type SessionStatus } from './schema.js';

export type SessionRow = typeof secretariatSessions.$inferSelect;

/**
 * What the change log (open data) keeps of a session: draft minutes stay out of it until they are approved, since
 * only members may read them before.
 */
export const publicSession = (row: SessionRow) => {
  const isApproved = row.status === 'minutes_approved';
  return { ...row, minutesText: isApproved ? row.minutesText : null, minutesUrl: isApproved ? row.minutesUrl : null };
};

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDate = (value: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);

/** Whether a membership's term covers a calendar date. */
export const isCurrentOn = (membership: { startsOn: string; endsOn: string | null }, day: string) => membership.startsOn <= day && (membership.endsOn === null || membership.endsOn >= day);

/** Locks a session for a change inside `tx`, refusing it unless its status is one of `allowed` (`wrongStatus`). */
export async function lockSession(tx: Db, id: string, allowed: readonly SessionStatus[]): Promise<SessionRow> {
  const [row] = await tx.select().from(secretariatSessions).where(eq(secretariatSessions.id, id)).for('update');
  if (!row) throw notFound('session');
  if (!allowed.includes(row.status)) throw new AppError('conflict', `session is ${row.status}`, { reason: 'wrongStatus', status: row.status });
  return row;
}

/** Writes a change to a session and its change-log entry, inside `tx`. */
export async function changeSession(tx: Db, before: SessionRow, patch: Partial<SessionRow>, actor: ChangeActor): Promise<SessionRow> {
  const [after] = await tx.update(secretariatSessions).set(patch).where(eq(secretariatSessions.id, before.id)).returning();
  await appendChange(tx, { actor, recordType: 'secretariat_session', recordId: before.id, action: 'update', before: publicSession(before), after: publicSession(after!) });
  return after!;
}
