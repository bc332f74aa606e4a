import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

/** Texts of the pages for residents: how to take part, what is done in each municipality, the next session. */
export const siteMessages = defineMessages(
  {
    'site.participate.title': '¿Cómo participo?',
    'site.participate.lead':
      'Un ejercicio de gobierno abierto tiene etapas, y en cada una hay algo que puedes hacer. No necesitas ser experta ni pertenecer a una organización.',
    'site.participate.now': 'Ahora mismo, en {exercise}: {phase}',
    'site.participate.call.title': '1. La convocatoria: súmate',
    'site.participate.call.body':
      'Cuando la convocatoria está abierta, cualquier persona, organización, institución académica o empresa de la entidad puede inscribirse en línea, por escrito y a título honorario. Recibirás un correo para confirmar tu inscripción y te avisaremos de cada paso.',
    'site.participate.call.link': 'Leer la convocatoria',
    'site.participate.diagnosis.title': '2. Diagnóstico: nombra los problemas',
    'site.participate.diagnosis.body':
      'Propón un problema público que vivas en tu comunidad, con datos o evidencia si los tienes, o apoya uno que ya alguien propuso. Cada propuesta recibe una respuesta con sus razones.',
    'site.participate.diagnosis.link': 'Ver los problemas propuestos',
    'site.participate.cocreation.title': '3. Co-creación: construye las soluciones',
    'site.participate.cocreation.body':
      'En las mesas de co-creación, sociedad civil y autoridades convierten los problemas elegidos en propuestas. Puedes inscribirte en una mesa, pedir intérprete o ajustes de accesibilidad, y ver lo que salió de cada una.',
    'site.participate.implementation.title': '4. Implementación: sigue los compromisos',
    'site.participate.implementation.body':
      'Cada compromiso del Plan de Acción Local tiene hitos, actividades y evidencia pública. Sigue un compromiso para recibir sus novedades por correo, comenta y pregunta a la institución responsable.',
    'site.participate.implementation.link': 'Ver el plan de acción',
    'site.participate.evaluation.title': '5. Evaluación: revisa los resultados',
    'site.participate.evaluation.body':
      'Al final, personas evaluadoras independientes valoran cada compromiso. Compara lo que declaró el gobierno con lo que encontraron, y lee las lecciones para el siguiente ejercicio.',
    'site.participate.always.title': 'En cualquier momento',
    'site.participate.always.body':
      'Descarga los datos abiertos, consulta lo que se hace en tu municipio, escribe a las personas de contacto o ejerce tus derechos sobre tus datos personales.',
    'site.participate.municipality': '¿Qué se hace en mi municipio?',
    'site.participate.openData': 'Datos abiertos',
    'site.participate.contact': 'Contacto',
    'site.participate.privacy': 'Tus datos personales',
    'site.municipalities.title': '¿Qué se hace en mi municipio?',
    'site.municipalities.lead':
      'Los compromisos de los planes de acción que nombran a cada municipio de la entidad y su avance. Elige tu municipio en el mapa o en la lista.',
    'site.municipalities.mapTitle': 'Avance de los compromisos por municipio',
    'site.municipalities.mapDescription':
      'Mapa de los municipios coloreados según el avance promedio de sus compromisos; los municipios sin compromisos quedan en blanco. La misma información está en la tabla.',
    'site.municipalities.legend': 'Avance promedio (%)',
    'site.municipalities.none': 'Sin compromisos',
    'site.municipalities.value': '{name}: {count} compromisos, {progress} de avance',
    'site.municipalities.valueNone': '{name}: sin compromisos',
    'site.municipalities.caption': 'Municipios, sus compromisos y su avance promedio',
    'site.municipalities.municipality': 'Municipio',
    'site.municipalities.commitments': 'Compromisos',
    'site.municipalities.progress': 'Avance promedio',
    'site.municipalities.range': '{from} a {to} %',
    'site.municipality.lead': 'Municipio con {population} habitantes, según el INEGI.',
    'site.municipality.summary': '{count} compromisos nombran a este municipio, con {progress} de avance promedio.',
    'site.municipality.summaryOne': 'Un compromiso nombra a este municipio, con {progress} de avance.',
    'site.municipality.empty':
      'Ningún compromiso de los planes publicados nombra a este municipio todavía. Propón un problema en el próximo diagnóstico o escríbenos.',
    'site.municipality.caption': 'Compromisos de {plan} en {name}',
    'site.municipality.commitment': 'Compromiso',
    'site.municipality.lead2': 'Institución responsable',
    'site.municipality.status': 'Estado',
    'site.municipality.progress': 'Avance',
    'site.municipality.all': 'Todos los municipios',
    'site.home.nextSession': 'Próxima sesión del Secretariado',
    'site.home.nextSessionAt': '{session}: {date}',
    'site.home.nextSessionPlace': 'Lugar: {place}',
    'site.home.nextSessionOnline': 'También en línea',
    'site.home.participate': '¿Cómo participo?',
    'site.home.municipality': '¿Qué se hace en mi municipio?',
  },
  {
    'site.participate.title': 'How can I take part?',
    'site.participate.lead':
      'An open-government exercise has stages, and there is something you can do in each of them. You need no expertise and no organisation behind you.',
    'site.participate.now': 'Right now, in {exercise}: {phase}',
    'site.participate.call.title': '1. The call: join in',
    'site.participate.call.body':
      'While the call is open, any person, organisation, university or business in the state can sign up online, in writing, as an unpaid volunteer. You get an e-mail to confirm your sign-up, and we tell you about every step that follows.',
    'site.participate.call.link': 'Read the call',
    'site.participate.diagnosis.title': '2. Diagnosis: name the problems',
    'site.participate.diagnosis.body':
      'Propose a public problem your community lives with, with data or evidence if you have it, or support one someone has already proposed. Every proposal gets an answer with its reasons.',
    'site.participate.diagnosis.link': 'See the proposed problems',
    'site.participate.cocreation.title': '3. Co-creation: build the solutions',
    'site.participate.cocreation.body':
      'At the co-creation tables, civil society and the authorities turn the chosen problems into proposals. You can sign up for a table, ask for an interpreter or accessibility support, and see what came out of each one.',
    'site.participate.implementation.title': '4. Implementation: follow the commitments',
    'site.participate.implementation.body':
      'Every commitment of the Local Action Plan has milestones, activities and public evidence. Follow a commitment to get its news by e-mail, comment on it and ask the institution in charge.',
    'site.participate.implementation.link': 'See the action plan',
    'site.participate.evaluation.title': '5. Evaluation: check the results',
    'site.participate.evaluation.body':
      'At the end, independent evaluators assess every commitment. Compare what the government reported with what they found, and read the lessons for the next exercise.',
    'site.participate.always.title': 'At any time',
    'site.participate.always.body':
      'Download the open data, see what is being done in your municipality, write to the contact people, or exercise your rights over your personal data.',
    'site.participate.municipality': 'What is being done in my municipality?',
    'site.participate.openData': 'Open data',
    'site.participate.contact': 'Contact',
    'site.participate.privacy': 'Your personal data',
    'site.municipalities.title': 'What is being done in my municipality?',
    'site.municipalities.lead':
      'The commitments of the action plans that name each municipality of the state, and how far they have got. Choose your municipality on the map or in the list.',
    'site.municipalities.mapTitle': 'Progress of the commitments by municipality',
    'site.municipalities.mapDescription':
      'Map of the municipalities shaded by the average progress of their commitments; municipalities without commitments are left white. The table holds the same information.',
    'site.municipalities.legend': 'Average progress (%)',
    'site.municipalities.none': 'No commitments',
    'site.municipalities.value': '{name}: {count} commitments, {progress} complete',
    'site.municipalities.valueNone': '{name}: no commitments',
    'site.municipalities.caption': 'Municipalities, their commitments and their average progress',
    'site.municipalities.municipality': 'Municipality',
    'site.municipalities.commitments': 'Commitments',
    'site.municipalities.progress': 'Average progress',
    'site.municipalities.range': '{from}% to {to}%',
    'site.municipality.lead': 'A municipality of {population} inhabitants, according to INEGI.',
    'site.municipality.summary': '{count} commitments name this municipality; on average they are {progress} complete.',
    'site.municipality.summaryOne': 'One commitment names this municipality; it is {progress} complete.',
    'site.municipality.empty':
      'No commitment of the published plans names this municipality yet. Propose a problem in the next diagnosis, or write to us.',
    'site.municipality.caption': 'Commitments of {plan} in {name}',
    'site.municipality.commitment': 'Commitment',
    'site.municipality.lead2': 'Institution in charge',
    'site.municipality.status': 'Status',
    'site.municipality.progress': 'Progress',
    'site.municipality.all': 'All municipalities',
    'site.home.nextSession': 'Next meeting of the Local Technical Secretariat',
    'site.home.nextSessionAt': '{session}: {date}',
    'site.home.nextSessionPlace': 'Place: {place}',
    'site.home.nextSessionOnline': 'Also online',
    'site.home.participate': 'How can I take part?',
    'site.home.municipality': 'What is being done in my municipality?',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof siteMessages> {}
}
