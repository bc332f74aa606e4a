// The demo's content is written in our own words around the public facts of Durango's exercises (DOMAIN.md and
// the 2020 call in shared/reference), once, in Spanish, as the convening body would.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext, DemoContribution } from '../../kernel/manifest.js';
import { DEMO_GUARANTOR_NAME, IDAIP_ACRONYM } from '../directory/demo.js';
import { institutions } from '../directory/schema.js';
import { createExercise } from './create-exercise.js';
import { advanceExercisePhases } from './exercise-phase.js';

const DAY = 24 * 60 * 60 * 1000;

/** A calendar date (YYYY-MM-DD) `days` from `from`. */
export const demoDateFrom = (from: Date, days: number) =>
  new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

export const demoExerciseSlugs = {
  second: 'segundo-pal-2017-2019',
  third: 'tercer-pal-2020-2021',
  fourth: 'cuarto-pal-demostracion',
} as const;

const institutionId = async (tx: Db, where: ReturnType<typeof eq>) => {
  const [row] = await tx.select({ id: institutions.id }).from(institutions).where(where);
  if (!row) throw new Error('The demo institutions are seeded before the exercises (directory comes first).');
  return row.id;
};

/**
 * The second exercise (concluded), the third (2020-2021, in implementation) and an illustrative fourth whose call is
 * open around `now`.
 */
async function seed(tx: Db, { now, actor }: DemoContext) {
  const idaip = await institutionId(tx, eq(institutions.acronym, IDAIP_ACRONYM));
  const demoGuarantor = await institutionId(tx, eq(institutions.name, DEMO_GUARANTOR_NAME));
  await createExercise(
    tx,
    {
      slug: demoExerciseSlugs.second,
      edition: 2,
      title: 'Segundo Plan de Acción Local de Gobierno Abierto Durango 2017-2019',
      summary:
        'Segundo ejercicio local de gobierno abierto en Durango. Reunió a los tres poderes del estado con organizaciones de la sociedad civil y concluyó con ocho compromisos: tres del Poder Ejecutivo, tres del Poder Legislativo y dos del Poder Judicial.',
      stateCode: '10',
      periodStart: '2017-06-01',
      periodEnd: '2019-12-31',
      phase: 'closed',
      convenerInstitutionId: idaip,
    },
    actor,
  );
  await createExercise(
    tx,
    {
      slug: demoExerciseSlugs.third,
      edition: 3,
      title: 'Tercer Plan de Acción Local de Gobierno Abierto Durango 2020-2021',
      summary:
        'Tercer ejercicio local, el primero centrado en los municipios. Los ayuntamientos de Durango, Gómez Palacio y Tepehuanes, junto con más de treinta organizaciones, co-crearon nueve compromisos para atender problemas públicos concretos.',
      stateCode: '10',
      periodStart: '2020-09-29',
      periodEnd: '2021-12-31',
      phase: 'implementation',
      convenerInstitutionId: idaip,
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
    },
    actor,
  );
  const from = (days: number) => demoDateFrom(now, days);
  await createExercise(
    tx,
    {
      slug: demoExerciseSlugs.fourth,
      edition: 4,
      title: 'Cuarto Plan de Acción Local (ejercicio de demostración)',
      summary:
        'Ejercicio ilustrativo para conocer el portal: su convocatoria está abierta y puedes probar cada etapa. Sus datos no corresponden a un proceso real.',
      stateCode: '10',
      periodStart: from(-30),
      periodEnd: from(700),
      phase: 'call',
      convenerInstitutionId: demoGuarantor,
      isDemo: true,
      timeline: [
        { phase: 'sensitization', startsOn: from(-30), endsOn: from(-15) },
        { phase: 'call', startsOn: from(-14), endsOn: from(45) },
        { phase: 'secretariat_installation', startsOn: from(46), endsOn: from(70) },
        { phase: 'diagnosis', startsOn: from(71), endsOn: from(130) },
        { phase: 'cocreation', startsOn: from(131), endsOn: from(190) },
        { phase: 'plan_approval', startsOn: from(191), endsOn: from(220) },
        { phase: 'implementation', startsOn: from(221), endsOn: from(640) },
        { phase: 'evaluation', startsOn: from(641), endsOn: from(700) },
      ],
    },
    actor,
  );
  // The demo matches today's date: each exercise in the phase its calendar gives today, as the hourly job would move
  // it (the third exercise, created in implementation, is in its evaluation since January 2022).
  await advanceExercisePhases(tx, { now, timeZone: DEMO_TIME_ZONE });
}

/** Durango's zone, where the demo's dates are set (the portal shows them in its configured zone). */
const DEMO_TIME_ZONE = 'America/Monterrey';

export const exercisesDemo: DemoContribution = { seed, pages: ['/ejercicios'] };
