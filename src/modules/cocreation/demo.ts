import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContribution, DemoContext } from '../../kernel/manifest.js';
import { demoExerciseSlugs } from '../exercises/demo.js';
import { exercises } from '../exercises/schema.js';
import { decideProblem, type DecideProblemInput } from './decide-problem.js';
import { hideProblem } from './hide-problem.js';
import { linkOrigin } from './origins/link-origin.js';
import { addCriterion, publishCriteria } from './priorities/criteria.js';
import { scoreProblem } from './priorities/score-problem.js';
import { selectProblems } from './priorities/select-problems.js';
import {
  problemPath,
  problemsPath,
  proposalPath,
  proposalsPath,
  rankingPath,
  reasonedResponsePath,
  tablePath,
  tablesPath,
} from './paths.js';
import { decideProposal, type DecideProposalInput } from './proposals/decide-proposal.js';
import { submitProposal } from './proposals/submit-proposal.js';
import { closeTable } from './tables/close-table.js';
import { createTable } from './tables/create-table.js';
import type { ProblemTheme } from './schema.js';
import { submitProblem } from './submit-problem.js';
import { captureInPersonSupports } from './support-problem.js';

const DEMO_ZONE = 'America/Monterrey';
/**
 * The agreement of the Secretariat's second ordinary session (18 February 2021) that grouped the prioritised problems.
 */
const PRIORITISATION_AGREEMENT = 'STL-2021-ORD-02-01';

interface DemoProblem {
  title: string;
  description: string;
  theme: ProblemTheme;
  municipalities: string[];
  evidenceUrl?: string;
  /** When it was handed in, and how many supports it gathered on paper (at the tables) in the days after. */
  submittedAt: string;
  supports: number;
  decisions?: DecideProblemInput[];
  hiddenBecause?: string;
}

const admitted = (explanation: string): DecideProblemInput => ({
  outcome: 'admitted',
  reasonCode: 'meets_criteria',
  explanation,
  agreementCode: PRIORITISATION_AGREEMENT,
});

/**
 * The diagnosis of the third exercise (tercer-pal-2020-2021, January 2021), in our own words around the public facts of
 * its plan: the problems residents raised at the diagnosis tables (captured from paper, so they have no author on the
 * portal), their supports, and the Secretariat's reasoned response to each: admitted, merged, discarded, not selected,
 * and one the moderators hid. Then the co-creation tables' proposals and the commitments they and the problems
 * became, so a visitor can walk from a commitment back to the problem residents raised.
 */
