import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { PersonalDataDeclaration, PersonalDataSubject } from '../../kernel/personal-data.js';
import { appendChange, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { secretariatMemberships } from './schema.js';

const membershipsOf = (subject: PersonalDataSubject) =>
  or(
    eq(secretariatMemberships.userId, subject.userId),
    subject.emails.length > 0 ? inArray(sql`lower(${secretariatMemberships.email})`, [...subject.emails]) : undefined,
  );

/**
 * Holding a seat of the Technical Secretariat is a public act: the holder's public name and organisation stay on
 * the Secretariat's composition, its attendance and its approved minutes (decision 0029). What is not public goes:
 * the e-mail for convening notices, the biography and the link to the account.
 */
export const secretariatPersonalData: PersonalDataDeclaration = {
  tables: [
    {
      table: secretariatMemberships,
      byUser: [secretariatMemberships.userId],
      byEmail: [secretariatMemberships.email],
    },
  ],
  async identify(db, subject) {
    const rows = await db
      .select({ email: secretariatMemberships.email })
      .from(secretariatMemberships)
      .where(eq(secretariatMemberships.userId, subject.userId));
    return { emails: rows.flatMap((row) => (row.email ? [row.email] : [])) };
  },
  async anonymise(tx: Db, subject, { now }) {
    const held = await tx
      .select({ id: secretariatMemberships.id, bio: secretariatMemberships.bio })
      .from(secretariatMemberships)
      .where(membershipsOf(subject));
    await tx.update(secretariatMemberships).set({ email: null, bio: null, userId: null }).where(membershipsOf(subject));
    // The biography was public: its removal is logged, with the new value only (the old one stays out of the log).
    for (const membership of held.filter((row) => row.bio !== null))
      await appendChange(tx, {
        actor: { id: null, label: SYSTEM_ACTOR_LABEL },
        recordType: 'secretariat_membership',
        recordId: membership.id,
        action: 'update',
        after: { bio: null },
        occurredAt: now,
      });
  },
};
