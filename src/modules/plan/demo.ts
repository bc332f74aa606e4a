import { refreshActivityStats } from './core/activity-stats.js';
import { inArray } from 'drizzle-orm';
import { agreements } from '../secretariat/read-models.js';
import type { Db } from '../../db/client.js';
import type { ChangeEntry } from '../audit/append-change.js';
import { appendChanges, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { changeActorOf, systemActor } from '../../kernel/actor.js';
import type { DemoContribution } from '../../kernel/manifest.js';
import { createInstitution } from '../directory/create-institution.js';
import { institutions } from '../directory/schema.js';
import { demoExerciseSlugs } from '../exercises/demo.js';
import { exercises } from '../exercises/schema.js';
import {
  commitmentOpenDue,
  commitmentProgress,
  milestoneOpenDue,
  milestoneProgress,
  planProgress,
} from './core/progress.js';
import {
  activities,
  actionPlans,
  commitmentMunicipalities,
  commitmentPartners,
  commitments,
  evidence,
  milestones,
  progressSnapshots,
  type ActivityStatus,
  type CommitmentStatus,
  type PlanStatus,
} from './schema.js';

/** Activity outcomes in the demo: verified, done, in progress, not started, cancelled. */
type Outcome = 'v' | 'd' | 'p' | 'n' | 'x';

interface DemoActivity {
  title: string;
  start: string;
  end: string;
  outcome: Outcome;
}
interface DemoMilestone {
  title: string;
  deliverable: string;
  weight: number;
  start: string;
  end: string;
  activities: DemoActivity[];
}
interface DemoCommitment {
  title: string;
  theme: string;
  lead: string;
  municipalities: string[];
  partners: string[];
  others?: string[];
  problem: string;
  baseline: string;
  description: string;
  objective: string;
  howItSolves: string;
  indicator: string;
  goal: string;
  sdgs: number[];
  startsOn: string;
  endsOn: string;
  status?: CommitmentStatus;
  milestones: DemoMilestone[];
}

const smartFor = (c: DemoCommitment) => ({
  specific: {
    met: true,
    justification: `Se concentra en un solo problema: ${c.problem.split('.')[0]?.toLowerCase()}.`,
  },
  achievable: {
    met: true,
    justification: `${c.lead} lo incluyó en su programa anual con personal y presupuesto propios.`,
  },
  measurable: { met: true, justification: `Se mide con el indicador: ${c.indicator}` },
  transformative: {
    met: true,
    justification:
      'Cambia la forma en que la autoridad decide: abre la información y la decisión a las personas afectadas.',
  },
});

const at = (date: string) => new Date(`${date}T17:00:00Z`);
const statusOf: Record<Outcome, ActivityStatus> = {
  v: 'verified',
  d: 'done',
  p: 'in_progress',
  n: 'not_started',
  x: 'cancelled',
};

/** Nine commitments of the third plan (2020-2021), written in our own words from the public facts of the exercise. */
const thirdPlan: DemoCommitment[] = [
  {
    title: 'Señalización vial y educación vial en la cabecera de Tepehuanes',
    theme: 'Movilidad y seguridad vial',
    lead: 'Ayuntamiento de Tepehuanes',
    municipalities: ['10035'],
    partners: ['Colectivo Caminemos Tepehuanes'],
    others: ['Escuelas primarias de la cabecera municipal'],
    problem:
      'Las calles de la cabecera casi no tienen señales y los cruces escolares son peligrosos. Vecinos reportaron atropellos cerca de las escuelas.',
    baseline: 'En 2020 solo 4 de 31 cruces identificados por vecinos tenían algún señalamiento.',
    description:
      'Vecinos y autoridad eligen juntos los cruces más peligrosos, se señalizan y se da educación vial en las escuelas.',
    objective: 'Reducir el riesgo en los cruces escolares con señales decididas junto con la comunidad.',
    howItSolves: 'La comunidad señala dónde está el riesgo y revisa que las señales se pongan donde se acordó.',
    indicator: 'Cruces priorizados con señalamiento completo.',
    goal: '20 cruces señalizados y 6 escuelas con talleres de educación vial.',
    sdgs: [3, 11],
    startsOn: '2021-05-03',
    endsOn: '2021-12-15',
    milestones: [
      {
        title: 'Diagnóstico participativo de cruces peligrosos',
        deliverable: 'Mapa público de cruces priorizados, con la minuta de las asambleas vecinales.',
        weight: 1,
        start: '2021-05-03',
        end: '2021-06-30',
        activities: [
          { title: 'Asambleas vecinales en los cuatro barrios', start: '2021-05-03', end: '2021-05-31', outcome: 'v' },
          { title: 'Publicar el mapa de cruces priorizados', start: '2021-06-01', end: '2021-06-30', outcome: 'v' },
        ],
      },
      {
        title: 'Colocación de señalamientos',
        deliverable: 'Reporte fotográfico de cada cruce señalizado.',
        weight: 2,
        start: '2021-07-01',
        end: '2021-11-30',
        activities: [
          {
            title: 'Comprar y colocar señales en los primeros 10 cruces',
            start: '2021-07-01',
            end: '2021-09-30',
            outcome: 'd',
          },
          { title: 'Colocar señales en los 10 cruces restantes', start: '2021-10-01', end: '2021-11-30', outcome: 'p' },
        ],
      },
      {
        title: 'Talleres de educación vial en escuelas',
        deliverable: 'Listas de asistencia y materiales de los talleres.',
        weight: 1,
        start: '2021-09-01',
        end: '2021-12-15',
        activities: [
          { title: 'Talleres en seis escuelas primarias', start: '2021-09-01', end: '2021-12-15', outcome: 'n' },
        ],
      },
    ],
  },
  {
    title: 'Piloto de separación de residuos en la colonia El Dorado',
    theme: 'Medio ambiente',
    lead: 'Ayuntamiento de Gómez Palacio',
    municipalities: ['10007'],
    partners: ['Red Ciudadana por un Gómez Limpio', 'Comité Vecinal de El Dorado'],
    problem:
      'La basura se recoge revuelta y termina completa en el relleno sanitario. Nadie sabe cuánto podría reciclarse.',
    baseline: 'Sin separación en origen; no hay datos públicos sobre el volumen reciclable.',
    description:
      'Un piloto de recolección separada en una colonia, con rutas y horarios públicos y resultados abiertos cada mes.',
    objective: 'Probar con la comunidad un modelo de separación que pueda llevarse a toda la ciudad.',
    howItSolves: 'Da datos abiertos para decidir con evidencia si el modelo se extiende.',
    indicator: 'Porcentaje de hogares de la colonia que entregan residuos separados.',
    goal: '60 % de los hogares de El Dorado separando residuos al cierre del piloto.',
    sdgs: [11, 12],
    startsOn: '2021-05-10',
    endsOn: '2021-12-10',
    milestones: [
      {
        title: 'Rutas y horarios publicados',
        deliverable: 'Calendario de recolección separada publicado en datos abiertos.',
        weight: 1,
        start: '2021-05-10',
        end: '2021-06-15',
        activities: [
          { title: 'Diseñar rutas con el comité vecinal', start: '2021-05-10', end: '2021-05-31', outcome: 'v' },
          { title: 'Publicar el calendario en datos abiertos', start: '2021-06-01', end: '2021-06-15', outcome: 'v' },
        ],
      },
      {
        title: 'Recolección separada en marcha',
        deliverable: 'Reportes mensuales de toneladas por tipo de residuo.',
        weight: 3,
        start: '2021-06-16',
        end: '2021-12-10',
        activities: [
          { title: 'Entregar contenedores a los hogares', start: '2021-06-16', end: '2021-07-15', outcome: 'v' },
          { title: 'Publicar reportes mensuales de toneladas', start: '2021-07-16', end: '2021-12-10', outcome: 'p' },
        ],
      },
    ],
  },
  {
    title: 'Red de apoyo para la prevención del suicidio',
    theme: 'Salud mental',
    lead: 'Ayuntamiento de Gómez Palacio',
    municipalities: ['10007'],
    partners: ['Asociación Manos que Escuchan'],
    others: ['Universidad pública de la región lagunera'],
    problem: 'Las personas en crisis no saben a dónde acudir y los servicios de apoyo no se coordinan entre sí.',
    baseline: 'No existe un directorio público de servicios de apoyo emocional en el municipio.',
    description:
      'Una red de instituciones y organizaciones con directorio público, línea de ayuda y protocolos de canalización.',
    objective: 'Que cualquier persona encuentre apoyo oportuno y sepa a dónde acudir.',
    howItSolves: 'Coordina a quienes ya ayudan y pone la información al alcance de todas las personas.',
    indicator: 'Instituciones y organizaciones integradas a la red con protocolo firmado.',
    goal: '15 integrantes con protocolo firmado y directorio publicado.',
    sdgs: [3],
    startsOn: '2021-05-17',
    endsOn: '2021-11-30',
    milestones: [
      {
        title: 'Directorio público de servicios de apoyo',
        deliverable: 'Directorio publicado en el portal del ayuntamiento.',
        weight: 1,
        start: '2021-05-17',
        end: '2021-07-31',
        activities: [
          { title: 'Levantar el inventario de servicios', start: '2021-05-17', end: '2021-06-30', outcome: 'v' },
          { title: 'Publicar el directorio', start: '2021-07-01', end: '2021-07-31', outcome: 'd' },
        ],
      },
      {
        title: 'Protocolo de canalización firmado',
        deliverable: 'Protocolo firmado por los integrantes de la red.',
        weight: 1,
        start: '2021-08-01',
        end: '2021-11-30',
        activities: [
          {
            title: 'Mesas de trabajo para redactar el protocolo',
            start: '2021-08-01',
            end: '2021-09-30',
            outcome: 'p',
          },
          { title: 'Firma pública del protocolo', start: '2021-10-01', end: '2021-11-30', outcome: 'n' },
        ],
      },
    ],
  },
  {
    title: 'Prevención del delito con participación ciudadana',
    theme: 'Seguridad ciudadana',
    lead: 'Ayuntamiento de Durango',
    municipalities: ['10005'],
    partners: ['Observatorio Ciudadano de Seguridad de Durango'],
    problem: 'Los programas de prevención se deciden sin escuchar a las colonias y sus resultados no se publican.',
    baseline: 'No hay comités vecinales de prevención activos ni informes públicos de resultados.',
    description:
      'Comités vecinales que priorizan acciones de prevención y revisan sus resultados en reuniones abiertas.',
    objective: 'Que las colonias participen en decidir y evaluar la prevención del delito.',
    howItSolves: 'Abre la decisión y la rendición de cuentas de la prevención a quienes viven el problema.',
    indicator: 'Comités vecinales instalados que sesionan cada trimestre.',
    goal: '12 comités instalados con informe trimestral público.',
    sdgs: [16],
    startsOn: '2021-05-03',
    endsOn: '2021-12-17',
    milestones: [
      {
        title: 'Instalación de comités vecinales',
        deliverable: 'Actas de instalación de los comités.',
        weight: 1,
        start: '2021-05-03',
        end: '2021-08-31',
        activities: [
          { title: 'Convocar a las colonias prioritarias', start: '2021-05-03', end: '2021-06-15', outcome: 'v' },
          { title: 'Instalar los comités', start: '2021-06-16', end: '2021-08-31', outcome: 'd' },
        ],
      },
      {
        title: 'Informes trimestrales abiertos',
        deliverable: 'Informes publicados y minutas de las reuniones abiertas.',
        weight: 1,
        start: '2021-09-01',
        end: '2021-12-17',
        activities: [
          { title: 'Primer informe trimestral', start: '2021-09-01', end: '2021-10-15', outcome: 'n' },
          { title: 'Segundo informe trimestral', start: '2021-10-16', end: '2021-12-17', outcome: 'n' },
        ],
      },
    ],
  },
  {
    title: 'Conciencia ambiental en colonias y escuelas',
    theme: 'Medio ambiente',
    lead: 'Ayuntamiento de Durango',
    municipalities: ['10005'],
    partners: ['Colectivo Guardianes del Guadiana'],
    problem:
      'Hay poca información pública sobre el estado del arbolado y del agua, y la gente no sabe cómo participar en su cuidado.',
    baseline: 'El inventario de arbolado urbano no es público.',
    description: 'Publicar el inventario de arbolado y organizar jornadas de cuidado con escuelas y vecinos.',
    objective: 'Que las personas conozcan el estado de su entorno y participen en cuidarlo.',
    howItSolves: 'Combina información abierta con participación en acciones concretas.',
    indicator: 'Jornadas ambientales realizadas con registro público.',
    goal: 'Inventario publicado y 10 jornadas realizadas.',
    sdgs: [13, 15],
    startsOn: '2021-06-01',
    endsOn: '2021-11-30',
    milestones: [
      {
        title: 'Inventario de arbolado en datos abiertos',
        deliverable: 'Conjunto de datos del arbolado urbano publicado.',
        weight: 2,
        start: '2021-06-01',
        end: '2021-08-31',
        activities: [
          { title: 'Levantamiento en campo con voluntariado', start: '2021-06-01', end: '2021-07-31', outcome: 'v' },
          { title: 'Publicar el conjunto de datos', start: '2021-08-01', end: '2021-08-31', outcome: 'v' },
        ],
      },
      {
        title: 'Jornadas ambientales',
        deliverable: 'Registro fotográfico y listas de las jornadas.',
        weight: 1,
        start: '2021-09-01',
        end: '2021-11-30',
        activities: [
          { title: 'Diez jornadas en colonias y escuelas', start: '2021-09-01', end: '2021-11-30', outcome: 'v' },
        ],
      },
    ],
    status: 'completed',
  },
  {
    title: 'Trámites más simples para abrir un negocio',
    theme: 'Mejora regulatoria',
    lead: 'Ayuntamiento de Durango',
    municipalities: ['10005'],
    partners: ['Cámara ciudadana de pequeños comercios'],
    problem: 'Abrir un negocio pequeño exige muchas visitas a ventanillas distintas y los requisitos no están claros.',
    baseline: 'En 2020 abrir un negocio de bajo riesgo tomaba en promedio 28 días hábiles.',
    description:
      'Publicar en línea todos los requisitos, reducir pasos y dar seguimiento público a los tiempos de respuesta.',
    objective: 'Reducir el tiempo y los pasos para abrir un negocio de bajo riesgo.',
    howItSolves: 'La información clara y el seguimiento público quitan espacio a la discrecionalidad.',
    indicator: 'Días hábiles promedio para obtener la licencia de bajo riesgo.',
    goal: 'Bajar de 28 a 10 días hábiles.',
    sdgs: [8, 16],
    startsOn: '2021-05-03',
    endsOn: '2021-12-31',
    milestones: [
      {
        title: 'Catálogo público de requisitos',
        deliverable: 'Catálogo de trámites publicado en línea.',
        weight: 1,
        start: '2021-05-03',
        end: '2021-07-30',
        activities: [
          { title: 'Revisar los requisitos con comerciantes', start: '2021-05-03', end: '2021-06-30', outcome: 'v' },
          { title: 'Publicar el catálogo', start: '2021-07-01', end: '2021-07-30', outcome: 'p' },
        ],
      },
      {
        title: 'Tablero de tiempos de respuesta',
        deliverable: 'Tablero público con los tiempos de cada solicitud.',
        weight: 1,
        start: '2021-08-01',
        end: '2021-12-31',
        activities: [
          { title: 'Construir el tablero', start: '2021-08-01', end: '2021-10-31', outcome: 'n' },
          { title: 'Ventanilla única en línea', start: '2021-08-01', end: '2021-12-31', outcome: 'x' },
        ],
      },
    ],
  },
  {
    title: 'Recuperación de espacios públicos con las colonias',
    theme: 'Espacio público',
    lead: 'Ayuntamiento de Durango',
    municipalities: ['10005'],
    partners: ['Colectivo Barrios Vivos'],
    problem: 'Parques y plazas abandonados se vuelven inseguros y las colonias no participan en decidir su rescate.',
    baseline: 'Ningún rescate de espacio público se decidió en 2020 con participación vecinal.',
    description: 'Elegir con los vecinos cinco espacios a recuperar, diseñarlos juntos y vigilar la obra.',
    objective: 'Recuperar espacios públicos con diseño y seguimiento vecinal.',
    howItSolves: 'Los vecinos deciden qué se rescata y vigilan que se cumpla lo acordado.',
    indicator: 'Espacios recuperados con diseño aprobado por la comunidad.',
    goal: 'Cinco espacios recuperados.',
    sdgs: [11, 16],
    startsOn: '2021-05-03',
    endsOn: '2021-12-20',
    milestones: [
      {
        title: 'Selección participativa de espacios',
        deliverable: 'Resultados de la consulta vecinal.',
        weight: 1,
        start: '2021-05-03',
        end: '2021-06-30',
        activities: [
          { title: 'Consulta vecinal sobre los espacios', start: '2021-05-03', end: '2021-06-30', outcome: 'v' },
        ],
      },
      {
        title: 'Obras de recuperación',
        deliverable: 'Reportes de avance de obra con fotografías.',
        weight: 3,
        start: '2021-07-01',
        end: '2021-12-20',
        activities: [
          { title: 'Diseño participativo de los cinco espacios', start: '2021-07-01', end: '2021-08-31', outcome: 'd' },
          { title: 'Obras en los primeros tres espacios', start: '2021-09-01', end: '2021-11-30', outcome: 'p' },
          { title: 'Obras en los dos espacios restantes', start: '2021-10-01', end: '2021-12-20', outcome: 'n' },
        ],
      },
    ],
  },
  {
    title: 'Presupuesto municipal en datos abiertos en Tepehuanes',
    theme: 'Transparencia presupuestaria',
    lead: 'Ayuntamiento de Tepehuanes',
    municipalities: ['10035'],
    partners: ['Colectivo Caminemos Tepehuanes'],
    problem: 'El presupuesto del municipio solo se publica en documentos escaneados que no se pueden analizar.',
    baseline: 'El presupuesto 2021 se publicó como imagen en PDF.',
    description:
      'Publicar el presupuesto y su ejercicio trimestral en datos abiertos, con una versión ciudadana explicada.',
    objective: 'Que cualquier persona pueda consultar y analizar en qué se gasta el dinero del municipio.',
    howItSolves: 'Con datos abiertos la ciudadanía puede vigilar el gasto y preguntar con evidencia.',
    indicator: 'Informes trimestrales publicados en formato abierto.',
    goal: 'Presupuesto y tres informes trimestrales en CSV, con su versión ciudadana.',
    sdgs: [16],
    startsOn: '2021-06-01',
    endsOn: '2021-12-31',
    milestones: [
      {
        title: 'Presupuesto 2021 en formato abierto',
        deliverable: 'Archivo CSV del presupuesto con su diccionario de datos.',
        weight: 1,
        start: '2021-06-01',
        end: '2021-07-31',
        activities: [
          { title: 'Capturar el presupuesto en formato abierto', start: '2021-06-01', end: '2021-07-15', outcome: 'v' },
          { title: 'Publicar la versión ciudadana', start: '2021-07-16', end: '2021-07-31', outcome: 'p' },
        ],
      },
      {
        title: 'Informes trimestrales abiertos',
        deliverable: 'Tres informes trimestrales en CSV.',
        weight: 2,
        start: '2021-08-01',
        end: '2021-12-31',
        activities: [
          { title: 'Informe del segundo trimestre', start: '2021-08-01', end: '2021-08-31', outcome: 'n' },
          { title: 'Informe del tercer trimestre', start: '2021-10-01', end: '2021-10-31', outcome: 'n' },
        ],
      },
    ],
  },
  {
    title: 'Obra pública a la vista en Gómez Palacio',
    theme: 'Rendición de cuentas',
    lead: 'Ayuntamiento de Gómez Palacio',
    municipalities: ['10007'],
    partners: ['Red Ciudadana por un Gómez Limpio'],
    problem: 'Las personas no saben qué obras se hacen en su colonia, cuánto cuestan ni quién las construye.',
    baseline: 'La información de obra pública está dispersa en varios informes anuales.',
    description: 'Un mapa público de obras con costo, empresa, avance y fotografías, actualizado cada mes.',
    objective: 'Que la ciudadanía pueda vigilar las obras de su colonia.',
    howItSolves: 'La información de cada obra a la vista permite detectar retrasos y sobrecostos.',
    indicator: 'Obras del programa anual publicadas en el mapa con datos completos.',
    goal: '100 % de las obras del programa anual 2021 en el mapa.',
    sdgs: [9, 16],
    startsOn: '2021-06-01',
    endsOn: '2021-12-15',
    milestones: [
      {
        title: 'Mapa de obras publicado',
        deliverable: 'Mapa en línea con todas las obras del programa anual.',
        weight: 1,
        start: '2021-06-01',
        end: '2021-09-30',
        activities: [
          { title: 'Reunir los datos de cada obra', start: '2021-06-01', end: '2021-07-31', outcome: 'v' },
          { title: 'Publicar el mapa', start: '2021-08-01', end: '2021-09-30', outcome: 'v' },
        ],
      },
      {
        title: 'Actualización mensual con fotografías',
        deliverable: 'Bitácora mensual de actualizaciones del mapa.',
        weight: 1,
        start: '2021-10-01',
        end: '2021-12-15',
        activities: [{ title: 'Actualizar el mapa cada mes', start: '2021-10-01', end: '2021-12-15', outcome: 'p' }],
      },
    ],
  },
];

/** The second plan (2017-2019): eight commitments of the three branches of the state government, concluded. */
const secondPlan: { title: string; lead: string; status: CommitmentStatus }[] = [
  {
    title: 'Padrón de beneficiarios de programas sociales en datos abiertos',
    lead: 'Poder Ejecutivo del Estado de Durango',
    status: 'completed',
  },
  {
    title: 'Compras públicas estatales consultables en línea',
    lead: 'Poder Ejecutivo del Estado de Durango',
    status: 'completed',
  },
  {
    title: 'Consulta ciudadana sobre servicios de salud',
    lead: 'Poder Ejecutivo del Estado de Durango',
    status: 'partially_completed',
  },
  { title: 'Parlamento abierto para iniciativas de ley', lead: 'Congreso del Estado de Durango', status: 'completed' },
  {
    title: 'Asistencia y votaciones de cada diputación en datos abiertos',
    lead: 'Congreso del Estado de Durango',
    status: 'completed',
  },
  {
    title: 'Gasto de las comisiones legislativas publicado',
    lead: 'Congreso del Estado de Durango',
    status: 'partially_completed',
  },
  {
    title: 'Sentencias públicas en versión consultable',
    lead: 'Poder Judicial del Estado de Durango',
    status: 'completed',
  },
  {
    title: 'Lenguaje claro en los avisos a las partes',
    lead: 'Poder Judicial del Estado de Durango',
    status: 'completed',
  },
];

interface PlanSpec {
  exerciseSlug: string;
  /** Code of the Secretariat agreement that approved the plan and its commitments, when the demo has it. */
  approvalAgreementCode?: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  vision: string;
  status: PlanStatus;
  createdOn: string;
  commitments: DemoCommitment[];
}

/** The second plan's commitments in the template's shape: one deliverable each, of the branch that signed it. */
const secondPlanCommitments: DemoCommitment[] = secondPlan.map((c) => ({
  title: c.title,
  theme: 'Gobierno abierto estatal',
  lead: c.lead,
  municipalities: [],
  partners: [],
  problem: 'La información pública de la institución no estaba al alcance de la ciudadanía.',
  baseline: 'Información dispersa y en formatos cerrados en 2017.',
  description: c.title,
  objective: 'Abrir la información y la decisión de la institución a la ciudadanía.',
  howItSolves: 'Pone la información en formatos abiertos y crea espacios de participación.',
  indicator: 'Entregable publicado en el portal de la institución.',
  goal: 'Entregable publicado antes del cierre del plan.',
  sdgs: [16],
  startsOn: '2017-11-01',
  endsOn: '2019-12-31',
  status: c.status,
  milestones: [
    {
      title: 'Entregable del compromiso',
      deliverable: 'Publicación del resultado en el portal de la institución.',
      weight: 1,
      start: '2018-01-08',
      end: '2019-11-29',
      activities: [
        { title: 'Diseño y acuerdo con la sociedad civil', start: '2018-01-08', end: '2018-08-31', outcome: 'v' },
        {
          title: 'Publicación y seguimiento',
          start: '2018-09-03',
          end: '2019-11-29',
          outcome: c.status === 'completed' ? 'v' : 'p',
        },
      ],
    },
  ],
}));

const plans: PlanSpec[] = [
  {
    exerciseSlug: demoExerciseSlugs.third,
    approvalAgreementCode: 'STL-2021-ORD-04-01',
    title: 'Tercer Plan de Acción Local de Gobierno Abierto de Durango 2020-2021',
    periodStart: '2021-05-03',
    periodEnd: '2021-12-31',
    vision:
      'Gobiernos municipales que deciden con su gente: información pública útil, participación en las decisiones que afectan a cada colonia y cuentas claras sobre lo que se prometió.',
    status: 'in_implementation',
    createdOn: '2021-04-30',
    commitments: thirdPlan,
  },
  {
    exerciseSlug: demoExerciseSlugs.second,
    title: 'Segundo Plan de Acción Local de Gobierno Abierto de Durango 2017-2019',
    periodStart: '2017-11-01',
    periodEnd: '2019-12-31',
    vision: 'Los tres poderes del estado abren su información y sus decisiones a la ciudadanía.',
    status: 'concluded',
    createdOn: '2017-10-31',
    commitments: secondPlanCommitments,
  },
];

/** An activity's status on a given day of the demo's history. */
function statusOn(a: DemoActivity, day: string): ActivityStatus {
  if (a.outcome === 'n' || day < a.start) return 'not_started';
  if (a.outcome === 'x') return 'cancelled';
  if (a.outcome === 'p' || day < a.end) return 'in_progress';
  return statusOf[a.outcome];
}

/** A commitment's progress on a given day, by the public formula. */
const progressOn = (c: DemoCommitment, day: string) =>
  commitmentProgress(
    c.milestones.map((m) => ({
      weight: m.weight,
      isCancelled: false,
      progress: milestoneProgress(m.activities.map((a) => ({ status: statusOn(a, day) }))),
    })),
  );

/** The days on which something happened to a commitment (starts, ends, cancellations), in order. */
const eventDays = (c: DemoCommitment) =>
  [
    ...new Set(
      c.milestones.flatMap((m) =>
        m.activities.flatMap((a) =>
          a.outcome === 'n' ? [] : a.outcome === 'p' || a.outcome === 'x' ? [a.start] : [a.start, a.end],
        ),
      ),
    ),
  ].sort();

/**
 * The demo's plans: the third exercise's plan in implementation (nine commitments with milestones and activities in
 * several states, some late, evidence as links) and the second exercise's concluded plan (eight commitments of the
 * executive, legislative and judicial branches). Rows are written in bulk (the demo loads at every first start and
 * for every test file), with the figures and the progress history computed by the same public formula, and a
 * change-log entry for every record. The third plan and its commitments refer to the Secretariat agreement that
 * approved them (STL-2021-ORD-04-01, seeded by the Secretariat's demo, which comes first).
 */
/** The seed acts as the portal itself. */
const portal = systemActor(SYSTEM_ACTOR_LABEL);

async function seedPlans(tx: Db) {
  const slugs = plans.map((p) => p.exerciseSlug);
  const found = await tx
    .select({ id: exercises.id, slug: exercises.slug })
    .from(exercises)
    .where(inArray(exercises.slug, slugs));
  const directory = new Map(
    (await tx.select({ id: institutions.id, name: institutions.name }).from(institutions)).map((i) => [i.name, i.id]),
  );
  const entries: ChangeEntry[] = [];
  const log = async (recordType: string, after: { id: string }, day: string) => {
    entries.push({
      actor: changeActorOf(portal),
      recordType,
      recordId: after.id,
      action: 'create',
      after,
      occurredAt: at(day),
    });
  };
  let evidenceNumber = 0;
  const approvals = new Map(
    (await tx.select({ id: agreements.id, code: agreements.code }).from(agreements)).map((a) => [a.code, a.id]),
  );

  for (const spec of plans) {
    const exercise = found.find((e) => e.slug === spec.exerciseSlug);
    if (!exercise) continue;
    for (const c of spec.commitments) {
      for (const name of c.partners) {
        if (!directory.has(name))
          directory.set(
            name,
            (
              await createInstitution(
                tx,
                {
                  name,
                  kind: 'civil_society_org',
                  isGovernment: false,
                  ...(c.municipalities[0] ? { municipalityCvegeo: c.municipalities[0] } : {}),
                },
                portal,
              )
            ).id,
          );
      }
    }
    const today = '9999-12-31';
    const finalProgress = spec.commitments.map((c) => progressOn(c, today));
    const statuses = spec.commitments.map((c): CommitmentStatus => c.status ?? 'in_implementation');
    const [plan] = await tx
      .insert(actionPlans)
      .values({
        exerciseId: exercise.id,
        title: spec.title,
        periodStart: spec.periodStart,
        periodEnd: spec.periodEnd,
        strategicVision: spec.vision,
        status: spec.status,
        approvalAgreementId: spec.approvalAgreementCode ? (approvals.get(spec.approvalAgreementCode) ?? null) : null,
        progress: planProgress(spec.commitments.map((_, i) => ({ status: statuses[i]!, progress: finalProgress[i]! }))),
      })
      .returning();
    await log('action_plan', plan!, spec.createdOn);

    const rows = await tx
      .insert(commitments)
      .values(
        spec.commitments.map((c, i) => {
          const stones = c.milestones.map((m) => ({
            openDue: milestoneOpenDue(
              { plannedEnd: m.end, isCancelled: false },
              m.activities.map((a) => ({ status: statusOf[a.outcome], plannedEnd: a.end })),
            ),
          }));
          const leadInstitutionId = directory.get(c.lead)!;
          return {
            planId: plan!.id,
            approvalAgreementId: plan!.approvalAgreementId,
            number: i + 1,
            title: c.title,
            theme: c.theme,
            publicProblem: c.problem,
            baseline: c.baseline,
            causes:
              'Falta de información pública ordenada y de espacios para que las personas afectadas participen en la decisión.',
            description: c.description,
            objective: c.objective,
            howItSolves: c.howItSolves,
            ogpValues: {
              access_to_information: {
                relevant: true,
                justification: 'Publica información que antes no estaba al alcance de las personas.',
              },
              civic_participation: {
                relevant: true,
                justification: 'Las personas afectadas participan en decidir y en dar seguimiento.',
              },
              public_accountability: {
                relevant: true,
                justification: 'El avance se informa en público y puede verificarse.',
              },
              technology_innovation: { relevant: false, justification: '' },
            },
            indicator: c.indicator,
            goal: c.goal,
            assumptions:
              'Que el presupuesto asignado se mantenga durante el año y que las organizaciones sigan participando.',
            alignmentStatePlan: 'Eje de gobierno abierto, honesto y cercano a la gente.',
            alignmentSdgs: c.sdgs,
            alignmentGender:
              'Las actividades se convocan en horarios que permitan participar a mujeres con tareas de cuidado.',
            smart: smartFor(c),
            leadInstitutionId,
            contacts: [{ name: 'Unidad de Transparencia', institution: c.lead }],
            startsOn: c.startsOn,
            endsOn: c.endsOn,
            status: statuses[i]!,
            progress: finalProgress[i]!,
            openDueOn: commitmentOpenDue(
              { endsOn: c.endsOn, status: statuses[i]!, progress: finalProgress[i]! },
              stones,
            ),
          };
        }),
      )
      .returning();
    for (const row of rows) await log('commitment', row, spec.createdOn);

    const places = spec.commitments.flatMap((c, i) =>
      c.municipalities.map((cvegeo) => ({ commitmentId: rows[i]!.id, cvegeo })),
    );
    if (places.length) await tx.insert(commitmentMunicipalities).values(places);
    const partners = spec.commitments.flatMap((c, i) => [
      ...c.partners.map((name, position) => ({
        commitmentId: rows[i]!.id,
        role: 'co_responsible' as const,
        institutionId: directory.get(name)!,
        position,
      })),
      ...(c.others ?? []).map((name, position) => ({
        commitmentId: rows[i]!.id,
        role: 'other_actor' as const,
        name,
        position: 100 + position,
      })),
    ]);
    if (partners.length) await tx.insert(commitmentPartners).values(partners);

    const stoneSpecs = spec.commitments.flatMap((c, i) =>
      c.milestones.map((m, position) => ({ c, m, commitmentId: rows[i]!.id, position: position + 1 })),
    );
    const stoneRows = await tx
      .insert(milestones)
      .values(
        stoneSpecs.map(({ c, m, commitmentId, position }) => ({
          commitmentId,
          position,
          title: m.title,
          deliverable: m.deliverable,
          responsibleInstitutionId: directory.get(c.lead)!,
          plannedStart: m.start,
          plannedEnd: m.end,
          weight: m.weight,
          progress: milestoneProgress(m.activities.map((a) => ({ status: statusOf[a.outcome] }))),
          openDueOn: milestoneOpenDue(
            { plannedEnd: m.end, isCancelled: false },
            m.activities.map((a) => ({ status: statusOf[a.outcome], plannedEnd: a.end })),
          ),
        })),
      )
      .returning();
    for (const row of stoneRows) await log('milestone', row, spec.createdOn);

    const stepSpecs = stoneSpecs.flatMap(({ c, m }, i) =>
      m.activities.map((a, position) => ({ c, a, milestoneId: stoneRows[i]!.id, position: position + 1 })),
    );
    const stepRows = await tx
      .insert(activities)
      .values(
        stepSpecs.map(({ c, a, milestoneId, position }) => ({
          milestoneId,
          position,
          title: a.title,
          responsibleInstitutionId: directory.get(c.lead)!,
          plannedStart: a.start,
          plannedEnd: a.end,
          status: statusOf[a.outcome],
          actualStart: a.outcome === 'n' || a.outcome === 'x' ? null : a.start,
          actualEnd: a.outcome === 'v' || a.outcome === 'd' ? a.end : null,
          closingNote:
            a.outcome === 'v' || a.outcome === 'd'
              ? `Se concluyó «${a.title}». La evidencia queda publicada para su revisión.`
              : null,
          cancellationReason:
            a.outcome === 'x'
              ? 'El Secretariado acordó sustituirla por el tablero público, que ya cubre su propósito.'
              : null,
          verifiedAt: a.outcome === 'v' ? at(a.end) : null,
        })),
      )
      .returning();
    for (const row of stepRows) await log('activity', row, spec.createdOn);
    await refreshActivityStats(tx, { planId: plan!.id });

    const proofs = stepSpecs.flatMap(({ a }, i) =>
      a.outcome === 'v' || a.outcome === 'd'
        ? [
            {
              activityId: stepRows[i]!.id,
              description: `Reporte de la actividad «${a.title}»`,
              url: `https://example.org/evidencias/pal/${(evidenceNumber += 1)}`,
              status: a.outcome === 'v' ? ('accepted' as const) : ('submitted' as const),
            },
          ]
        : [],
    );
    if (proofs.length) await tx.insert(evidence).values(proofs);

    const days = [...new Set(spec.commitments.flatMap(eventDays))].sort();
    const series: (typeof progressSnapshots.$inferInsert)[] = spec.commitments.flatMap((c, i) => {
      let last = -1;
      return [spec.createdOn, ...eventDays(c)].flatMap((day) => {
        const value = progressOn(c, day);
        if (value === last) return [];
        last = value;
        return [{ scope: 'commitment' as const, scopeId: rows[i]!.id, progress: value, recordedAt: at(day) }];
      });
    });
    let lastPlan = -1;
    for (const day of [spec.createdOn, ...days]) {
      const value = planProgress(
        spec.commitments.map((c, i) => ({ status: statuses[i]!, progress: progressOn(c, day) })),
      );
      if (value !== lastPlan)
        series.push({ scope: 'plan' as const, scopeId: plan!.id, progress: value, recordedAt: at(day) });
      lastPlan = value;
    }
    await tx.insert(progressSnapshots).values(series);
  }
  await appendChanges(tx, entries);
}

const third = `/ejercicios/${demoExerciseSlugs.third}`;
const second = `/ejercicios/${demoExerciseSlugs.second}`;

export const planDemo: DemoContribution = {
  seed: (tx) => seedPlans(tx),
  pages: [
    `${third}/plan`,
    `${third}/plan/compromisos/1`,
    `${third}/plan/compromisos/1/historial`,
    `${third}/plan/calendario`,
    `${third}/plan/atrasos`,
    `${third}/plan/atrasos?tipo=actividades`,
    `${second}/plan`,
    `${second}/plan/compromisos/1`,
    '/buscar',
    `${third}/plan/imprimir`,
  ],
};
