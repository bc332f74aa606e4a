import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { addSeat } from './add-seat.js';
import { installSecretariat } from './install-secretariat.js';
import { scheduleSession } from './schedule-session.js';
import { secretariats, secretariatSeats, secretariatSessions } from './schema.js';
import { approveMinutes, cancelSession } from './write-minutes.js';

const participant = personActor('5d0f3c1a-7b2e-4c9d-8a6f-1e2d3c4b5a69');
const facilitator = personActor('6e1a4d2b-8c3f-4dae-9b70-2f3e4d5c6b7a', ['facilitator']);
const session = { kind: 'ordinary' as const, startsAt: new Date('2030-03-01T17:00:00Z'), place: 'Sala de juntas' };
const tables = { secretariats, secretariatSeats, secretariatSessions, changeLog };

describe('the Secretariat checks its own rules, whoever calls it', () => {
  it('refuses a participant, and a facilitator where only admins may act, writing nothing', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const [secretariat] = await db.select().from(secretariats).limit(1);
    const [held] = await db
      .select()
      .from(secretariatSessions)
      .where(eq(secretariatSessions.secretariatId, secretariat!.id))
      .limit(1);
    const before = await rowCounts(db, tables);
    const titles = { installationAct: 'Acta', operatingRules: 'Lineamientos' };
    const install = {
      exerciseId: secretariat!.exerciseId,
      installedOn: '2030-01-10',
      quorumRule: 'more_than_half' as const,
      installationActUrl: 'https://example.mx/acta.pdf',
      operatingRulesUrl: 'https://example.mx/reglas.pdf',
    };
    await expect(installSecretariat(db, install, { actor: participant, documentTitles: titles })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(installSecretariat(db, install, { actor: facilitator, documentTitles: titles })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(
      addSeat(db, secretariat!.id, { kind: 'civil_society', label: 'Otra red' }, { actor: facilitator }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(scheduleSession(db, secretariat!.id, session, { actor: participant })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(approveMinutes(db, held!.id, { actor: participant, now: new Date() })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      cancelSession(db, held!.id, { reason: 'No hay quórum.' }, { actor: participant }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rowCounts(db, tables)).toEqual(before);
  });

  it('lets the facilitator run sessions and the portal itself act, logged as the system', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const [secretariat] = await db.select().from(secretariats).limit(1);
    const byFacilitator = await scheduleSession(db, secretariat!.id, session, { actor: facilitator });
    const byPortal = await scheduleSession(
      db,
      secretariat!.id,
      { ...session, startsAt: new Date('2030-04-01T17:00:00Z') },
      { actor: portalActor },
    );
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, byPortal.id));
    expect(logged).toMatchObject({ actorId: null, actorLabel: 'Sistema', action: 'create' });
    const [byRole] = await db.select().from(changeLog).where(eq(changeLog.recordId, byFacilitator.id));
    expect(byRole).toMatchObject({ actorId: facilitator.userId, actorLabel: 'Facilitación' });
  });
});