const problems: DemoProblem[] = [
  {
    title: 'Calles sin señalamiento vial en la cabecera de Tepehuanes',
    description:
      'En el centro de Tepehuanes casi no hay señales de alto, de velocidad ni pasos peatonales. Los cruces cerca de las escuelas son peligrosos a la hora de entrada y salida, y quienes vienen de fuera no saben qué calles son de un solo sentido.',
    theme: 'mobility',
    municipalities: ['10035'],
    submittedAt: '2021-01-18T16:00:00Z',
    supports: 46,
    decisions: [
      admitted(
        'Afecta a toda la cabecera municipal, el Ayuntamiento de Tepehuanes puede atenderlo y admite medir el avance (calles señalizadas, pláticas de educación vial). Pasa a la mesa de movilidad.',
      ),
    ],
  },
  {
    title: 'Basura revuelta y tiraderos en la colonia El Dorado',
    description:
      'En la colonia El Dorado de Gómez Palacio la basura se saca revuelta y se acumula en lotes baldíos. No hay información sobre cómo separar residuos ni horarios fijos de recolección, y los tiraderos atraen fauna nociva.',
    theme: 'environment',
    municipalities: ['10007'],
    submittedAt: '2021-01-18T18:30:00Z',
    supports: 58,
    decisions: [
      admitted(
        'Es el problema con más apoyos del diagnóstico. Se puede atender con un piloto de separación de residuos en la colonia, con metas verificables, y se suma el problema 7, que describía lo mismo.',
      ),
    ],
  },
  {
    title: 'Jóvenes sin orientación ni apoyo para prevenir el suicidio',
    description:
      'Familias y escuelas de Gómez Palacio no saben a dónde acudir cuando una persona joven muestra señales de riesgo. Los servicios existen pero no están conectados entre sí ni se conocen.',
    theme: 'health',
    municipalities: ['10007'],
    submittedAt: '2021-01-19T17:00:00Z',
    supports: 39,
    decisions: [
      admitted(
        'Es un asunto público urgente en el que la sociedad civil y el Ayuntamiento pueden colaborar con una red de apoyo; se puede publicar a dónde acudir y medir la atención.',
      ),
    ],
  },
  {
    title: 'Abrir un negocio pequeño en Durango toma demasiados trámites',
    description:
      'Para abrir una tienda o un taller hay que ir a varias oficinas, los requisitos cambian según quién atiende y no hay una lista pública de pasos y costos. Muchos negocios prefieren quedarse en la informalidad.',
    theme: 'economy',
    municipalities: ['10005'],
    evidenceUrl: 'https://www.inegi.org.mx/programas/enaproce/2018/',
    submittedAt: '2021-01-20T16:00:00Z',
    supports: 31,
    decisions: [
      admitted(
        'El Ayuntamiento de Durango puede simplificar y publicar los pasos, requisitos y costos; es una mejora de transparencia medible.',
      ),
    ],
  },
  {
    title: 'Parques y canchas abandonados en colonias del oriente de Durango',
    description:
      'Varios parques y canchas de las colonias del oriente no tienen luz, los juegos están rotos y la gente ya no los usa por miedo. Los vecinos quieren participar en decidir qué se arregla primero.',
    theme: 'public_spaces',
    municipalities: ['10005'],
    submittedAt: '2021-01-21T17:30:00Z',
    supports: 27,
    decisions: [
      admitted(
        'La recuperación de espacios públicos con participación vecinal es un compromiso posible para el Ayuntamiento de Durango y se puede dar seguimiento parque por parque.',
      ),
    ],
  },
  {
    title: 'Robos en las colonias sin coordinación entre vecinos y policía',
    description:
      'Los robos a casas y negocios se repiten y los vecinos no tienen un canal para organizarse con la policía municipal ni saben qué pasa con sus denuncias.',
    theme: 'public_safety',
    municipalities: ['10005'],
    submittedAt: '2021-01-22T16:00:00Z',
    supports: 35,
    decisions: [
      admitted(
        'La prevención del delito con participación ciudadana es competencia municipal y se puede abrir información sobre la atención a los reportes vecinales.',
      ),
    ],
  },
  {
    title: 'No hay separación de residuos en Gómez Palacio',
    description:
      'En Gómez Palacio nadie separa la basura y el camión recolector la mezcla toda. Hace falta enseñar a separar y que la recolección lo respete.',
    theme: 'environment',
    municipalities: ['10007'],
    submittedAt: '2021-01-22T18:00:00Z',
    supports: 12,
    decisions: [
      {
        outcome: 'merged',
        reasonCode: 'duplicated',
        mergedIntoNumber: 2,
        explanation:
          'Describe el mismo problema que el problema 2 (basura revuelta en la colonia El Dorado). Se atiende en él para no dividir los apoyos ni la conversación.',
        agreementCode: PRIORITISATION_AGREEMENT,
      },
    ],
  },
  {
    title: 'Cuotas altas en la autopista federal Durango–Mazatlán',
    description:
      'La cuota de la autopista es muy cara para quienes viajan seguido por trabajo y no hay información de cómo se decide su monto.',
    theme: 'mobility',
    municipalities: ['10005'],
    submittedAt: '2021-01-25T16:00:00Z',
    supports: 18,
    decisions: [
      {
        outcome: 'discarded',
        reasonCode: 'outside_competence',
        explanation:
          'Las cuotas de una autopista federal las fija la autoridad federal, no las autoridades que participan en este ejercicio, así que no puede ser un compromiso del plan local. Se sugirió presentarlo ante la instancia federal correspondiente.',
        agreementCode: PRIORITISATION_AGREEMENT,
      },
    ],
  },
  {
    title: 'Poca información pública sobre la calidad del aire en Lerdo',
    description:
      'En temporada de quemas el aire se siente pesado, pero no hay datos públicos de monitoreo en Lerdo ni avisos para la población.',
    theme: 'environment',
    municipalities: ['10012'],
    submittedAt: '2021-01-26T17:00:00Z',
    supports: 9,
    decisions: [
      admitted('Es un problema de acceso a la información ambiental que cumple los criterios del diagnóstico.'),
      {
        outcome: 'not_selected',
        reasonCode: 'other',
        explanation:
          'En la priorización quedó por debajo de los problemas con más apoyos, y el Ayuntamiento de Lerdo no forma parte de este ejercicio para asumirlo como compromiso. Queda registrado para un siguiente plan.',
        agreementCode: PRIORITISATION_AGREEMENT,
      },
    ],
  },
  {
    title: 'Queja contra un vecino de mi calle',
    description:
      'Texto retirado por la moderación: incluía el nombre y el domicilio de una persona particular y no describía un problema público.',
    theme: 'other',
    municipalities: ['10005'],
    submittedAt: '2021-01-27T16:00:00Z',
    supports: 0,
    hiddenBecause:
      'Incluía el nombre y el domicilio de una persona particular. Los problemas públicos no señalan a personas.',
    decisions: [
      {
        outcome: 'discarded',
        reasonCode: 'out_of_scope',
        explanation:
          'Es un conflicto entre particulares, no un problema público que las autoridades del ejercicio puedan atender con un compromiso. Se orientó a la persona hacia la justicia cívica municipal.',
        agreementCode: PRIORITISATION_AGREEMENT,
      },
    ],
  },
];

