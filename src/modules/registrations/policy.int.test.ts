import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { calls } from '../calls/schema.js';
import { decideRegistration } from './decide-registration.js';
import { exportRegistrations } from './export-registrations.js';
import { registrationFilters } from './list-registrations.js';
import { registrations } from './schema.js';

const participant = personActor('5d0f3c1a-7b2e-4c9d-8a6f-1e2d3c4b5a69');
const evaluator = personActor('6e1a4d2b-8c3f-4dae-9b70-2f3e4d5c6b7a', ['evaluator']);
const now = new Date('2030-01-01T00:00:00Z');

describe('registrations check their own rules, whoever calls them', () => {
  it('refuses anyone but an admin a decision or an export, writing nothing', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const [call] = await db.select().from(calls).limit(1);
    const [registration] = await db.select().from(registrations).limit(1);
    const registrationId = registration?.id ?? '7f2b5e3c-9d40-4ebf-a081-3f4e5d6c7b8a';
    const before = await rowCounts(db, { registrations, changeLog });
    for (const actor of [participant, evaluator]) {
      await expect(decideRegistration(db, registrationId, { decision: 'accepted' }, actor, now)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(exportRegistrations(db, call!.id, registrationFilters.parse({}), actor, now)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await rowCounts(db, { registrations, changeLog })).toEqual(before);
    if (registration)
      expect((await db.select().from(registrations).where(eq(registrations.id, registration.id)))[0]).toEqual(
        registration,
      );
  });

  it('lets the portal itself export, logged as the system', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const [call] = await db.select().from(calls).limit(1);
    await exportRegistrations(db, call!.id, registrationFilters.parse({}), portalActor, now);
    const [logged] = await db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'registrations_export'), eq(changeLog.recordId, call!.id)));
    expect(logged).toMatchObject({ actorId: null, actorLabel: 'Sistema', action: 'create' });
  });
});
