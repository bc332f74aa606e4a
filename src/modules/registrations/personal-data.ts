import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { redactPerson, type PersonalDataDeclaration, type PersonalDataSubject } from '../../kernel/personal-data.js';
import { callMailings, registrations } from './schema.js';

/** The person's sign-ups: made from their account, or with one of their addresses before they had one. */
const signUpsOf = (subject: PersonalDataSubject) =>
  or(
    eq(registrations.userId, subject.userId),
    subject.emails.length > 0 ? inArray(sql`lower(${registrations.email})`, [...subject.emails]) : undefined,
  );

/**
 * A cancelled account's sign-ups keep what the public figures count (call, sector, municipality, themes, status,
 * dates) and lose everything that identifies the person: name, e-mail (a placeholder keeps the column's uniqueness),
 * phone, organisation and motivation; the reason of a rejection loses the person's identifiers. An anonymised
 * sign-up gets no more mail and is no longer a Secretariat candidate.
 */
async function anonymiseRegistrations(tx: Db, subject: PersonalDataSubject, { now }: { now: Date }) {
  const rows = await tx
    .select({ id: registrations.id, rejectionReason: registrations.rejectionReason })
    .from(registrations)
    .where(and(signUpsOf(subject), isNull(registrations.anonymisedAt)));
  for (const row of rows) {
    await tx
      .update(registrations)
      .set({
        fullName: '',
        email: `anonima-${row.id}@invalid`,
        phone: null,
        organization: null,
        motivation: '',
        rejectionReason: row.rejectionReason === null ? null : redactPerson(row.rejectionReason, subject),
        anonymisedAt: now,
      })
      .where(eq(registrations.id, row.id));
  }
}

/** Registrations: the person's sign-ups (and those they decided as an admin), and the mailings they sent. */
export const registrationsPersonalData: PersonalDataDeclaration = {
  tables: [
    {
      table: registrations,
      byUser: [registrations.userId, registrations.decidedBy],
      byEmail: [registrations.email],
      byPhone: [registrations.phone],
    },
    { table: callMailings, byUser: [callMailings.createdBy] },
  ],
  async identify(db, subject) {
    const rows = await db
      .select({ email: registrations.email, phone: registrations.phone, fullName: registrations.fullName })
      .from(registrations)
      .where(and(signUpsOf(subject), isNull(registrations.anonymisedAt)));
    return {
      emails: rows.map((row) => row.email),
      phones: rows.flatMap((row) => (row.phone ? [row.phone] : [])),
      names: rows.map((row) => row.fullName),
    };
  },
  anonymise: anonymiseRegistrations,
};