/** The Secretariat's prioritisation criteria for the third exercise, in our own words. */
const criteria = [
  {
    name: 'Gravedad y alcance',
    description: 'A cuántas personas afecta el problema y qué tan grave es el daño que causa.',
    weight: 40,
  },
  {
    name: 'Competencia de las autoridades participantes',
    description: 'Que los ayuntamientos que firman el plan puedan atenderlo con sus propias atribuciones.',
    weight: 35,
  },
  {
    name: 'Valor de gobierno abierto',
    description: 'Que atenderlo abra información, cree participación o mejore la rendición de cuentas.',
    weight: 25,
  },
];

/** The scores (0-5) of the admitted problems on each criterion, by problem number. */
const scores: Record<number, number[]> = {
  1: [4, 5, 4],
  2: [5, 5, 4],
  3: [5, 4, 4],
  4: [3, 5, 5],
  5: [4, 5, 4],
  6: [4, 4, 4],
  9: [3, 1, 4],
};

/** The agreement of the Secretariat's session of 29 April 2021 that approved the third plan and its commitments. */
const PLAN_AGREEMENT = 'STL-2021-ORD-04-01';

interface DemoProposal {
  problem: number;
  title: string;
  description: string;
  /** When the table's facilitators recorded it. */
  recordedAt: string;
  decision: DecideProposalInput;
  /** The plan's commitment it became (by number). */
  commitment?: number;
}

const accepted = (explanation: string, commitment: number): Pick<DemoProposal, 'decision' | 'commitment'> => ({
  decision: { outcome: 'accepted', reasonCode: 'meets_criteria', explanation, agreementCode: PLAN_AGREEMENT },
  commitment,
});

/**
 * The proposals of the third exercise's co-creation tables (February and March 2021), in our own words: each answers
 * an admitted problem, and all but one became a commitment of the plan approved on 29 April 2021.
 */
