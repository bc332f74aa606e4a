import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SystemActor } from '../../kernel/actor.js';
import type { DemoContribution } from '../../kernel/manifest.js';
import { demoExerciseSlugs } from '../exercises/demo.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitments } from '../plan/read-models.js';
import { assessDesign, type AssessDesignInput } from './assess-design.js';
import { assessEnd } from './assess-end.js';
import { fileProgressReport } from './file-progress-report.js';
import { progressAt } from './evaluated-commitment.js';
import type { Completion, DeclaredStatus, OpenedGovernment, Potential } from './scales.js';
import { recordLesson, type LessonInput } from './lessons/record-lesson.js';
import { publishResultsReport } from './report/publish-results-report.js';
import { saveReportTexts } from './report/save-report-texts.js';

/*
 * The evaluation's demo, in our own words: the second exercise (concluded, judged on the earlier IRM scale) has a
 * final report, a design assessment and an end assessment for each commitment (one judged not verifiable, so not
 * assessed further), its lessons learned and a published results report (version 1); the third exercise (in
 * implementation) has its first-period reports. Written through the use cases, as the portal itself.
 */

const zone = 'America/Monterrey';
const assessor = {
  assessorName: 'Equipo de monitoreo local',
  assessorOrganisation: 'Observatorio Ciudadano de Durango',
};

async function commitmentsOf(tx: Db, slug: string) {
  return tx
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      progress: commitments.progress,
      status: commitments.status,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(eq(exercises.slug, slug))
    .orderBy(asc(commitments.number));
}

const declaredFor = (progress: number): DeclaredStatus =>
  progress >= 100 ? 'complete' : progress >= 50 ? 'substantial' : progress > 0 ? 'limited' : 'not_started';

/** The earlier-method judgements of the second plan, commitment by commitment (undefined potential: not verifiable). */
const secondJudgements: {
  potential?: Potential;
  completion?: Completion;
  opened?: OpenedGovernment;
  accountability: boolean;
}[] = [
  { potential: 'transformative', completion: 'complete', opened: 'major', accountability: true },
  { potential: 'moderate', completion: 'complete', opened: 'marginal', accountability: true },
  { potential: 'moderate', completion: 'limited', opened: 'did_not_change', accountability: false },
  { potential: 'moderate', completion: 'substantial', opened: 'major', accountability: true },
  { potential: 'transformative', completion: 'complete', opened: 'outstanding', accountability: true },
  { potential: 'minor', completion: 'limited', opened: 'marginal', accountability: true },
  { potential: 'moderate', completion: 'complete', opened: 'major', accountability: true },
  { accountability: false },
];

const finalNarrative = (title: string, declared: DeclaredStatus) =>
  `Informe final de «${title}». La institución responsable da cuenta de lo realizado durante el plan: ${
    declared === 'complete'
      ? 'se entregaron todos los productos comprometidos y quedaron publicados en su sitio'
      : 'se entregó buena parte de lo comprometido, pero una parte quedó pendiente por falta de presupuesto y de personal'
  }. Las evidencias están enlazadas en cada actividad del plan.`;

const endNarrative = (title: string, completion: Completion) =>
  `Revisamos las evidencias de «${title}», el informe final de la institución y lo que dijeron las organizaciones que acompañaron el compromiso. ${
    completion === 'complete'
      ? 'Los productos comprometidos existen, están publicados y se pueden consultar sin registro; las organizaciones confirman que la información se usa.'
      : 'Una parte de los productos existe, pero faltan piezas que el compromiso prometía y la información publicada no siempre está al día.'
  } Recomendamos dar seguimiento en el siguiente plan para que lo logrado no dependa de una sola persona de la institución.`;

