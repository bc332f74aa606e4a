import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemActor } from '../../kernel/actor.js';
import type { DemoContribution } from '../../kernel/manifest.js';
import { SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { institutions } from '../directory/schema.js';
import { demoExerciseSlugs } from '../exercises/demo.js';
import { exercises } from '../exercises/schema.js';
import { addMembership } from './add-membership.js';
import { addSeat } from './add-seat.js';
import { conveneSession } from './convene-session.js';
import { followUpAgreement } from './follow-up-agreement.js';
import { installSecretariat } from './install-secretariat.js';
import { recordAgreement, type RecordAgreementInput } from './record-agreement.js';
import { recordAttendance } from './record-attendance.js';
import { scheduleSession } from './schedule-session.js';
import type { AgreementStatus, AttendanceStatus, SessionKind } from './schema.js';
import { approveMinutes, writeMinutes } from './write-minutes.js';

const ZONE = 'America/Monterrey';
const actor = systemActor(SYSTEM_ACTOR_LABEL);

interface DemoAgreement {
  text: string;
  responsible: string;
  dueOn?: string;
  /** Seats voting against or abstaining (by index); the other voting seats present vote for. Absent: by consensus. */
  vote?: { against?: number[]; abstain?: number[] };
  follow?: { status: AgreementStatus; note: string }[];
  linkToExercise?: boolean;
}

interface DemoSession {
  kind: SessionKind;
  startsAt: string;
  place: string;
  agenda: string[];
  absent?: number[];
  alternates?: number[];
  minutes: string;
  agreements: DemoAgreement[];
}

/**
 * The Technical Secretariat of the third exercise (slug tercer-pal-2020-2021): installed in early December 2020 with
 * civil-society seats (fictional people and organisations), the three ayuntamientos, the guarantor body and a
 * facilitator; an installation session and four ordinary ones, with attendance, approved minutes and agreements in
 * several follow-up states (one overdue). Agreement STL-2021-ORD-04-01 approves the third Local Action Plan.
 */
async function seedSecretariat(tx: Db): Promise<void> {
  const [exercise] = await tx
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, demoExerciseSlugs.third));
  if (!exercise) return;
  const names = ['Ayuntamiento de Durango', 'Ayuntamiento de Gómez Palacio', 'Ayuntamiento de Tepehuanes'];
  const found = await tx
    .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym })
    .from(institutions)
    .where(inArray(institutions.name, names));
  const [guarantor] = await tx
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.acronym, 'IDAIP'));
  if (!guarantor || found.length !== names.length) return;

  const secretariat = await installSecretariat(
    tx,
    {
      exerciseId: exercise.id,
      installedOn: '2020-12-03',
      installationActUrl: 'https://example.org/documentos/acta-instalacion-stl-2020.pdf',
      operatingRulesUrl: 'https://example.org/documentos/reglas-operacion-stl-2020.pdf',
    },
    {
      actor,
      documentTitles: {
        installationAct: 'Acta de instalación del Secretariado Técnico Local',
        operatingRules: 'Reglas de operación del Secretariado Técnico Local',
      },
    },
  );

  const civil = [
    {
      label: 'Colectivo Ciudadano por la Movilidad Segura',
      titular: 'Mariana Soto Ibarra',
      alternate: 'Héctor Valles Ríos',
      bio: 'Promueve la educación vial y la señalización en municipios serranos.',
    },
    {
      label: 'Red Lagunera de Apoyo Emocional',
      titular: 'Laura Elena Quintero',
      alternate: 'Pablo Reyes Cháirez',
      bio: 'Acompaña a familias y jóvenes en la prevención del suicidio.',
    },
    {
      label: 'Observatorio Ciudadano del Medio Ambiente',
      titular: 'Ricardo Fierro Salas',
      alternate: undefined,
      bio: 'Investiga la separación de residuos y la calidad del aire en la capital.',
    },
    {
      label: 'Academia: Facultad de Ciencias Políticas',
      titular: 'Dra. Alicia Montoya Herrera',
      alternate: 'Mtro. Jorge Luna Arce',
      bio: 'Docente e investigadora en participación ciudadana.',
    },
  ];
  const seatIds: string[] = [];
  for (const c of civil) {
    const seat = await addSeat(tx, secretariat.id, { kind: 'civil_society', label: c.label }, { actor });
    seatIds.push(seat.id);
    await addMembership(
      tx,
      {
        seatId: seat.id,
        role: 'titular',
        displayName: c.titular,
        organization: c.label,
        bio: c.bio,
        startsOn: '2020-12-03',
      },
      { actor },
    );
    if (c.alternate)
      await addMembership(
        tx,
        { seatId: seat.id, role: 'alternate', displayName: c.alternate, organization: c.label, startsOn: '2020-12-03' },
        { actor },
      );
  }
  // A member who left the Secretariat during the exercise: shown among past members.
  const pastSeat = await addSeat(
    tx,
    secretariat.id,
    { kind: 'civil_society', label: 'Cámara local de comercio' },
    { actor },
  );
  seatIds.push(pastSeat.id);
  await addMembership(
    tx,
    {
      seatId: pastSeat.id,
      role: 'titular',
      displayName: 'Ing. Sergio Campos Nevárez',
      organization: 'Cámara local de comercio',
      startsOn: '2020-12-03',
      endsOn: '2021-02-28',
    },
    { actor },
  );
  await addMembership(
    tx,
    {
      seatId: pastSeat.id,
      role: 'titular',
      displayName: 'Lic. Gabriela Rentería Soto',
      organization: 'Cámara local de comercio',
      startsOn: '2021-03-01',
    },
    { actor },
  );

  const officials = [
    'Dirección Municipal de Transparencia',
    'Unidad de Transparencia municipal',
    'Secretaría del Ayuntamiento',
  ];
  for (const [i, name] of names.entries()) {
    const institution = found.find((f) => f.name === name)!;
    const seat = await addSeat(tx, secretariat.id, { kind: 'authority', institutionId: institution.id }, { actor });
    seatIds.push(seat.id);
    await addMembership(
      tx,
      {
        seatId: seat.id,
        role: 'titular',
        displayName: `Titular de la ${officials[i]}`,
        organization: name,
        startsOn: '2020-12-03',
      },
      { actor },
    );
  }
  const guarantorSeat = await addSeat(
    tx,
    secretariat.id,
    { kind: 'guarantor', institutionId: guarantor.id },
    { actor },
  );
  seatIds.push(guarantorSeat.id);
  await addMembership(
    tx,
    {
      seatId: guarantorSeat.id,
      role: 'titular',
      displayName: 'Comisionada del órgano garante',
      organization: 'IDAIP',
      startsOn: '2020-12-03',
    },
    { actor },
  );
  const facilitatorSeat = await addSeat(tx, secretariat.id, { kind: 'facilitator', label: 'Facilitación' }, { actor });
  await addMembership(
    tx,
    {
      seatId: facilitatorSeat.id,
      role: 'titular',
      displayName: 'Mtra. Claudia Bermúdez Ortiz',
      organization: 'Facilitadora independiente',
      bio: 'Modera las sesiones con voz y sin voto.',
      startsOn: '2020-12-03',
    },
    { actor },
  );
  const allSeats = [...seatIds, facilitatorSeat.id];

  const sessions: DemoSession[] = [
    {
      kind: 'installation',
      startsAt: '2020-12-03T17:00:00Z',
      place: 'Sala de plenos del órgano garante, Durango',
      agenda: [
        'Lista de asistencia y quórum',
        'Instalación formal del Secretariado',
        'Aprobación de las reglas de operación',
      ],
      minutes:
        'Se pasó lista y hubo quórum.\n\nSe instaló formalmente el Secretariado Técnico Local del tercer ejercicio y se aprobaron sus reglas de operación por consenso.',
      agreements: [
        {
          text: 'Se aprueban las reglas de operación del Secretariado Técnico Local.',
          responsible: 'Órgano garante',
          dueOn: '2020-12-10',
          follow: [{ status: 'fulfilled', note: 'Las reglas se publicaron en el portal el 9 de diciembre de 2020.' }],
        },
      ],
    },
    {
      kind: 'ordinary',
      startsAt: '2021-01-14T17:00:00Z',
      place: 'Sesión en línea',
      agenda: ['Calendario del diagnóstico', 'Forma de recibir las problemáticas'],
      alternates: [1],
      minutes: 'Se revisó el calendario del diagnóstico y la forma de recibir problemáticas de la ciudadanía.',
      agreements: [
        {
          text: 'Se aprueba el calendario del diagnóstico participativo, del 18 de enero al 29 de enero de 2021.',
          responsible: 'Facilitación',
          dueOn: '2021-01-29',
          follow: [
            { status: 'in_progress', note: 'Se abrieron las mesas de diagnóstico.' },
            { status: 'fulfilled', note: 'El diagnóstico cerró en la fecha prevista.' },
          ],
        },
        {
          text: 'Publicar en datos abiertos todas las problemáticas recibidas durante el diagnóstico.',
          responsible: 'Ayuntamiento de Durango',
          dueOn: '2021-02-26',
          follow: [{ status: 'in_progress', note: 'Se publicó una primera parte; falta la versión completa.' }],
        },
      ],
    },
    {
      kind: 'ordinary',
      startsAt: '2021-02-18T17:00:00Z',
      place: 'Auditorio municipal de Gómez Palacio',
      agenda: ['Priorización de problemáticas', 'Integración de las mesas de co-creación'],
      absent: [2],
      minutes: 'Se priorizaron las problemáticas por votación y se integraron las mesas de co-creación.',
      agreements: [
        {
          text: 'Se integran cinco mesas de co-creación, una por cada grupo de problemáticas priorizadas.',
          responsible: 'Facilitación',
          dueOn: '2021-03-05',
          vote: { abstain: [3] },
          follow: [{ status: 'fulfilled', note: 'Las cinco mesas sesionaron en marzo.' }],
        },
      ],
    },
    {
      kind: 'ordinary',
      startsAt: '2021-03-25T17:00:00Z',
      place: 'Sesión en línea',
      agenda: ['Avance de las mesas de co-creación', 'Propuesta de foro regional'],
      absent: [8],
      minutes:
        'Las mesas informaron su avance. La propuesta de foro regional no se aprobó por empate y se retomará más adelante.',
      agreements: [
        {
          text: 'Organizar un foro regional en Tepehuanes para presentar las propuestas.',
          responsible: 'Ayuntamiento de Tepehuanes',
          vote: { against: [0, 4, 5, 7] },
        },
        {
          text: 'Elaborar una guía breve para redactar compromisos verificables.',
          responsible: 'Academia: Facultad de Ciencias Políticas',
          dueOn: '2021-04-15',
          follow: [{ status: 'cancelled', note: 'Se usó la guía de la Alianza para el Gobierno Abierto en su lugar.' }],
        },
      ],
    },
    {
      kind: 'ordinary',
      startsAt: '2021-04-29T17:00:00Z',
      place: 'Sala de plenos del órgano garante, Durango',
      agenda: ['Presentación del Plan de Acción Local', 'Votación del Plan de Acción Local'],
      minutes:
        'Se presentó el tercer Plan de Acción Local con nueve compromisos de los ayuntamientos de Durango, Gómez Palacio y Tepehuanes, y se aprobó por votación.',
      agreements: [
        {
          text: 'Se aprueba el tercer Plan de Acción Local 2020-2021, con sus nueve compromisos, y se instruye su publicación.',
          responsible: 'Órgano garante',
          dueOn: '2021-05-14',
          vote: { abstain: [2] },
          linkToExercise: true,
          follow: [{ status: 'fulfilled', note: 'El plan se publicó el 12 de mayo de 2021.' }],
        },
      ],
    },
  ];

  for (const s of sessions) {
    const startsAt = new Date(s.startsAt);
    const session = await scheduleSession(
      tx,
      secretariat.id,
      { kind: s.kind, startsAt, place: s.place, agenda: s.agenda },
      { actor },
    );
    await conveneSession(tx, session.id, {
      actor,
      baseUrl: 'http://localhost',
      siteName: 'Cocrea',
      timeZone: ZONE,
      now: new Date(startsAt.getTime() - 7 * 86_400_000),
    });
    const attendance: Record<string, AttendanceStatus> = Object.fromEntries(
      allSeats.map((id, i) => [
        id,
        s.absent?.includes(i) ? 'absent' : s.alternates?.includes(i) ? 'alternate_present' : 'titular_present',
      ]),
    );
    await recordAttendance(tx, session.id, attendance, { actor });
    const voters = seatIds.filter((_, i) => !s.absent?.includes(i));
    for (const a of s.agreements) {
      const input: RecordAgreementInput = {
        text: a.text,
        responsible: a.responsible,
        dueOn: a.dueOn,
        decisionMethod: a.vote ? 'vote' : 'consensus',
        votes: a.vote
          ? Object.fromEntries(
              voters.map((id) => [
                id,
                a.vote!.against?.includes(seatIds.indexOf(id))
                  ? 'against'
                  : a.vote!.abstain?.includes(seatIds.indexOf(id))
                    ? 'abstain'
                    : 'for',
              ]),
            )
          : {},
        links: a.linkToExercise ? [{ recordType: 'exercise', recordId: exercise.id }] : [],
      };
      const agreement = await recordAgreement(tx, session.id, input, { actor, timeZone: ZONE });
      for (const f of a.follow ?? []) await followUpAgreement(tx, agreement.id, f, { actor });
    }
    await writeMinutes(tx, session.id, { minutesText: s.minutes }, { actor });
    await approveMinutes(tx, session.id, { actor, now: new Date(startsAt.getTime() + 14 * 86_400_000) });
  }
}

export const secretariatDemo: DemoContribution = {
  seed: (tx) => seedSecretariat(tx),
  pages: [
    `/ejercicios/${demoExerciseSlugs.third}/secretariado`,
    `/ejercicios/${demoExerciseSlugs.third}/secretariado/historial`,
    `/ejercicios/${demoExerciseSlugs.third}/secretariado/sesiones/ordinaria-4`,
    `/ejercicios/${demoExerciseSlugs.third}/secretariado/acuerdos`,
    `/ejercicios/${demoExerciseSlugs.third}/secretariado/acuerdos/STL-2021-ORD-04-01`,
  ],
};
