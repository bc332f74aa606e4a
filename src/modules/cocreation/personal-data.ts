import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { redactPerson, type PersonalDataDeclaration, type PersonalDataSubject } from '../../kernel/personal-data.js';
import { appendChange, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { redactRecordFields } from '../audit/redact-change.js';
import { problemReports, problemSupports, problems, proposals, workshopRegistrations } from './schema.js';

const portal = { id: null, label: SYSTEM_ACTOR_LABEL };

/**
 * Takes the person's e-mail, phone and name out of the public texts of one record they wrote: the old texts are
 * redacted from the public log (the chain still verifies, decision 30), then the new ones are logged by the portal.
 */
async function redactTexts<Field extends string>(
  tx: Db,
  subject: PersonalDataSubject,
  record: { recordType: 'problem' | 'proposal'; id: string; texts: Record<Field, string | null> },
  update: (changed: Record<Field, string | null>) => Promise<unknown>,
  now: Date,
) {
  const changed = Object.fromEntries(
    Object.entries<string | null>(record.texts).map(([field, text]) => [
      field,
      text === null ? null : redactPerson(text, subject),
    ]),
  ) as Record<Field, string | null>;
  const fields = (Object.keys(record.texts) as Field[]).filter((field) => changed[field] !== record.texts[field]);
  if (fields.length === 0) return;
  await update(changed);
  await redactRecordFields(tx, {
    recordType: record.recordType,
    recordId: record.id,
    fields: [...fields],
    reason: 'Datos personales de una cuenta cancelada (derecho de cancelación)',
    actor: portal,
  });
  await appendChange(tx, {
    actor: portal,
    recordType: record.recordType,
    recordId: record.id,
    action: 'update',
    // Only the new texts: the old ones would write her identifiers into the public log once more (item 9).
    after: Object.fromEntries(fields.map((field) => [field, changed[field]])),
    occurredAt: now,
  });
}

/**
 * The person's problems and proposals stay in the diagnosis and the co-creation (their author was never shown) with
 * the person's e-mail, phone and name taken out of their texts; their supports keep counting, anonymous; their
 * reports keep counting for the moderators without their words; their registrations to tables without their needs.
 */
async function anonymiseCocreation(tx: Db, subject: PersonalDataSubject, { now }: { now: Date }) {
  const proposed = await tx
    .select({
      id: problems.id,
      title: problems.title,
      description: problems.description,
      evidenceUrl: problems.evidenceUrl,
    })
    .from(problems)
    .where(eq(problems.authorId, subject.userId));
  for (const { id, ...texts } of proposed)
    await redactTexts(
      tx,
      subject,
      { recordType: 'problem', id, texts },
      (changed) =>
        tx
          .update(problems)
          .set({ title: changed.title!, description: changed.description!, evidenceUrl: changed.evidenceUrl })
          .where(eq(problems.id, id)),
      now,
    );
  const solutions = await tx
    .select({ id: proposals.id, title: proposals.title, description: proposals.description })
    .from(proposals)
    .where(eq(proposals.authorId, subject.userId));
  for (const { id, ...texts } of solutions)
    await redactTexts(
      tx,
      subject,
      { recordType: 'proposal', id, texts },
      (changed) =>
        tx
          .update(proposals)
          .set({ title: changed.title!, description: changed.description! })
          .where(eq(proposals.id, id)),
      now,
    );
  await tx.update(problemReports).set({ details: null }).where(eq(problemReports.reporterId, subject.userId));
  // Their registrations keep counting (places, attendance) without their needs.
  await tx
    .update(workshopRegistrations)
    .set({ accessibilityNeeds: null, interpreterLanguage: null })
    .where(eq(workshopRegistrations.userId, subject.userId));
}

/**
 * Co-creation: the problems the person proposed (or hid as a moderator, or captured from paper), their supports (and
 * those they captured from paper) and reports, the proposals they made, recorded or hid, and their registrations to
 * co-creation tables.
 */
export const cocreationPersonalData: PersonalDataDeclaration = {
  tables: [
    // `capturedBy`: the staff member who captured a paper form (the resident on the form has no account).
    { table: problems, byUser: [problems.authorId, problems.hiddenBy, problems.capturedBy] },
    { table: problemSupports, byUser: [problemSupports.userId, problemSupports.capturedBy] },
    { table: problemReports, byUser: [problemReports.reporterId] },
    { table: proposals, byUser: [proposals.authorId, proposals.recordedBy, proposals.hiddenBy] },
    // A person's registrations to co-creation tables, with their accessibility needs and interpreter language.
    { table: workshopRegistrations, byUser: [workshopRegistrations.userId] },
  ],
  anonymise: anonymiseCocreation,
};
