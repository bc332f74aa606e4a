import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { agreements, agreementVotes, secretariatAgendaItems, secretariatAttendance, secretariatSessions, type SessionKind } from './schema.js';

/** One session with its agenda, attendance by seat and agreements (with their votes by seat). */
export async function getSession(db: Db, where: { id: string } | { secretariatId: string; kind: SessionKind; number: number }) {
  const [session] = await db
    .select()
    .from(secretariatSessions)
    .where(
      'id' in where
        ? eq(secretariatSessions.id, where.id)
        : and(eq(secretariatSessions.secretariatId, where.secretariatId), eq(secretariatSessions.kind, where.kind), eq(secretariatSessions.number, where.number)),
    )
    .limit(1);
  if (!session) throw notFound('session');
  const [agenda, attendance, sessionAgreements] = await Promise.all([
    db.select().from(secretariatAgendaItems).where(eq(secretariatAgendaItems.sessionId, session.id)).orderBy(asc(secretariatAgendaItems.position)),
    db.select().from(secretariatAttendance).where(eq(secretariatAttendance.sessionId, session.id)),
    db.select().from(agreements).where(eq(agreements.sessionId, session.id)).orderBy(asc(agreements.number)),
  ]);
  const votes = sessionAgreements.length ? await db.select().from(agreementVotes).where(inArray(agreementVotes.agreementId, sessionAgreements.map((a) => a.id))) : [];
  return {
    session,
    agenda,
    attendance: new Map(attendance.map((a) => [a.seatId, a.status])),
    agreements: sessionAgreements.map((a) => ({ ...a, votes: votes.filter((v) => v.agreementId === a.id) })),
  };
}
export type SessionDetail = Awaited<ReturnType<typeof getSession>>;