const proposals: DemoProposal[] = [
  {
    problem: 1,
    title: 'Elegir con los barrios los cruces que se señalizan primero',
    description:
      'Asambleas en los cuatro barrios de la cabecera para marcar en un mapa los cruces peligrosos; el Ayuntamiento señaliza primero los que están cerca de las escuelas y da talleres de educación vial.',
    recordedAt: '2021-02-24T18:00:00Z',
    ...accepted('La mesa de movilidad y el Ayuntamiento de Tepehuanes la convirtieron en el compromiso 1.', 1),
  },
  {
    problem: 2,
    title: 'Piloto de separación de residuos con comité vecinal en El Dorado',
    description:
      'Rutas y horarios de recolección publicados, contenedores para separar en casa y un comité vecinal que revise cada mes cuánto se recogió y lo publique.',
    recordedAt: '2021-03-03T18:00:00Z',
    ...accepted('Se acordó como compromiso 2 con el Ayuntamiento de Gómez Palacio y el comité de la colonia.', 2),
  },
  {
    problem: 2,
    title: 'Jornadas de conciencia ambiental en escuelas y colonias',
    description:
      'Acompañar la separación de residuos con jornadas de limpieza y de cuidado del arbolado organizadas con escuelas y voluntariado, y publicar el inventario de árboles.',
    recordedAt: '2021-03-03T19:00:00Z',
    ...accepted('La mesa ambiental propuso extenderla a Durango; se convirtió en el compromiso 5.', 5),
  },
  {
    problem: 3,
    title: 'Una red que conecte los servicios de apoyo para jóvenes',
    description:
      'Un directorio público de los servicios de apoyo emocional y un protocolo firmado para canalizar a las personas jóvenes en riesgo entre escuelas, salud y sociedad civil.',
    recordedAt: '2021-03-10T18:00:00Z',
    ...accepted(
      'Se acordó como compromiso 3 con el Ayuntamiento de Gómez Palacio y organizaciones de salud mental.',
      3,
    ),
  },
  {
    problem: 4,
    title: 'Un catálogo público de requisitos y costos para abrir un negocio',
    description:
      'Revisar con comerciantes los trámites para abrir un negocio, publicar un catálogo único de requisitos y costos, y medir en un tablero cuánto tarda cada trámite.',
    recordedAt: '2021-03-17T18:00:00Z',
    ...accepted('El Ayuntamiento de Durango la asumió como compromiso 6.', 6),
  },
  {
    problem: 5,
    title: 'Que las colonias elijan qué espacios públicos se recuperan',
    description:
      'Una consulta vecinal para elegir cinco parques o canchas del oriente de Durango y un diseño participativo de su recuperación antes de las obras.',
    recordedAt: '2021-03-17T19:00:00Z',
    ...accepted('Se acordó como compromiso 7 con el Ayuntamiento de Durango.', 7),
  },
  {
    problem: 6,
    title: 'Comités vecinales de prevención con informes abiertos',
    description:
      'Instalar comités vecinales en las colonias con más robos y que la policía municipal publique cada trimestre qué pasó con los reportes de esos comités.',
    recordedAt: '2021-03-17T20:00:00Z',
    ...accepted('Se acordó como compromiso 4 con el Ayuntamiento de Durango.', 4),
  },
  {
    problem: 6,
    title: 'Cámaras de vigilancia en todas las colonias',
    description: 'Instalar cámaras de vigilancia en cada colonia de Durango conectadas a la policía municipal.',
    recordedAt: '2021-03-17T21:00:00Z',
    decision: {
      outcome: 'rejected',
      reasonCode: 'not_open_government',
      explanation:
        'Es una obra de seguridad, no un compromiso de gobierno abierto: no abre información ni crea participación. La mesa la turnó al Ayuntamiento como sugerencia y se quedó con los comités vecinales.',
      agreementCode: PLAN_AGREEMENT,
    },
  },
];

interface DemoTable {
  title: string;
  problems: number[];
  startsAt: string;
  place?: string;
  onlineUrl?: string;
  facilitator: string;
  capacity: number;
  materials: string;
  closingReport: string;
  organisations: string[];
  /** The demo proposals (by their order above, from 1) that came out of it. */
  proposals: number[];
}

