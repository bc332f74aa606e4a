import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { seedDataDir } from '../paths.js';
import { importMunicipalities } from '../modules/directory/import-municipalities.js';
import { createInstitution } from '../modules/directory/create-institution.js';
import { createExercise } from '../modules/exercises/create-exercise.js';
import { systemActor } from '../kernel/actor.js';
import { SYSTEM_ACTOR_LABEL } from '../modules/audit/append-change.js';
import { exercises } from '../modules/exercises/schema.js';
import { createCall } from '../modules/calls/create-call.js';
import { publishPrivacyNotice } from '../modules/privacy/publish-privacy-notice.js';
import { demoText } from './demo-text.js';
import { seedSecretariat } from './seed-secretariat.js';
import { seedPlans } from './seed-plan.js';

const DAY = 24 * 60 * 60 * 1000;
const SEED_LOCK_KEY = 461_778_214;

/** A calendar date (YYYY-MM-DD) `days` from `from`. */
const dateFrom = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * Loads the Durango demo: the 39 municipalities, the second exercise (concluded), the third (2020-2021, in
 * implementation, with its call) and an illustrative fourth whose call is open around `now`. Written through the
 * use cases, in one transaction.
 */
/** The demo seed acts as the portal itself: its changes show as the system's in the change log. */
const portal = systemActor(SYSTEM_ACTOR_LABEL);

export async function seedDemo(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await importMunicipalities(tx, readFileSync(join(seedDataDir, 'municipios-durango.csv'), 'utf8'));

    const idaip = await createInstitution(tx, {
      name: 'Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales',
      acronym: 'IDAIP',
      kind: 'guarantor',
      isGovernment: true,
      municipalityCvegeo: '10005',
      contactEmail: 'gobiernoabierto@idaip.org.mx',
    }, portal);
    const demoGuarantor = await createInstitution(tx, {
      name: 'Órgano Garante Local (institución de demostración)',
      kind: 'guarantor',
      isGovernment: true,
      municipalityCvegeo: '10005',
      contactEmail: 'gobiernoabierto@example.org',
    }, portal);
    for (const [name, cvegeo] of [
      ['Ayuntamiento de Durango', '10005'],
      ['Ayuntamiento de Gómez Palacio', '10007'],
      ['Ayuntamiento de Tepehuanes', '10035'],
    ] as const) {
      await createInstitution(tx, { name, kind: 'municipal_government', isGovernment: true, municipalityCvegeo: cvegeo }, portal);
    }
    await createInstitution(tx, { name: 'Poder Ejecutivo del Estado de Durango', kind: 'state_executive', isGovernment: true }, portal);
    await createInstitution(tx, { name: 'Congreso del Estado de Durango', kind: 'state_legislative', isGovernment: true }, portal);
    await createInstitution(tx, { name: 'Poder Judicial del Estado de Durango', kind: 'state_judicial', isGovernment: true }, portal);

    await createExercise(tx, {
      slug: 'segundo-pal-2017-2019',
      edition: 2,
      title: demoText.second.title,
      summary: demoText.second.summary,
      stateCode: '10',
      periodStart: '2017-06-01',
      periodEnd: '2019-12-31',
      phase: 'closed',
      convenerInstitutionId: idaip.id,
    }, portal);

    const third = await createExercise(tx, {
      slug: 'tercer-pal-2020-2021',
      edition: 3,
      title: demoText.third.title,
      summary: demoText.third.summary,
      stateCode: '10',
      periodStart: '2020-09-29',
      periodEnd: '2021-12-31',
      phase: 'implementation',
      convenerInstitutionId: idaip.id,
      timeline: [
        { phase: 'sensitization', startsOn: '2020-08-15', endsOn: '2020-09-28' },
        { phase: 'call', startsOn: '2020-09-29', endsOn: '2020-11-15' },
        { phase: 'secretariat_installation', startsOn: '2020-11-16', endsOn: '2020-12-04' },
        { phase: 'diagnosis', startsOn: '2020-12-07', endsOn: '2021-01-29' },
        { phase: 'cocreation', startsOn: '2021-02-01', endsOn: '2021-03-26' },
        { phase: 'plan_approval', startsOn: '2021-04-05', endsOn: '2021-04-30' },
        { phase: 'implementation', startsOn: '2021-05-03', endsOn: '2021-12-31' },
        { phase: 'evaluation', startsOn: '2022-01-10', endsOn: '2022-03-31' },
      ],
    }, portal);
    await createCall(tx, {
      exerciseId: third.id,
      ...demoText.third.call,
      eligibleStateCode: '10',
      // 29 September 2020 00:00 to 15 November 2020 23:59:59 in Durango (UTC-5 then, daylight saving time).
      opensAt: new Date('2020-09-29T05:00:00Z'),
      closesAt: new Date('2020-11-16T05:59:59Z'),
      status: 'closed',
      contactEmail: 'gobiernoabierto@idaip.org.mx',
    }, portal);

    await seedSecretariat(tx);

    const fourth = await createExercise(tx, {
      slug: 'cuarto-pal-demostracion',
      edition: 4,
      title: demoText.fourth.title,
      summary: demoText.fourth.summary,
      stateCode: '10',
      periodStart: dateFrom(now, -30),
      periodEnd: dateFrom(now, 700),
      phase: 'call',
      convenerInstitutionId: demoGuarantor.id,
      isDemo: true,
      timeline: [
        { phase: 'sensitization', startsOn: dateFrom(now, -30), endsOn: dateFrom(now, -15) },
        { phase: 'call', startsOn: dateFrom(now, -14), endsOn: dateFrom(now, 45) },
        { phase: 'secretariat_installation', startsOn: dateFrom(now, 46), endsOn: dateFrom(now, 70) },
        { phase: 'diagnosis', startsOn: dateFrom(now, 71), endsOn: dateFrom(now, 130) },
        { phase: 'cocreation', startsOn: dateFrom(now, 131), endsOn: dateFrom(now, 190) },
        { phase: 'plan_approval', startsOn: dateFrom(now, 191), endsOn: dateFrom(now, 220) },
        { phase: 'implementation', startsOn: dateFrom(now, 221), endsOn: dateFrom(now, 640) },
        { phase: 'evaluation', startsOn: dateFrom(now, 641), endsOn: dateFrom(now, 700) },
      ],
    }, portal);
    await createCall(tx, {
      exerciseId: fourth.id,
      ...demoText.fourth.call,
      eligibleStateCode: '10',
      // Whole days in Durango's time zone (UTC-6 all year since 2022).
      opensAt: new Date(`${dateFrom(now, -14)}T00:00:00-06:00`),
      closesAt: new Date(`${dateFrom(now, 45)}T23:59:59-06:00`),
      status: 'published',
      contactEmail: 'gobiernoabierto@example.org',
    }, portal);

    await publishPrivacyNotice(tx, { kind: 'integral', responsible: demoGuarantor.name, body: demoText.privacy.integral }, portal);
    await publishPrivacyNotice(tx, { kind: 'simplified', responsible: demoGuarantor.name, body: demoText.privacy.simplified }, portal);
    await seedPlans(tx);
  });
}

/** Seeds the demo only when the database has no exercise yet; several processes starting at once seed once. */
export async function seedDemoIfEmpty(db: Db, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [row] = await tx.select({ n: count() }).from(exercises);
    if ((row?.n ?? 0) > 0) return false;
    await seedDemo(tx, now);
    return true;
  });
}
