import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { translator, type Translate } from '../../web/i18n/i18n.js';
import { users } from '../accounts/read-models.js';
import { queueEmails } from '../notifications/queue-email.js';
import { agreements, secretariatSessions, secretariats } from '../secretariat/read-models.js';
import { reasonCodes, reasonedResponses, type ResponseOutcome, type ResponseSubject } from './schema.js';

export const EXPLANATION_MAX = 4000;
/**
 * Who decided, when the decision is an agreement of the Secretariat (public data are in Spanish, as the change log's).
 */
export const SECRETARIAT_LABEL = 'Secretariado Técnico Local';

/** What every disposition states, a problem's or a proposal's: the reason, its explanation and maybe an agreement. */
export const reasonFields = {
  reasonCode: z.enum(reasonCodes, 'reasonCode.required'),
  explanation: z.string().trim().min(20, 'explanation.required').max(EXPLANATION_MAX, 'explanation.tooLong'),
  agreementCode: z.string().trim().max(60, 'agreementCode.unknown').optional(),
};

/**
 * Refuses (on the agreement's field) an agreement code that the Secretariat of this exercise never recorded: an
 * agreement of another exercise's Secretariat cannot decide this exercise's problems or proposals.
 */
export async function assertAgreementExists(tx: Db, exerciseId: string, agreementCode: string | null): Promise<void> {
  if (!agreementCode) return;
  const [agreement] = await tx
    .select({ code: agreements.code })
    .from(agreements)
    .innerJoin(secretariatSessions, eq(secretariatSessions.id, agreements.sessionId))
    .innerJoin(secretariats, eq(secretariats.id, secretariatSessions.secretariatId))
    .where(and(eq(agreements.code, agreementCode), eq(secretariats.exerciseId, exerciseId)));
  if (!agreement)
    throw new AppError('validation', 'unknown agreement', { field: 'agreementCode', reason: 'agreementCode.unknown' });
}

/**
 * Stores a reasoned response: who decided is the Secretariat when an agreement is named (the change log keeps who
 * recorded it, by role), else the acting role and its institution; never a person.
 */
export async function recordResponse(
  tx: Db,
  response: {
    exerciseId: string;
    subjectType: ResponseSubject;
    subjectId: string;
    outcome: ResponseOutcome;
    reasonCode: (typeof reasonCodes)[number];
    explanation: string;
    agreementCode: string | null;
  },
  options: { actor: ActingParty; actorLabel: string; now: Date },
) {
  const deciderInstitutionId = isSystemActor(options.actor)
    ? null
    : (options.actor.roles.find((role) => role.institutionId !== null)?.institutionId ?? null);
  const [row] = await tx
    .insert(reasonedResponses)
    .values({
      ...response,
      deciderLabel: response.agreementCode ? SECRETARIAT_LABEL : options.actorLabel,
      deciderInstitutionId,
      decidedAt: options.now,
    })
    .returning();
  return row!;
}

/**
 * E-mails people with an account about a decision, each in their language: `paragraphs` and `subject` are written
 * with that person's translator. Accounts that no longer exist are skipped.
 */
export async function emailPeople(
  tx: Db,
  userIds: readonly (string | null)[],
  letter: { siteName: string; subject: (t: Translate) => string; paragraphs: (t: Translate) => string[] },
) {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids));
  await queueEmails(
    tx,
    people.map((person) => {
      const t = translator(person.locale);
      return {
        to: person.email,
        userId: person.id,
        template: 'notice' as const,
        locale: person.locale,
        params: {
          name: person.name,
          siteName: letter.siteName,
          subject: letter.subject(t),
          body: letter.paragraphs(t).filter(Boolean).join('\n\n'),
        },
      };
    }),
  );
}
