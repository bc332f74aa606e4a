import { defineMessages } from '../../../web/i18n/define-messages.js';
import type { KeysOf } from '../../../web/i18n/catalog.js';

/** The results report of an exercise (its document, versions and authors' page) and the process indicators. */
export const evaluationReportMessages = defineMessages(
  {
    'evaluationReport.title': 'Informe de resultados',
    'evaluationReport.crumb': 'Informe de resultados',
    'evaluationReport.preview': 'Vista previa: así quedaría el informe si se publicara hoy. Todavía no es público.',
    'evaluationReport.asOf': 'Cifras al {date}.',
    'evaluationReport.empty': 'Sin texto.',
    'evaluationReport.noPlan': 'Este ejercicio todavía no tiene un plan de acción público.',
    'evaluationReport.unpublished':
      'El informe de resultados de este ejercicio todavía no se publica. Mientras tanto, los resultados de cada compromiso están en la página de resultados del plan.',
    'evaluationReport.version': 'Versión',
    'evaluationReport.version.number': 'Versión {version}, publicada el {date}',
    'evaluationReport.version.hash': 'Huella SHA-256 de la fuente',
    'evaluationReport.version.source': 'Fuente de esta versión',
    'evaluationReport.version.download': 'Descargar la fuente (JSON)',
    'evaluationReport.versions': 'Versiones publicadas',
    'evaluationReport.versions.lead':
      'Cada versión publicada se conserva tal como se publicó, en su propia dirección. Su fuente es un archivo JSON cuya huella SHA-256 es la que guarda el historial de cambios del portal: quien lo descargue puede comprobar que no cambió.',
    'evaluationReport.versions.none': 'Todavía no hay versiones publicadas.',
    'evaluationReport.versions.caption': 'Versiones del informe de resultados: {exercise}',
    'evaluationReport.versions.publishedAt': 'Publicada',
    'evaluationReport.versions.read': 'Leer la versión {version}',
    'evaluationReport.versions.shown': 'Versión {version} (la que lees)',
    'evaluationReport.versions.download': 'Fuente de la versión {version} (JSON)',
    'evaluationReport.versions.older': 'Esta es la versión {version}. La más reciente es la versión {latest}.',

    'evaluationReport.summary': 'Resumen',
    'evaluationReport.summary.figures': 'Las cifras del plan',
    'evaluationReport.summary.commitments': '{plan}: {count} compromisos.',
    'evaluationReport.summary.method': 'Se evaluaron con el {method}.',
    'evaluationReport.summary.highCompletion': 'Con cumplimiento sustancial o completo: {count}.',
    'evaluationReport.summary.strongResults':
      'Que contribuyeron significativa o excepcionalmente a abrir el gobierno: {count}.',
    'evaluationReport.summary.starred': 'Compromisos estelares (calculado): {count}.',
    'evaluationReport.summary.promising': 'Compromisos prometedores: {count}.',
    'evaluationReport.summary.notVerifiable': 'No verificables, por eso no revisables: {count}.',
    'evaluationReport.summary.disagreements':
      'Con desacuerdo entre lo que declaró el gobierno y lo que se evaluó: {count}.',
    'evaluationReport.summary.completionCaption': 'Compromisos por nivel de cumplimiento',
    'evaluationReport.summary.openedCaption': 'Compromisos según si contribuyeron a abrir el gobierno',

    'evaluationReport.process': 'El proceso',
    'evaluationReport.process.lead':
      'Lo que el portal registró del ejercicio: quiénes se sumaron, cómo sesionó el Secretariado Técnico y qué respuesta recibieron las aportaciones. Solo cifras agregadas; ningún dato de personas.',
    'evaluationReport.process.signUps': 'Personas que se sumaron a la convocatoria',
    'evaluationReport.process.signUps.total': 'Inscripciones confirmadas o aceptadas: {count}.',
    'evaluationReport.process.signUps.bySector': 'Inscripciones por sector',
    'evaluationReport.process.signUps.byMunicipality': 'Inscripciones por municipio de residencia ({count} municipios)',
    'evaluationReport.process.signUps.aggregate': 'Cifras agregadas: no identifican a ninguna persona.',
    'evaluationReport.process.sector': 'Sector',
    'evaluationReport.process.municipality': 'Municipio',
    'evaluationReport.process.people': 'Personas',
    'evaluationReport.process.secretariat': 'El Secretariado Técnico',
    'evaluationReport.process.noSecretariat': 'El portal no tiene registro del Secretariado Técnico de este ejercicio.',
    'evaluationReport.process.installedOn': 'Instalación',
    'evaluationReport.process.sessionsHeld': 'Sesiones celebradas',
    'evaluationReport.process.sessionsHeld.formula':
      'Sesiones con estado «celebrada» o «acta aprobada»; no cuentan las canceladas ni las que no tuvieron quórum.',
    'evaluationReport.process.quorumRate': 'Tasa de quórum',
    'evaluationReport.process.quorumRate.formula':
      'Fórmula: sesiones en las que la asistencia registrada alcanzó el quórum ÷ sesiones con asistencia registrada.',
    'evaluationReport.process.agreementsFulfilled': 'Acuerdos cumplidos',
    'evaluationReport.process.agreementsFulfilled.formula':
      'Fórmula: acuerdos aprobados con estado «cumplido» ÷ acuerdos aprobados que no se cancelaron ({cancelled} cancelados).',
    'evaluationReport.process.indicators': 'Indicadores del proceso',
    'evaluationReport.process.asOf': 'Indicadores calculados al {date} con los datos del portal.',
    'evaluationReport.indicator.flag': 'Alerta',
    'evaluationReport.indicator.days': '{days} días',
    'evaluationReport.indicator.inputsAnswered': 'Aportaciones con respuesta razonada',
    'evaluationReport.indicator.inputsAnswered.formula':
      'Fórmula: problemas y propuestas con al menos una respuesta razonada ÷ problemas y propuestas recibidos.',
    'evaluationReport.indicator.noInputs': 'El portal no recibió aportaciones en este ejercicio.',
    'evaluationReport.indicator.medianDays': 'Mediana de días para responder',
    'evaluationReport.indicator.medianDays.formula':
      'Fórmula: la mediana, entre las aportaciones respondidas, de los días entre su envío y su primera respuesta razonada.',
    'evaluationReport.indicator.sessionGap': 'Mayor intervalo entre sesiones del Secretariado',
    'evaluationReport.indicator.sessionGap.value': '{days} días, del {from} al {to}',
    'evaluationReport.indicator.sessionGap.open': '{days} días, del {from} (última sesión) al {to}',
    'evaluationReport.indicator.sessionGap.flag': 'Más de seis meses sin sesionar.',
    'evaluationReport.indicator.sessionGap.formula':
      'Fórmula: el mayor número de días entre una sesión celebrada y la siguiente, contando la última hasta hoy o hasta el fin del ejercicio si es antes. Alerta si pasa de 183 días (seis meses).',
    'evaluationReport.indicator.noSessions': 'Sin sesiones celebradas registradas.',
    'evaluationReport.indicator.portal': 'Días desde la última actualización pública del portal',
    'evaluationReport.indicator.portal.value': '{days} días (última actualización: {date})',
    'evaluationReport.indicator.portal.flag': 'Más de cuatro meses sin actualizar.',
    'evaluationReport.indicator.portal.formula':
      'Fórmula: días entre el último cambio registrado en el historial público del portal y hoy. Alerta si pasa de 120 días (cuatro meses).',

    'evaluationReport.indicators.title': 'Indicadores del proceso',
    'evaluationReport.indicators.crumb': 'Indicadores del proceso',
    'evaluationReport.indicators.lead':
      'Calculados hoy con lo que registró el portal, cada uno con su fórmula. Una alerta señala lo que los estándares de gobierno abierto piden vigilar: un Secretariado que deja de sesionar o un portal que deja de actualizarse.',
    'evaluationReport.indicators.report': 'Ver el informe de resultados del ejercicio',
    'evaluationReport.commitments': 'Los compromisos',
    'evaluationReport.commitment.reported': 'entregado el {date}, con un avance calculado de {progress}',
    'evaluationReport.commitment.progressAt': 'Avance calculado al evaluar',
    'evaluationReport.lessons': 'Lecciones aprendidas',
    'evaluationReport.lessons.none': 'Todavía no se registran lecciones de este ejercicio.',
    'evaluationReport.lesson': 'Lección {number}: {theme}',
    'evaluationReport.conclusions': 'Conclusiones',
    'evaluationReport.annex': 'Anexo: todos los compromisos',
    'evaluationReport.annex.caption': 'Cada compromiso: lo declarado, el avance calculado y la evaluación',

    'evaluationReport.staff.crumb': 'Informe de resultados',
    'evaluationReport.staff.title': 'Informe de resultados: {exercise}',
    'evaluationReport.staff.lead':
      'El portal genera el informe con lo registrado: las cifras del plan, el proceso, cada compromiso, las lecciones y el anexo. Aquí se escriben la introducción y las conclusiones. Publicar congela una versión; lo que se edite después se publica como una versión nueva y las anteriores siguen a la mano.',
    'evaluationReport.staff.texts': 'Los textos del informe',
    'evaluationReport.staff.summary': 'Introducción del resumen',
    'evaluationReport.staff.summary.hint': 'Qué fue el ejercicio y qué dicen sus resultados, en pocas líneas.',
    'evaluationReport.staff.conclusions': 'Conclusiones',
    'evaluationReport.staff.conclusions.hint': 'Lo que el ejercicio deja y lo que conviene para el siguiente.',
    'evaluationReport.staff.save': 'Guardar los textos',
    'evaluationReport.staff.preview': 'Ver la vista previa del informe',
    'evaluationReport.staff.previewCrumb': 'Vista previa',
    'evaluationReport.staff.publish': 'Publicar una versión',
    'evaluationReport.staff.publish.lead':
      'Se publica el informe tal como está hoy. Queda fija, con su número de versión y su huella SHA-256 en el historial de cambios.',
    'evaluationReport.staff.publish.submit': 'Publicar el informe',
    'evaluationReport.staff.public': 'Ver el informe publicado',
    'evaluationReport.notice.texts':
      'Los textos quedaron guardados. Todavía no son públicos: se publican con el informe.',
    'evaluationReport.notice.published': 'El informe quedó publicado como una versión nueva.',
    'evaluationReport.problem.unchanged':
      'La versión más reciente ya tiene exactamente este informe: no hay nada nuevo que publicar.',
    'evaluationReport.problem.noPlan': 'Sin un plan de acción público no hay informe que publicar.',
    'evaluationReport.error.summary.tooLong': 'La introducción es muy larga (20,000 caracteres como máximo).',
    'evaluationReport.error.conclusions.tooLong': 'Las conclusiones son muy largas (20,000 caracteres como máximo).',
  },
  {
    'evaluationReport.title': 'Results report',
    'evaluationReport.crumb': 'Results report',
    'evaluationReport.preview': 'Preview: the report as it would be published today. It is not public yet.',
    'evaluationReport.asOf': 'Figures as of {date}.',
    'evaluationReport.empty': 'No text.',
    'evaluationReport.noPlan': 'This exercise does not have a public action plan yet.',
    'evaluationReport.unpublished':
      'The results report of this exercise is not published yet. Meanwhile, each commitment’s results are on the plan’s results page.',
    'evaluationReport.version': 'Version',
    'evaluationReport.version.number': 'Version {version}, published on {date}',
    'evaluationReport.version.hash': 'SHA-256 fingerprint of the source',
    'evaluationReport.version.source': 'Source of this version',
    'evaluationReport.version.download': 'Download the source (JSON)',
    'evaluationReport.versions': 'Published versions',
    'evaluationReport.versions.lead':
      'Each published version is kept as it was published, at its own address. Its source is a JSON file whose SHA-256 fingerprint is the one the portal’s change log keeps: whoever downloads it can check that it has not changed.',
    'evaluationReport.versions.none': 'No version has been published yet.',
    'evaluationReport.versions.caption': 'Versions of the results report: {exercise}',
    'evaluationReport.versions.publishedAt': 'Published',
    'evaluationReport.versions.read': 'Read version {version}',
    'evaluationReport.versions.shown': 'Version {version} (the one you are reading)',
    'evaluationReport.versions.download': 'Source of version {version} (JSON)',
    'evaluationReport.versions.older': 'This is version {version}. The latest is version {latest}.',

    'evaluationReport.summary': 'Summary',
    'evaluationReport.summary.figures': 'The plan in figures',
    'evaluationReport.summary.commitments': '{plan}: {count} commitments.',
    'evaluationReport.summary.method': 'They were assessed with the {method}.',
    'evaluationReport.summary.highCompletion': 'With substantial or complete completion: {count}.',
    'evaluationReport.summary.strongResults': 'That opened government in a major or outstanding way: {count}.',
    'evaluationReport.summary.starred': 'Starred commitments (computed): {count}.',
    'evaluationReport.summary.promising': 'Promising commitments: {count}.',
    'evaluationReport.summary.notVerifiable': 'Not verifiable, so not reviewed further: {count}.',
    'evaluationReport.summary.disagreements':
      'With a disagreement between what the government declared and what was assessed: {count}.',
    'evaluationReport.summary.completionCaption': 'Commitments by completion',
    'evaluationReport.summary.openedCaption': 'Commitments by whether they opened government',

    'evaluationReport.process': 'The process',
    'evaluationReport.process.lead':
      'What the portal recorded of the exercise: who joined, how the Local Technical Secretariat met and what answer the inputs received. Aggregate figures only; no data about people.',
    'evaluationReport.process.signUps': 'People who joined the call',
    'evaluationReport.process.signUps.total': 'Confirmed or accepted sign-ups: {count}.',
    'evaluationReport.process.signUps.bySector': 'Sign-ups by sector',
    'evaluationReport.process.signUps.byMunicipality': 'Sign-ups by municipality of residence ({count} municipalities)',
    'evaluationReport.process.signUps.aggregate': 'Aggregate figures: they identify nobody.',
    'evaluationReport.process.sector': 'Sector',
    'evaluationReport.process.municipality': 'Municipality',
    'evaluationReport.process.people': 'People',
    'evaluationReport.process.secretariat': 'The Secretariat',
    'evaluationReport.process.noSecretariat': 'The portal has no record of this exercise’s Secretariat.',
    'evaluationReport.process.installedOn': 'Installed',
    'evaluationReport.process.sessionsHeld': 'Sessions held',
    'evaluationReport.process.sessionsHeld.formula':
      'Sessions whose status is “held” or “minutes approved”; cancelled sessions and sessions without a quorum do not count.',
    'evaluationReport.process.quorumRate': 'Quorum rate',
    'evaluationReport.process.quorumRate.formula':
      'Formula: sessions whose recorded attendance reached the quorum ÷ sessions with attendance recorded.',
    'evaluationReport.process.agreementsFulfilled': 'Agreements fulfilled',
    'evaluationReport.process.agreementsFulfilled.formula':
      'Formula: approved agreements whose status is “fulfilled” ÷ approved agreements not cancelled ({cancelled} cancelled).',
    'evaluationReport.process.indicators': 'Process indicators',
    'evaluationReport.process.asOf': 'Indicators computed on {date} from the portal’s data.',
    'evaluationReport.indicator.flag': 'Alert',
    'evaluationReport.indicator.days': '{days} days',
    'evaluationReport.indicator.inputsAnswered': 'Inputs with a reasoned response',
    'evaluationReport.indicator.inputsAnswered.formula':
      'Formula: problems and proposals with at least one reasoned response ÷ problems and proposals received.',
    'evaluationReport.indicator.noInputs': 'The portal received no inputs in this exercise.',
    'evaluationReport.indicator.medianDays': 'Median days to answer',
    'evaluationReport.indicator.medianDays.formula':
      'Formula: the median, among the inputs answered, of the days between their submission and their first reasoned response.',
    'evaluationReport.indicator.sessionGap': 'Longest gap between Secretariat sessions',
    'evaluationReport.indicator.sessionGap.value': '{days} days, from {from} to {to}',
    'evaluationReport.indicator.sessionGap.open': '{days} days, from {from} (the last session) to {to}',
    'evaluationReport.indicator.sessionGap.flag': 'More than six months without a session.',
    'evaluationReport.indicator.sessionGap.formula':
      'Formula: the largest number of days between one session held and the next, counting the last one up to today, or up to the end of the exercise when that is earlier. Alert over 183 days (six months).',
    'evaluationReport.indicator.noSessions': 'No session held on record.',
    'evaluationReport.indicator.portal': 'Days since the portal’s last public update',
    'evaluationReport.indicator.portal.value': '{days} days (last update: {date})',
    'evaluationReport.indicator.portal.flag': 'More than four months without an update.',
    'evaluationReport.indicator.portal.formula':
      'Formula: days between the latest change in the portal’s public change log and today. Alert over 120 days (four months).',

    'evaluationReport.indicators.title': 'Process indicators',
    'evaluationReport.indicators.crumb': 'Process indicators',
    'evaluationReport.indicators.lead':
      'Computed today from what the portal recorded, each with its formula. An alert points at what the open-government standards ask to watch: a Secretariat that stops meeting or a portal that stops being updated.',
    'evaluationReport.indicators.report': 'See the exercise’s results report',
    'evaluationReport.commitments': 'The commitments',
    'evaluationReport.commitment.reported': 'filed on {date}, with a computed progress of {progress}',
    'evaluationReport.commitment.progressAt': 'Computed progress when assessed',
    'evaluationReport.lessons': 'Lessons learned',
    'evaluationReport.lessons.none': 'No lesson of this exercise has been recorded yet.',
    'evaluationReport.lesson': 'Lesson {number}: {theme}',
    'evaluationReport.conclusions': 'Conclusions',
    'evaluationReport.annex': 'Annex: every commitment',
    'evaluationReport.annex.caption': 'Each commitment: what was declared, the computed progress and the assessment',

    'evaluationReport.staff.crumb': 'Results report',
    'evaluationReport.staff.title': 'Results report: {exercise}',
    'evaluationReport.staff.lead':
      'The portal generates the report from what it holds: the plan’s figures, the process, each commitment, the lessons and the annex. Here you write the introduction and the conclusions. Publishing freezes a version; what is edited later is published as a new version and the earlier ones stay available.',
    'evaluationReport.staff.texts': 'The report’s texts',
    'evaluationReport.staff.summary': 'Introduction of the summary',
    'evaluationReport.staff.summary.hint': 'What the exercise was and what its results say, in a few lines.',
    'evaluationReport.staff.conclusions': 'Conclusions',
    'evaluationReport.staff.conclusions.hint': 'What the exercise leaves behind and what the next one should do.',
    'evaluationReport.staff.save': 'Save the texts',
    'evaluationReport.staff.preview': 'See the report’s preview',
    'evaluationReport.staff.previewCrumb': 'Preview',
    'evaluationReport.staff.publish': 'Publish a version',
    'evaluationReport.staff.publish.lead':
      'The report is published as it stands today. It is fixed, with its version number and its SHA-256 fingerprint in the change log.',
    'evaluationReport.staff.publish.submit': 'Publish the report',
    'evaluationReport.staff.public': 'See the published report',
    'evaluationReport.notice.texts':
      'The texts were saved. They are not public yet: they are published with the report.',
    'evaluationReport.notice.published': 'The report was published as a new version.',
    'evaluationReport.problem.unchanged':
      'The latest version already holds exactly this report: there is nothing new to publish.',
    'evaluationReport.problem.noPlan': 'Without a public action plan there is no report to publish.',
    'evaluationReport.error.summary.tooLong': 'The introduction is too long (20,000 characters at most).',
    'evaluationReport.error.conclusions.tooLong': 'The conclusions are too long (20,000 characters at most).',
  },
);

declare module '../../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof evaluationReportMessages> {}
}
