import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { institutions } from '../directory/schema.js';
import { createExercise } from './create-exercise.js';
import { exercises } from './schema.js';

describe('exercises check their own rules, whoever calls them', () => {
  it('refuses anyone but an admin, writing nothing; the portal itself may act, logged as the system', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const [convener] = await db.select({ id: institutions.id }).from(institutions).limit(1);
    const input = {
      slug: 'ejercicio-de-prueba',
      edition: 9,
      title: 'Ejercicio de prueba',
      summary: 'Un ejercicio para probar quién puede crearlo.',
      stateCode: '10',
      periodStart: '2030-01-01',
      periodEnd: '2031-12-31',
      phase: 'diagnosis' as const,
      convenerInstitutionId: convener!.id,
    };
    const before = await rowCounts(db, { exercises, changeLog });
    for (const actor of [
      personActor('5d0f3c1a-7b2e-4c9d-8a6f-1e2d3c4b5a69'),
      personActor('6e1a4d2b-8c3f-4dae-9b70-2f3e4d5c6b7a', ['facilitator']),
    ]) {
      await expect(createExercise(db, input, actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await rowCounts(db, { exercises, changeLog })).toEqual(before);
    const created = await createExercise(db, input, portalActor);
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, created.id));
    expect(logged).toMatchObject({ actorId: null, actorLabel: 'Sistema', action: 'create' });
  });
});