/** The third exercise's co-creation tables (February and March 2021), in our own words. */
const tables: DemoTable[] = [
  {
    title: 'Movilidad y seguridad vial en Tepehuanes',
    problems: [1],
    startsAt: '2021-02-23T23:00:00Z',
    place: 'Auditorio municipal de Tepehuanes, Plaza principal s/n',
    facilitator: 'Equipo de facilitación del órgano garante',
    capacity: 40,
    materials:
      'Mapa de la cabecera con los cruces que señalaron los vecinos en el diagnóstico.\nReglamento de tránsito municipal vigente.',
    closingReport:
      'Asistieron vecinas de los cuatro barrios, docentes de tres escuelas y el área de obras del Ayuntamiento. Se marcaron 31 cruces peligrosos en el mapa y se acordó señalizar primero los que están junto a las escuelas, con talleres de educación vial. La propuesta se llevó al Secretariado.',
    organisations: ['Colectivo Caminemos Tepehuanes', 'Asociación de padres de familia de la escuela Benito Juárez'],
    proposals: [1],
  },
  {
    title: 'Residuos y medio ambiente en Gómez Palacio',
    problems: [2],
    startsAt: '2021-03-02T23:00:00Z',
    place: 'Centro comunitario de la colonia El Dorado, Gómez Palacio',
    facilitator: 'Equipo de facilitación del órgano garante',
    capacity: 50,
    materials: 'Rutas y horarios actuales de recolección.\nGuía de separación de residuos en casa.',
    closingReport:
      'Se revisaron las rutas de recolección con el área de servicios públicos. El comité vecinal se ofreció a acompañar un piloto de separación y a publicar cada mes lo recogido; la mesa pidió sumar jornadas ambientales en escuelas.',
    organisations: ['Comité vecinal de la colonia El Dorado', 'Voluntariado ambiental de La Laguna'],
    proposals: [2, 3],
  },
  {
    title: 'Salud mental de las personas jóvenes',
    problems: [3],
    startsAt: '2021-03-09T23:00:00Z',
    onlineUrl: 'https://videollamada.example.org/mesa-salud-mental-jovenes',
    facilitator: 'Equipo de facilitación del órgano garante',
    capacity: 60,
    materials: 'Inventario preliminar de servicios de apoyo emocional en Gómez Palacio.',
    closingReport:
      'Participaron organizaciones de salud mental, orientadores escolares y el área de salud del Ayuntamiento. Se acordó levantar un directorio público de servicios y redactar un protocolo para canalizar a las personas jóvenes en riesgo.',
    organisations: ['Red ciudadana por la salud mental de La Laguna', 'Consejo estudiantil de preparatorias'],
    proposals: [4],
  },
  {
    title: 'Trámites, espacios públicos y seguridad en Durango',
    problems: [4, 5, 6],
    startsAt: '2021-03-16T23:00:00Z',
    place: 'Salón de usos múltiples del Ayuntamiento de Durango',
    facilitator: 'Equipo de facilitación del órgano garante',
    capacity: 80,
    materials: 'Lista de trámites para abrir un negocio.\nInventario de parques y canchas del oriente de la ciudad.',
    closingReport:
      'La mesa trabajó en tres grupos. Comerciantes y el Ayuntamiento revisaron los trámites; vecinas del oriente eligieron cómo decidir qué espacios recuperar; y sobre seguridad se prefirió crear comités vecinales con informes abiertos a instalar cámaras, que se turnaron como sugerencia.',
    organisations: [
      'Cámara de comercio en pequeño de Durango',
      'Vecinos Unidos del Oriente',
      'Colectivo por la seguridad de las colonias',
    ],
    proposals: [5, 6, 7, 8],
  },
];

/** The problems each commitment of the third plan came from (besides the proposals above), by number. */
const problemOrigins: { problem: number; commitment: number }[] = [
  { problem: 1, commitment: 1 },
  { problem: 2, commitment: 2 },
  { problem: 2, commitment: 5 },
  { problem: 3, commitment: 3 },
  { problem: 6, commitment: 4 },
  { problem: 4, commitment: 6 },
  { problem: 5, commitment: 7 },
];

/** The public pages the demo's problems and proposals make exist. */
const slug = demoExerciseSlugs.third;
const pages = [
  problemsPath(slug),
  reasonedResponsePath(slug),
  problemPath(slug, 1),
  problemPath(slug, 7),
  problemPath(slug, 8),
  problemPath(slug, 10),
  proposalsPath(slug),
  rankingPath(slug),
  tablesPath(slug),
  tablePath(slug, 2),
  proposalPath(slug, 2),
  proposalPath(slug, 8),
];

const at = (instant: string) => new Date(instant);

/**
 * The Secretariat's weighted criteria (published a week before the scoring), the scores of the admitted problems, the
 * decisions that came after the scoring (problem 9 not selected), and the selection by the prioritisation agreement.
 */
async function prioritise(
  tx: Db,
  exerciseId: string,
  actor: DemoContext['actor'],
  afterScoring: { id: string; decision: DecideProblemInput }[],
  options: { baseUrl: string; siteName: string },
) {
  for (const criterion of criteria)
    await addCriterion(tx, exerciseId, criterion, { actor, now: at('2021-02-10T18:00:00Z') });
  await publishCriteria(tx, exerciseId, { actor, now: at('2021-02-11T18:00:00Z') });
  for (const [number, values] of Object.entries(scores))
    await scoreProblem(
      tx,
      exerciseId,
      Number(number),
      { scores: Object.fromEntries(values.map((score, index) => [String(index + 1), score])) },
      { actor, now: at('2021-02-18T19:30:00Z') },
    );
  for (const { id, decision } of afterScoring)
    await decideProblem(tx, id, decision, { actor, now: at('2021-02-18T20:00:00Z'), ...options });
  await selectProblems(
    tx,
    exerciseId,
    {
      problemNumbers: [1, 2, 3, 4, 5, 6],
      agreementCode: PRIORITISATION_AGREEMENT,
      explanation:
        'Los seis problemas con el total más alto pasan a las mesas de co-creación: son graves, los ayuntamientos del ejercicio pueden atenderlos y abren información o participación.',
    },
    { actor, now: at('2021-02-18T20:30:00Z'), ...options },
  );
}

