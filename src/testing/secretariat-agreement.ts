import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { addSeat } from '../modules/secretariat/add-seat.js';
import { conveneSession } from '../modules/secretariat/convene-session.js';
import { installSecretariat } from '../modules/secretariat/install-secretariat.js';
import { recordAgreement } from '../modules/secretariat/record-agreement.js';
import { recordAttendance } from '../modules/secretariat/record-attendance.js';
import { scheduleSession } from '../modules/secretariat/schedule-session.js';
import { secretariatSeats, secretariats } from '../modules/secretariat/schema.js';
import { portalActor } from './actors.js';

/**
 * Gives an exercise a Secretariat (when it has none: two civil-society seats and a facilitator) and records one
 * agreement in a new ordinary session held at `heldAt`, through the Secretariat's own use cases. Returns the
 * agreement's public code (e.g. STL-2026-ORD-01-01), for tests of decisions taken by an agreement of this exercise.
 */
export async function recordTestAgreement(
  db: Db,
  exerciseId: string,
  options: { heldAt: Date; text?: string },
): Promise<string> {
  const actor = portalActor;
  let [secretariat] = await db.select().from(secretariats).where(eq(secretariats.exerciseId, exerciseId));
  if (!secretariat) {
    secretariat = await installSecretariat(
      db,
      {
        exerciseId,
        installedOn: options.heldAt.toISOString().slice(0, 10),
        installationActUrl: 'https://example.org/acta-de-instalacion.pdf',
        operatingRulesUrl: 'https://example.org/reglas-de-operacion.pdf',
      },
      { actor, documentTitles: { installationAct: 'Acta de instalación', operatingRules: 'Reglas de operación' } },
    );
    for (const label of ['Colectivo de prueba A', 'Colectivo de prueba B'])
      await addSeat(db, secretariat.id, { kind: 'civil_society', label }, { actor });
    await addSeat(db, secretariat.id, { kind: 'facilitator', label: 'Facilitación' }, { actor });
  }
  const session = await scheduleSession(
    db,
    secretariat.id,
    { kind: 'ordinary', startsAt: options.heldAt, place: 'Sala de juntas', agenda: ['Priorización'] },
    { actor },
  );
  await conveneSession(db, session.id, {
    actor,
    baseUrl: 'http://localhost',
    siteName: 'Cocrea',
    timeZone: 'America/Monterrey',
    now: new Date(options.heldAt.getTime() - 7 * 86_400_000),
  });
  const seats = await db
    .select({ id: secretariatSeats.id })
    .from(secretariatSeats)
    .where(eq(secretariatSeats.secretariatId, secretariat.id));
  await recordAttendance(db, session.id, Object.fromEntries(seats.map((s) => [s.id, 'titular_present' as const])), {
    actor,
  });
  const agreement = await recordAgreement(
    db,
    session.id,
    {
      text: options.text ?? 'Se acuerda la priorización de los problemas públicos del diagnóstico.',
      responsible: 'Secretariado Técnico Local',
      decisionMethod: 'consensus',
      votes: {},
      links: [],
    },
    { actor, timeZone: 'America/Monterrey' },
  );
  return agreement.code;
}
