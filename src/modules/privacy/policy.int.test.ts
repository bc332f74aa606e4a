import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { registry } from '../../registry.js';
import { createTestUser } from '../../testing/sign-in.js';
import { users } from '../accounts/schema.js';
import { changeLog } from '../audit/schema.js';
import { cancelAccount } from './cancel-account.js';
import { answerArcoRequest } from './answer-arco-request.js';
import { publishPrivacyNotice } from './publish-privacy-notice.js';
import { arcoRequests, privacyNotices } from './schema.js';

const participant = personActor('5d0f3c1a-7b2e-4c9d-8a6f-1e2d3c4b5a69');
const facilitator = personActor('6e1a4d2b-8c3f-4dae-9b70-2f3e4d5c6b7a', ['facilitator']);
const notice = {
  kind: 'simplified' as const,
  responsible: 'Órgano Garante de Prueba',
  body: 'Un aviso de privacidad simplificado de prueba.',
};
const tables = { privacyNotices, arcoRequests, changeLog };

describe('privacy checks its own rules, whoever calls it', () => {
  it('refuses anyone but an admin a notice or an ARCO answer, writing nothing', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const before = await rowCounts(db, tables);
    for (const actor of [participant, facilitator]) {
      await expect(publishPrivacyNotice(db, notice, actor)).rejects.toMatchObject({ code: 'forbidden' });
      const answer = { decision: 'answered' as const, answer: 'Respuesta a la solicitud de prueba.' };
      await expect(
        answerArcoRequest(db, actor, '7f2b5e3c-9d40-4ebf-a081-3f4e5d6c7b8a', answer, new Date()),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await rowCounts(db, tables)).toEqual(before);
  });

  it('refuses the cancellation of an account to anyone but its owner, changing nothing', async () => {
    const database = await createTestDatabase();
    const person = await createTestUser(database, { roles: [{ role: 'facilitator' }] });
    const options = { parts: registry.personalData, now: new Date() };
    for (const actor of [participant, facilitator, personActor('9a4d7b5e-1f62-4a3b-8c9d-0e1f2a3b4c5d', ['admin'])])
      await expect(cancelAccount(database.db, person.id, actor, options)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await database.db.select().from(users).where(eq(users.id, person.id)))[0]).toEqual(person);
    await cancelAccount(database.db, person.id, personActor(person.id), options);
    const [cancelled] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(cancelled).toMatchObject({ status: 'deleted', name: 'Cuenta cancelada' });
    // The portal itself may cancel an account (the command line, a written ARCO request); a second time changes nothing.
    await cancelAccount(database.db, person.id, portalActor, options);
    expect((await database.db.select().from(users).where(eq(users.id, person.id)))[0]).toEqual(cancelled);
  });

  it('lets the portal itself publish a notice, logged as the system', async () => {
    const { db } = await createTestDatabase();
    const published = await publishPrivacyNotice(db, notice, portalActor);
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, published.id));
    expect(logged).toMatchObject({ actorId: null, actorLabel: 'Sistema', action: 'create' });
  });
});