async function seed(tx: Db, context: DemoContext): Promise<void> {
  const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug));
  if (!exercise) return;
  const { actor } = context;
  const options = { baseUrl: 'http://localhost', siteName: 'Cocrea' };
  const numbered = new Map<number, string>();
  const afterScoring: { id: string; decision: DecideProblemInput }[] = [];
  for (const demo of problems) {
    const submittedAt = new Date(demo.submittedAt);
    const problem = await submitProblem(
      tx,
      exercise.id,
      {
        title: demo.title,
        description: demo.description,
        theme: demo.theme,
        municipalities: demo.municipalities,
        evidenceUrl: demo.evidenceUrl ?? '',
      },
      { actor, now: submittedAt, timeZone: DEMO_ZONE },
    );
    // Supports handed in on paper over the following days, a share each day until the diagnosis closed.
    let left = demo.supports;
    for (let day = 1; left > 0; day += 1) {
      const count = Math.min(left, Math.ceil(demo.supports / 3));
      await captureInPersonSupports(
        tx,
        problem.id,
        { count },
        { actor, now: new Date(submittedAt.getTime() + day * 86_400_000), timeZone: DEMO_ZONE },
      );
      left -= count;
    }
    if (demo.hiddenBecause)
      await hideProblem(
        tx,
        problem.id,
        { reason: demo.hiddenBecause },
        { actor, now: new Date(submittedAt.getTime() + 3_600_000) },
      );
    const [first, ...later] = demo.decisions ?? [];
    if (first) await decideProblem(tx, problem.id, first, { actor, now: at('2021-02-18T19:00:00Z'), ...options });
    for (const decision of later) afterScoring.push({ id: problem.id, decision });
    numbered.set(problem.number, problem.id);
  }
  await prioritise(tx, exercise.id, actor, afterScoring, options);
  const held: { demo: DemoTable; table: Awaited<ReturnType<typeof createTable>> }[] = [];
  for (const demo of tables) {
    const startsAt = at(demo.startsAt);
    const table = await createTable(
      tx,
      exercise.id,
      {
        title: demo.title,
        problemNumbers: demo.problems,
        startsAt,
        durationMinutes: 180,
        place: demo.place ?? '',
        onlineUrl: demo.onlineUrl ?? '',
        facilitator: demo.facilitator,
        capacity: demo.capacity,
        materials: demo.materials,
      },
      { actor, now: at('2021-02-19T18:00:00Z') },
    );
    held.push({ demo, table });
  }
  const recorded: Awaited<ReturnType<typeof submitProposal>>[] = [];
  for (const demo of proposals)
    recorded.push(
      await submitProposal(
        tx,
        exercise.id,
        { problemNumber: demo.problem, title: demo.title, description: demo.description },
        { actor, as: 'recorder', now: new Date(demo.recordedAt), timeZone: DEMO_ZONE },
      ),
    );
  // Each table closed two days after it was held, with the proposals that came out of it.
  for (const { demo, table } of held)
    await closeTable(
      tx,
      table.id,
      {
        closingReport: demo.closingReport,
        attendingOrganisations: demo.organisations,
        proposalNumbers: demo.proposals.map((index) => recorded[index - 1]!.number),
      },
      { actor, now: new Date(table.startsAt.getTime() + 2 * 86_400_000) },
    );
  const approvedOn = new Date('2021-04-29T19:00:00Z');
  for (const [index, demo] of proposals.entries())
    await decideProposal(
      tx,
      recorded[index]!.id,
      { ...demo.decision, commitmentNumber: demo.commitment ?? '' },
      { actor, now: approvedOn, ...options },
    );
  for (const origin of problemOrigins)
    await linkOrigin(
      tx,
      { type: 'problem', id: numbered.get(origin.problem)! },
      { commitmentNumber: origin.commitment },
      { actor, now: approvedOn },
    );
}

export const cocreationDemo: DemoContribution = { seed, pages };
