import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { createInstitution } from './create-institution.js';
import { institutions } from './schema.js';
import { updateInstitution } from './update-institution.js';

const participant = personActor('5d0f3c1a-7b2e-4c9d-8a6f-1e2d3c4b5a69');
const liaison = personActor('6e1a4d2b-8c3f-4dae-9b70-2f3e4d5c6b7a', ['liaison']);
const input = { name: 'Colectivo de Prueba', kind: 'collective' as const, isGovernment: false };

describe('the directory checks its own rules, whoever calls it', () => {
  it('refuses anyone but an admin, writing nothing', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const [institution] = await db.select().from(institutions).limit(1);
    const before = await rowCounts(db, { institutions, changeLog });
    for (const actor of [participant, liaison]) {
      await expect(createInstitution(db, input, actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateInstitution(db, institution!.id, input, actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await rowCounts(db, { institutions, changeLog })).toEqual(before);
    const [unchanged] = await db.select().from(institutions).where(eq(institutions.id, institution!.id));
    expect(unchanged).toEqual(institution);
  });

  it('lets the portal itself act, logged as the system', async () => {
    const { db } = await createTestDatabase();
    const created = await createInstitution(db, input, portalActor);
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, created.id));
    expect(logged).toMatchObject({ actorId: null, actorLabel: 'Sistema', action: 'create' });
  });
});