async function seedSecond(tx: Db, actor: SystemActor) {
  const rows = await commitmentsOf(tx, demoExerciseSlugs.second);
  for (const [index, c] of rows.entries()) {
    const judgement = secondJudgements[index % secondJudgements.length]!;
    const isVerifiable = Boolean(judgement.potential);
    const value = (relevant: boolean, why: string) => ({
      value: relevant ? ('yes' as const) : ('no' as const),
      justification: why,
    });
    const values = {
      access: value(true, 'Publica en formato abierto información que antes solo se entregaba por solicitud.'),
      participation: value(
        index % 2 === 0,
        index % 2 === 0
          ? 'Las organizaciones participaron en definir qué se publica y cómo.'
          : 'No abre espacios nuevos para que la ciudadanía decida o incida.',
      ),
      accountability: value(
        judgement.accountability,
        judgement.accountability
          ? 'Permite contrastar lo prometido con lo hecho y pedir explicaciones.'
          : 'No crea mecanismos para exigir cuentas a quien decide.',
      ),
    };
    const design: AssessDesignInput = isVerifiable
      ? {
          verifiability: 'verifiable',
          value_access_to_information: values.access.value,
          justification_access_to_information: values.access.justification,
          value_civic_participation: values.participation.value,
          justification_civic_participation: values.participation.justification,
          value_public_accountability: values.accountability.value,
          justification_public_accountability: values.accountability.justification,
          potential: judgement.potential,
          potentialJustification:
            'Valoramos el cambio que produciría en la práctica de la institución si se cumpliera tal como está escrito.',
          ...assessor,
        }
      : { verifiability: 'not_verifiable', ...assessor };
    await assessDesign(tx, c.id, design, { actor, now: new Date('2018-02-15T17:00:00Z'), timeZone: zone });

    const reportDay = new Date('2019-12-13T17:00:00Z');
    const declared = declaredFor(await progressAt(tx, c, reportDay));
    // The government called every concluded commitment complete; the evaluation does not always agree.
    const claimed: DeclaredStatus = c.status === 'completed' ? 'complete' : declared;
    await fileProgressReport(
      tx,
      c.id,
      { period: 'final', declaredStatus: claimed, narrative: finalNarrative(c.title, claimed) },
      { actor, now: reportDay, timeZone: zone },
    );
    if (!isVerifiable) continue;
    const completion = judgement.completion!;
    await assessEnd(
      tx,
      c.id,
      {
        completion,
        openedGovernment: judgement.opened!,
        narrative: endNarrative(c.title, completion),
        evidence: [`https://example.org/evaluacion/pal-2017-2019/compromiso-${c.number}`],
        completeJustification:
          'Las actividades que faltan en el portal se realizaron y constan en el informe final; no se registraron a tiempo como verificadas.',
        ...assessor,
      },
      { actor, now: new Date('2020-04-20T17:00:00Z'), timeZone: zone },
    );
  }
}

async function seedThird(tx: Db, actor: SystemActor) {
  const rows = await commitmentsOf(tx, demoExerciseSlugs.third);
  const reportDay = new Date('2021-08-31T17:00:00Z');
  for (const [index, c] of rows.entries()) {
    const measured = declaredFor(await progressAt(tx, c, reportDay));
    // One institution reports its commitment complete before its activities say so: the results page marks it.
    const declared: DeclaredStatus = index === 1 ? 'complete' : measured;
    const narrative = `Primer informe de avance de «${c.title}». En este periodo se realizaron las actividades iniciales con las personas de la comunidad; ${
      declared === 'not_started'
        ? 'todavía no empiezan las actividades de campo'
        : 'lo que falta está programado para el segundo semestre'
    }.`;
    await fileProgressReport(
      tx,
      c.id,
      { period: 'first', declaredStatus: declared, narrative },
      { actor, now: reportDay, timeZone: zone },
    );
  }
}

