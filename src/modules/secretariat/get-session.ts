import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { storedFiles } from '../files/read-models.js';
import { fileColumns, type FileSummary } from './document-files.js';
import {
  agreements,
  agreementVotes,
  secretariatAgendaItems,
  secretariatAttendance,
  secretariatSessions,
  type SessionKind,
} from './schema.js';

/**
 * One session with its agenda, attendance by seat, agreements (with their votes by seat) and its signed minutes' file,
 * if uploaded.
 */
export async function getSession(
  db: Db,
  where: { id: string } | { secretariatId: string; kind: SessionKind; number: number },
) {
  const [session] = await db
    .select()
    .from(secretariatSessions)
    .where(
      'id' in where
        ? eq(secretariatSessions.id, where.id)
        : and(
            eq(secretariatSessions.secretariatId, where.secretariatId),
            eq(secretariatSessions.kind, where.kind),
            eq(secretariatSessions.number, where.number),
          ),
    )
    .limit(1);
  if (!session) throw notFound('session');
  const [agenda, attendance, sessionAgreements, minutesFiles] = await Promise.all([
    db
      .select()
      .from(secretariatAgendaItems)
      .where(eq(secretariatAgendaItems.sessionId, session.id))
      .orderBy(asc(secretariatAgendaItems.position)),
    db.select().from(secretariatAttendance).where(eq(secretariatAttendance.sessionId, session.id)),
    db.select().from(agreements).where(eq(agreements.sessionId, session.id)).orderBy(asc(agreements.number)),
    session.minutesFileId
      ? db.select(fileColumns).from(storedFiles).where(eq(storedFiles.id, session.minutesFileId))
      : Promise.resolve([] as FileSummary[]),
  ]);
  const votes = sessionAgreements.length
    ? await db
        .select()
        .from(agreementVotes)
        .where(
          inArray(
            agreementVotes.agreementId,
            sessionAgreements.map((a) => a.id),
          ),
        )
    : [];
  return {
    session,
    minutesFile: minutesFiles[0] ?? null,
    agenda,
    attendance: new Map(attendance.map((a) => [a.seatId, a.status])),
    agreements: sessionAgreements.map((a) => ({ ...a, votes: votes.filter((v) => v.agreementId === a.id) })),
  };
}
export type SessionDetail = Awaited<ReturnType<typeof getSession>>;
