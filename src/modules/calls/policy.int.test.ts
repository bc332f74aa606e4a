import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { exercises } from '../exercises/schema.js';
import { callMailings } from '../registrations/schema.js';
import { cancelCall } from './cancel-call.js';
import { createCall, type CreateCallInput } from './create-call.js';
import { publishCall } from './publish-call.js';
import { calls } from './schema.js';
import { sendCallMailing } from '../registrations/send-call-mailing.js';
import { setCallResults } from './set-call-results.js';
import { updateCall } from './update-call.js';

const participant = personActor('5d0f3c1a-7b2e-4c9d-8a6f-1e2d3c4b5a69');
const facilitator = personActor('6e1a4d2b-8c3f-4dae-9b70-2f3e4d5c6b7a', ['facilitator']);
const tables = { calls, callMailings, changeLog };

async function draftInput(db: Awaited<ReturnType<typeof createTestDatabase>>['db']): Promise<CreateCallInput> {
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, 'segundo-pal-2017-2019'));
  return {
    exerciseId: exercise!.id,
    title: 'Convocatoria de prueba',
    summary: 'Para probar quién puede escribirla.',
    generalObjective: 'Probar.',
    requirements: ['Ser residente del estado de Durango.'],
    eligibleStateCode: '10',
    opensAt: new Date('2030-09-29T05:00:00Z'),
    closesAt: new Date('2030-11-16T05:59:00Z'),
    contactEmail: 'gobiernoabierto@example.mx',
  };
}

describe('calls check their own rules, whoever calls them', () => {
  it('refuses anyone but an admin, writing nothing', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const input = await draftInput(db);
    const [call] = await db.select().from(calls).limit(1);
    const before = await rowCounts(db, tables);
    const now = new Date('2030-01-01T00:00:00Z');
    for (const actor of [participant, facilitator]) {
      await expect(createCall(db, input, actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateCall(db, call!.id, input, { actor, now })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(publishCall(db, call!.id, { actor, now })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(cancelCall(db, call!.id, { reason: 'Se suspende.' }, { actor })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(setCallResults(db, call!.id, { resultsText: 'Resultados.' }, { actor })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const message = { subjectEs: 'Aviso', bodyEs: 'Texto.', subjectEn: 'Notice', bodyEn: 'Text.' };
      await expect(sendCallMailing(db, call!.id, message, { actor, siteName: 'Cocrea', now })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await rowCounts(db, tables)).toEqual(before);
  });

  it('lets the portal itself act, logged as the system', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const draft = await createCall(db, await draftInput(db), portalActor);
    await publishCall(db, draft.id, { actor: portalActor, now: new Date('2030-01-01T00:00:00Z') });
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, draft.id));
    expect(logged).toMatchObject({ actorId: null, actorLabel: 'Sistema', action: 'create' });
  });
});
