import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { phoneDigits, type PersonalDataDeclaration, type PersonalDataSubject } from '../../kernel/personal-data.js';
import { activities, activityNotes, commitments, evidence, type CommitmentContact } from './schema.js';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** SQL: a commitment lists the person among its contacts, by e-mail or phone. */
function isContact(subject: PersonalDataSubject): SQL {
  const phones = subject.phones.map(phoneDigits).filter((digits) => digits.length >= 7);
  const conditions = [
    ...(subject.emails.length > 0 ? [sql`lower(contact ->> 'email') in (${list(subject.emails)})`] : []),
    ...(phones.length > 0
      ? [sql`right(regexp_replace(coalesce(contact ->> 'phone', ''), '\\D', '', 'g'), 10) in (${list(phones)})`]
      : []),
  ];
  if (conditions.length === 0) return sql`false`;
  return sql`exists (select 1 from jsonb_array_elements(${commitments.contacts}) as contact where ${sql.join(conditions, sql` or `)})`;
}

const isPersonsContact = (contact: CommitmentContact, subject: PersonalDataSubject) =>
  (contact.email !== undefined && subject.emails.includes(contact.email.toLowerCase())) ||
  (contact.phone !== undefined &&
    phoneDigits(contact.phone).length >= 7 &&
    subject.phones.some((phone) => phoneDigits(phone) === phoneDigits(contact.phone!)));

/**
 * Work on the plan is public and done in an official capacity: notes and evidence keep their text and point to the
 * anonymous account (their author is shown by role only). A commitment that lists the person as a contact keeps
 * the contact's name and position and loses their e-mail and phone.
 */
async function anonymisePlan(tx: Db, subject: PersonalDataSubject) {
  const listed = await tx
    .select({ id: commitments.id, contacts: commitments.contacts })
    .from(commitments)
    .where(isContact(subject));
  for (const commitment of listed) {
    const contacts = commitment.contacts.map((contact) => {
      if (!isPersonsContact(contact, subject)) return contact;
      const { email: _email, phone: _phone, ...rest } = contact;
      return rest;
    });
    // Not logged: the entry would write the address and phone into the public log once more (issue 12, item 9).
    await tx.update(commitments).set({ contacts }).where(eq(commitments.id, commitment.id));
  }
}

/** Plan: notes, evidence and verifications by the person, and the commitments that list them as a contact. */
export const planPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: activityNotes, byUser: [activityNotes.authorId] },
    { table: evidence, byUser: [evidence.uploadedBy, evidence.reviewedBy] },
    { table: activities, byUser: [activities.verifiedBy] },
    { table: commitments, byMatch: { columns: [commitments.contacts], where: isContact } },
  ],
  anonymise: anonymisePlan,
};
