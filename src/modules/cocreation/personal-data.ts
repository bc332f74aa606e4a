import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { redactPerson, type PersonalDataDeclaration, type PersonalDataSubject } from '../../kernel/personal-data.js';
import { appendChange, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { redactRecordFields } from '../audit/redact-change.js';
import { problemReports, problemSupports, problems } from './schema.js';

/**
 * The person's problems stay in the diagnosis (their author was never shown) with the person's e-mail, phone and
 * name taken out of their texts (the old texts redacted from the public log, the new ones logged by the portal);
 * their supports keep counting, anonymous; their
 * reports keep counting for the moderators without their words.
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
  for (const problem of proposed) {
    const changed = {
      title: redactPerson(problem.title, subject),
      description: redactPerson(problem.description, subject),
      evidenceUrl: problem.evidenceUrl === null ? null : redactPerson(problem.evidenceUrl, subject),
    };
    const fields = (['title', 'description', 'evidenceUrl'] as const).filter(
      (field) => changed[field] !== problem[field],
    );
    if (fields.length === 0) continue;
    await tx.update(problems).set(changed).where(eq(problems.id, problem.id));
    // The texts as she typed them reached the public log: their values are redacted there (the chain still verifies,
    // decision 30), then the new texts are logged.
    await redactRecordFields(tx, {
      recordType: 'problem',
      recordId: problem.id,
      fields: [...fields],
      reason: 'Datos personales de una cuenta cancelada (derecho de cancelación)',
      actor: { id: null, label: SYSTEM_ACTOR_LABEL },
    });
    await appendChange(tx, {
      actor: { id: null, label: SYSTEM_ACTOR_LABEL },
      recordType: 'problem',
      recordId: problem.id,
      action: 'update',
      // Only the new texts: the old ones would write her identifiers into the public log once more (item 9).
      after: Object.fromEntries(fields.map((field) => [field, changed[field]])),
      occurredAt: now,
    });
  }
  await tx.update(problemReports).set({ details: null }).where(eq(problemReports.reporterId, subject.userId));
}

/** Co-creation: the problems the person proposed (or hid as a moderator), their supports and their reports. */
export const cocreationPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: problems, byUser: [problems.authorId, problems.hiddenBy] },
    { table: problemSupports, byUser: [problemSupports.userId] },
    { table: problemReports, byUser: [problemReports.reporterId] },
  ],
  anonymise: anonymiseCocreation,
};
