// The demo's content is written in our own words around the public facts of Durango's exercises (DOMAIN.md and
// the 2020 call in shared/reference), once, in Spanish, as the convening body would.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext, DemoContribution } from '../../kernel/manifest.js';
import { demoDateFrom, demoExerciseSlugs } from '../exercises/demo.js';
import { exercises } from '../exercises/schema.js';
import { createCall } from './create-call.js';

/** The themes a person may choose when signing up, and their English labels in the same order. */
const demoThemes = [
  'Seguridad ciudadana',
  'Medio ambiente y residuos',
  'Movilidad y seguridad vial',
  'Salud mental',
  'Trámites y servicios',
  'Espacios públicos',
  'Transparencia y rendición de cuentas',
];
const demoThemesEn = [
  'Public safety',
  'Environment and waste',
  'Mobility and road safety',
  'Mental health',
  'Public services and paperwork',
  'Public spaces',
  'Transparency and accountability',
];

const thirdCall = {
  title: 'Convocatoria para participar en el Tercer Plan de Acción Local de Gobierno Abierto Durango',
  summary:
    'Invitación abierta a la sociedad duranguense para integrar el Secretariado Técnico Local y construir, junto con las autoridades, el Tercer Plan de Acción Local de Gobierno Abierto.',
  considerations: [
    'El gobierno abierto es una forma de gobernar en colaboración: abre canales directos entre la ciudadanía y las autoridades para acordar una agenda común y diseñar, aplicar y evaluar políticas públicas que respondan a problemas sociales.',
    'El Secretariado Técnico Local es el espacio plural y formal donde autoridades, sociedad civil y el órgano garante de la transparencia dialogan, deciden y coordinan el diseño y la ejecución del Plan de Acción Local.',
    'La participación ciudadana es la base del ejercicio: fortalece la transparencia, el acceso a la información, la rendición de cuentas, la innovación y la co-creación entre sociedad y gobierno.',
  ],
  generalObjective:
    'Participar en la construcción y la ejecución del Tercer Plan de Acción Local de Gobierno Abierto en Durango, con transparencia, participación ciudadana efectiva, rendición de cuentas e innovación cívica y tecnológica, para atender y resolver en colaboración problemas públicos.',
  specificObjectives: [
    'Sumar a organizaciones civiles y públicas interesadas en detectar problemas y demandas sociales concretas y en generar soluciones mediante esquemas participativos y de co-creación.',
    'Instalar el Secretariado Técnico Local como máximo órgano de decisión del ejercicio, integrado por representantes de la sociedad civil, una persona representante de cada autoridad estatal o municipal participante, una del órgano garante y una persona facilitadora neutral.',
    'Construir el Plan de Acción Local con compromisos puntuales, realizables, medibles y transformadores.',
    'Desarrollar un portal de gobierno abierto para dar seguimiento público a los compromisos y a las actividades del ejercicio.',
    'Consolidar el proyecto de gobierno abierto en el estado.',
  ],
  requirements: [
    'Residir en el estado de Durango.',
    'Tener disponibilidad e interés para colaborar en el diseño, la ejecución, el seguimiento y la evaluación del Plan de Acción Local.',
    'Manifestar por escrito, en el formulario en línea «Súmate», la intención de participar de manera honoraria.',
    'Inscribirse entre el 29 de septiembre y el 15 de noviembre de 2020.',
  ],
  themes: demoThemes,
  themesEn: demoThemesEn,
  resultsText:
    'La convocatoria cerró el 15 de noviembre de 2020. Cada persona inscrita recibió por correo electrónico la invitación a la sesión de instalación del Secretariado Técnico Local.',
};

const fourthCall = {
  title: 'Convocatoria de demostración para el Cuarto Plan de Acción Local',
  summary:
    'Convocatoria ilustrativa, abierta para que cualquier persona pruebe cómo funciona la inscripción a un ejercicio local de gobierno abierto.',
  considerations: [
    'Este ejercicio existe solo para mostrar el funcionamiento del portal. Ninguna inscripción tiene efectos reales.',
  ],
  generalObjective:
    'Mostrar, con datos ilustrativos, cómo una persona residente del estado se suma a un ejercicio local de gobierno abierto y cómo se sigue cada etapa.',
  specificObjectives: [
    'Probar la inscripción y la confirmación por correo electrónico.',
    'Conocer cómo se integra el Secretariado Técnico Local y cómo decide.',
    'Ver cómo se da seguimiento público a los compromisos de un plan.',
  ],
  themes: demoThemes,
  themesEn: demoThemesEn,
  requirements: [
    'Residir en el estado de Durango.',
    'Tener interés en participar de manera honoraria.',
    'Manifestar por escrito la intención de participar.',
  ],
};

const exerciseId = async (tx: Db, slug: string) => {
  const [row] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug));
  if (!row) throw new Error(`The demo exercise ${slug} is seeded before its call (exercises come first).`);
  return row.id;
};

/** The third exercise's call, closed on 15 November 2020, and the demonstration call, open around `now`. */
async function seed(tx: Db, { now, actor }: DemoContext) {
  await createCall(
    tx,
    {
      exerciseId: await exerciseId(tx, demoExerciseSlugs.third),
      ...thirdCall,
      eligibleStateCode: '10',
      // 29 September 2020 00:00 to 15 November 2020 23:59:59 in Durango (UTC-5 then, daylight saving time).
      opensAt: new Date('2020-09-29T05:00:00Z'),
      closesAt: new Date('2020-11-16T05:59:59Z'),
      status: 'closed',
      contactEmail: 'gobiernoabierto@idaip.org.mx',
    },
    actor,
  );
  await createCall(
    tx,
    {
      exerciseId: await exerciseId(tx, demoExerciseSlugs.fourth),
      ...fourthCall,
      eligibleStateCode: '10',
      // Whole days in Durango's time zone (UTC-6 all year since 2022).
      opensAt: new Date(`${demoDateFrom(now, -14)}T00:00:00-06:00`),
      closesAt: new Date(`${demoDateFrom(now, 45)}T23:59:59-06:00`),
      status: 'published',
      contactEmail: 'gobiernoabierto@example.org',
    },
    actor,
  );
}

export const callsDemo: DemoContribution = {
  seed,
  pages: [
    `/ejercicios/${demoExerciseSlugs.fourth}/convocatoria`,
    `/ejercicios/${demoExerciseSlugs.third}/convocatoria`,
    `/ejercicios/${demoExerciseSlugs.third}/convocatoria/historial`,
  ],
};
