import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { createInstitutionInput, type CreateInstitutionInput } from './create-institution.js';
import { institutions } from './schema.js';

/** Changes an institution; the change log keeps what it was before. */
export async function updateInstitution(db: Db, id: string, input: CreateInstitutionInput, actor: ActingParty) {
  assertHoldsRole(actor, 'admin');
  const changeActor = changeActorOf(actor);
  const values = createInstitutionInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(institutions).where(eq(institutions.id, id)).limit(1);
    if (!before) throw notFound('institution');
    const [after] = await tx
      .update(institutions)
      .set({
        ...values,
        acronym: values.acronym ?? null,
        municipalityCvegeo: values.municipalityCvegeo ?? null,
        website: values.website ?? null,
        contactEmail: values.contactEmail ?? null,
      })
      .where(eq(institutions.id, id))
      .returning();
    await appendChange(tx, {
      actor: changeActor,
      recordType: 'institution',
      recordId: id,
      action: 'update',
      before,
      after,
    });
    return after!;
  });
}
