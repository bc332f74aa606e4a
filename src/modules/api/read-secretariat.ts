import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exercises } from '../exercises/schema.js';
import { agreements, secretariats, secretariatSessions } from '../secretariat/read-models.js';
import { publicSession } from '../secretariat/sessions.js';
import { afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Agreement, Session } from './schemas.js';

/*
 * The Secretariat's sessions and agreements, as its public pages show them. A session's minutes (text, link or
 * signed file) stay off until they are approved (secretariat/sessions.ts `publicSession`).
 */

type Links = { fileUrl: (fileId: string) => string };

const selectSessions = (db: Db) =>
  db
    .select({
      session: secretariatSessions,
      exerciseId: exercises.id,
      exerciseSlug: exercises.slug,
      key: createdAtKey(secretariatSessions.createdAt),
    })
    .from(secretariatSessions)
    .innerJoin(secretariats, eq(secretariats.id, secretariatSessions.secretariatId))
    .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId));

type SessionRow = Awaited<ReturnType<typeof selectSessions>>[number];

function toSession(row: SessionRow, links: Links): Session {
  const s = publicSession(row.session);
  return {
    id: s.id,
    exerciseId: row.exerciseId,
    exerciseSlug: row.exerciseSlug,
    kind: s.kind,
    number: s.number,
    startsAt: s.startsAt.toISOString(),
    durationMinutes: s.durationMinutes,
    place: s.place,
    onlineUrl: s.onlineUrl,
    status: s.status,
    convenedAt: s.convenedAt?.toISOString() ?? null,
    quorumReached: s.quorumReached,
    minutesText: s.minutesText,
    minutesUrl: s.minutesUrl ?? (s.minutesFileId ? links.fileUrl(s.minutesFileId) : null),
    minutesApprovedAt: s.minutesApprovedAt?.toISOString() ?? null,
    recordingUrl: s.recordingUrl,
    cancellationReason: s.cancellationReason,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function listApiSessions(db: Db, page: PageRequest, links: Links): Promise<Page<Session>> {
  const rows = await selectSessions(db)
    .where(afterTimeId(secretariatSessions.createdAt, secretariatSessions.id, page.cursor))
    .orderBy(asc(secretariatSessions.createdAt), asc(secretariatSessions.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.session.id]);
  return { data: pageRows.map((row) => toSession(row, links)), next };
}

export async function getApiSession(db: Db, id: string, links: Links): Promise<Session | undefined> {
  const [row] = await selectSessions(db).where(eq(secretariatSessions.id, id));
  return row && toSession(row, links);
}

const selectAgreements = (db: Db) =>
  db
    .select({ agreement: agreements, exerciseSlug: exercises.slug, key: createdAtKey(agreements.createdAt) })
    .from(agreements)
    .innerJoin(secretariatSessions, eq(secretariatSessions.id, agreements.sessionId))
    .innerJoin(secretariats, eq(secretariats.id, secretariatSessions.secretariatId))
    .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId));

type AgreementRow = Awaited<ReturnType<typeof selectAgreements>>[number];

const toAgreement = ({ agreement: a, exerciseSlug }: AgreementRow): Agreement => ({
  id: a.id,
  sessionId: a.sessionId,
  exerciseSlug,
  number: a.number,
  code: a.code,
  text: a.text,
  decisionMethod: a.decisionMethod,
  outcome: a.outcome,
  votesFor: a.votesFor,
  votesAgainst: a.votesAgainst,
  votesAbstain: a.votesAbstain,
  responsible: a.responsible,
  dueOn: a.dueOn,
  status: a.status,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export async function listApiAgreements(db: Db, page: PageRequest): Promise<Page<Agreement>> {
  const rows = await selectAgreements(db)
    .where(afterTimeId(agreements.createdAt, agreements.id, page.cursor))
    .orderBy(asc(agreements.createdAt), asc(agreements.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.agreement.id]);
  return { data: pageRows.map(toAgreement), next };
}

export async function getApiAgreement(db: Db, id: string): Promise<Agreement | undefined> {
  const [row] = await selectAgreements(db).where(eq(agreements.id, id));
  return row && toAgreement(row);
}
