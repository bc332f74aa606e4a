import { and, asc, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  agreementLinks,
  agreements,
  agreementStatuses,
  agreementUpdates,
  agreementVotes,
  secretariatSessions,
} from './schema.js';
import { notFound } from '../../shared/errors.js';

export const agreementFilters = z.object({
  sessionId: z.uuid().optional().catch(undefined),
  status: z
    .enum([...agreementStatuses, 'overdue'])
    .optional()
    .catch(undefined),
  responsible: z.string().trim().max(200).optional().catch(undefined),
});
export type AgreementFilters = z.infer<typeof agreementFilters>;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The agreements of a Secretariat, newest session first, filtered by session, status (or overdue on `today`) and
 * responsible.
 */
export async function listAgreements(db: Db, secretariatId: string, filters: AgreementFilters, today: string) {
  const conditions: SQL[] = [eq(secretariatSessions.secretariatId, secretariatId)];
  if (filters.sessionId) conditions.push(eq(agreements.sessionId, filters.sessionId));
  if (filters.status && filters.status !== 'overdue') conditions.push(eq(agreements.status, filters.status));
  if (filters.responsible) conditions.push(ilike(agreements.responsible, `%${escapeLike(filters.responsible)}%`));
  const rows = await db
    .select({ agreement: agreements, session: secretariatSessions })
    .from(agreements)
    .innerJoin(secretariatSessions, eq(secretariatSessions.id, agreements.sessionId))
    .where(and(...conditions))
    .orderBy(desc(secretariatSessions.startsAt), asc(agreements.number));
  const withFlag = rows.map((r) => ({ ...r, isOverdue: isOpenAndLate(r.agreement, today) }));
  return filters.status === 'overdue' ? withFlag.filter((r) => r.isOverdue) : withFlag;
}
export type AgreementListEntry = Awaited<ReturnType<typeof listAgreements>>[number];

/** Overdue: approved, due date past, neither fulfilled nor cancelled. */
export const isOpenAndLate = (agreement: { outcome: string; dueOn: string | null; status: string }, today: string) =>
  agreement.outcome === 'approved' &&
  agreement.dueOn !== null &&
  agreement.dueOn < today &&
  agreement.status !== 'fulfilled' &&
  agreement.status !== 'cancelled';

/** One agreement by its code, with its session, votes, links and follow-up notes. */
export async function getAgreement(db: Db, where: { code: string } | { id: string }) {
  const [row] = await db
    .select({ agreement: agreements, session: secretariatSessions })
    .from(agreements)
    .innerJoin(secretariatSessions, eq(secretariatSessions.id, agreements.sessionId))
    .where('code' in where ? eq(agreements.code, where.code) : eq(agreements.id, where.id))
    .limit(1);
  if (!row) throw notFound('agreement');
  const [votes, links, updates] = await Promise.all([
    db.select().from(agreementVotes).where(eq(agreementVotes.agreementId, row.agreement.id)),
    db.select().from(agreementLinks).where(eq(agreementLinks.agreementId, row.agreement.id)),
    db
      .select()
      .from(agreementUpdates)
      .where(eq(agreementUpdates.agreementId, row.agreement.id))
      .orderBy(asc(agreementUpdates.createdAt)),
  ]);
  return { ...row, votes, links, updates };
}
export type AgreementDetail = Awaited<ReturnType<typeof getAgreement>>;