/** What the second exercise taught, as its evaluators and the organisations that took part might put it. */
const secondLessons: LessonInput[] = [
  {
    theme: 'Verificación independiente',
    finding:
      'El gobierno declaró completos la mayoría de los compromisos, pero la evaluación encontró diferencias en varios, sobre todo donde las actividades no tenían evidencia pública.',
    recommendation:
      'Que cada actividad cuente como hecha solo cuando alguien ajeno a la institución responsable revise su evidencia.',
    source: 'Evaluaciones al cierre del segundo plan',
  },
  {
    theme: 'Compromisos verificables',
    finding: 'Un compromiso se escribió sin metas que se pudieran medir, y por eso no fue posible evaluarlo.',
    recommendation: 'Revisar cada compromiso con la prueba SMART antes de que el Secretariado apruebe el plan.',
    source: 'Evaluación del diseño del compromiso 8',
  },
  {
    theme: 'Participación de los municipios',
    finding:
      'El plan reunió a los tres poderes del estado, pero ningún ayuntamiento, y casi toda la participación ocurrió en la capital.',
    recommendation: 'Invitar a los ayuntamientos desde la convocatoria y abrir mesas de trabajo fuera de la capital.',
    source: 'Conclusiones de las organizaciones de la sociedad civil en la sesión de cierre',
  },
  {
    theme: 'Registro del proceso',
    finding:
      'Las sesiones, la asistencia y los acuerdos del Secretariado no quedaron en un solo lugar público, así que el proceso no se puede medir.',
    recommendation:
      'Llevar las sesiones, la asistencia y los acuerdos en el portal desde la instalación del Secretariado.',
    source: 'Elaboración del informe de resultados',
  },
];

/** The second exercise's lessons and its results report, written and published as its evaluators would. */
async function seedSecondReport(tx: Db, actor: SystemActor) {
  const [exercise] = await tx
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, demoExerciseSlugs.second));
  for (const [index, lesson] of secondLessons.entries())
    await recordLesson(tx, exercise!.id, lesson, { actor, now: new Date(Date.UTC(2020, 4, 11 + index, 17)) });
  await saveReportTexts(
    tx,
    exercise!.id,
    {
      summary:
        'El segundo ejercicio local reunió a los tres poderes del estado y a organizaciones de la sociedad civil en ocho compromisos. Este informe pone juntos lo que declararon las instituciones en su informe final, el avance que el portal calcula con las actividades y el juicio de la evaluación independiente. El ejercicio ocurrió antes del portal, así que su convocatoria y sus sesiones no quedaron registradas aquí.',
      conclusions:
        'La mayoría de los compromisos se cumplió de forma sustancial o completa, y en varios la información que se abrió se sigue usando. Lo que más pesó es que, sin evidencia pública, el avance declarado no se puede comprobar: el siguiente ejercicio lleva el seguimiento en el portal desde el principio.',
    },
    { actor },
  );
  await publishResultsReport(tx, demoExerciseSlugs.second, {
    actor,
    now: new Date('2020-06-15T17:00:00Z'),
    timeZone: zone,
  });
}

const second = `/ejercicios/${demoExerciseSlugs.second}/plan`;
const third = `/ejercicios/${demoExerciseSlugs.third}/plan`;

export const evaluationDemo: DemoContribution = {
  seed: async (tx, context) => {
    await seedSecond(tx, context.actor);
    await seedSecondReport(tx, context.actor);
    await seedThird(tx, context.actor);
  },
  pages: [
    `${second}/resultados`,
    `${second}/compromisos/1/evaluacion`,
    `${second}/compromisos/8/evaluacion`,
    `${third}/resultados`,
    `${third}/compromisos/1/evaluacion`,
    `/ejercicios/${demoExerciseSlugs.second}/informe-de-resultados`,
    `/ejercicios/${demoExerciseSlugs.second}/informe-de-resultados/versiones/1`,
    `/ejercicios/${demoExerciseSlugs.second}/lecciones`,
    `/ejercicios/${demoExerciseSlugs.second}/indicadores`,
    `/ejercicios/${demoExerciseSlugs.third}/indicadores`,
    `/ejercicios/${demoExerciseSlugs.third}/informe-de-resultados`,
  ],
};
