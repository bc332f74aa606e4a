import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

export const apiMessages = defineMessages(
  {
    'api.title': 'API pública',
    'api.lead':
      'Consulta desde tus propios programas los ejercicios, las convocatorias, el Secretariado Técnico, los planes de acción y cada compromiso con sus hitos y actividades: en JSON, sin cuenta ni clave, con la misma información pública que muestra el portal.',
    'api.start.title': 'Cómo empezar',
    'api.start.body':
      'Cada ruta responde a GET con JSON. Por ejemplo, para traer un compromiso con todos sus campos, sus hitos y su avance:',
    'api.start.example': 'Ejemplo con curl',
    'api.start.ids':
      'Los identificadores salen de las listas: /api/v1/commitments devuelve cada compromiso con su id, y /api/v1/commitments?plan=… solo los de un plan.',
    'api.start.document': 'La descripción completa para programas (OpenAPI 3.1), con cada campo y su tipo:',
    'api.endpoints.title': 'Rutas',
    'api.endpoints.caption': 'Rutas de la versión 1 de la API',
    'api.column.route': 'Ruta',
    'api.column.description': 'Qué devuelve',
    'api.column.parameters': 'Parámetros',
    'api.parameters.none': 'Ninguno',
    'api.parameters.required': '(obligatorio)',
    'api.pagination.title': 'Páginas',
    'api.pagination.body':
      'Las listas responden con data (las filas) y links.next (la dirección de la página siguiente, o null en la última). Pide de 1 a 500 filas con limit (100 si no lo indicas) y sigue links.next sin cambiarlo: aunque se agreguen registros mientras recorres, ninguna fila se repite ni se pierde.',
    'api.caching.title': 'Caché',
    'api.caching.body':
      'Cada respuesta trae ETag y Last-Modified y puede guardarse un minuto (Cache-Control: public, max-age=60). Si repites una consulta con la cabecera If-None-Match y nada cambió, la respuesta es 304, sin cuerpo.',
    'api.errors.title': 'Errores',
    'api.errors.body':
      'Los errores llegan como application/problem+json (RFC 9457), con type, title, status y detail en tu idioma: español, o inglés con Accept-Language: en o ?lang=en.',
    'api.errors.badParameter':
      '400: un parámetro no es válido (limit fuera de 1 a 500, un cursor alterado, un identificador mal escrito).',
    'api.errors.notFound':
      '404: no hay un registro público con ese identificador (los borradores no se publican) o la ruta no existe.',
    'api.errors.methodNotAllowed': '405: la API es de solo lectura: acepta GET y HEAD, nada más.',
    'api.errors.server':
      '500: algo falló de nuestro lado; el detalle trae un identificador para citarlo si nos escribes.',
    'api.licence.title': 'Licencia',
    'api.licence.body':
      'Los datos se publican con los Términos de Libre Uso MX: puedes copiarlos, compartirlos y adaptarlos, también con fines comerciales, citando la fuente (nombre del conjunto, institución, dirección y fecha de consulta). Cada respuesta lo indica con la cabecera Link: rel="license". Sin datos personales: ni correos ni teléfonos de personas.',
    'api.licence.link': 'Términos de Libre Uso MX',
    'api.op.listExercises': 'Los ejercicios locales de Gobierno Abierto, con su fase y el calendario de fases.',
    'api.op.getExercise': 'Un ejercicio.',
    'api.op.listCalls': 'Las convocatorias publicadas (nunca los borradores).',
    'api.op.getCall': 'Una convocatoria.',
    'api.op.listSessions': 'Las sesiones del Secretariado Técnico; el acta solo cuando está aprobada.',
    'api.op.getSession': 'Una sesión del Secretariado Técnico.',
    'api.op.listAgreements': 'Los acuerdos del Secretariado Técnico, con su votación y su seguimiento.',
    'api.op.getAgreement': 'Un acuerdo del Secretariado Técnico.',
    'api.op.listPlans': 'Los planes de acción públicos, con su avance.',
    'api.op.getPlan': 'Un plan de acción.',
    'api.op.listCommitments':
      'Los compromisos públicos con cada campo de la plantilla de OGP, sus hitos (fechas y pesos) y su avance.',
    'api.op.getCommitment': 'Un compromiso con sus hitos.',
    'api.op.listActivities': 'Las actividades de los compromisos públicos, con sus evidencias (enlaces o archivos).',
    'api.op.getActivity': 'Una actividad con sus evidencias.',
    'api.op.listInstitutions': 'Las instituciones que participan (sin correos).',
    'api.op.getInstitution': 'Una institución.',
    'api.op.listMunicipalities': 'Los municipios, por clave INEGI, con su población.',
    'api.op.getMunicipality': 'Un municipio.',
    'api.op.listChanges': 'El historial de cambios encadenado por hashes, para verificarlo.',
    'api.op.getChange': 'Una entrada del historial.',
    'api.op.getOpenApi': 'Esta descripción en OpenAPI 3.1.',
    'api.problem.badParameter.title': 'Parámetro no válido',
    'api.problem.badParameter.limit': 'limit debe ser un número entero de 1 a 500.',
    'api.problem.badParameter.cursor':
      'El cursor no es válido: usa tal cual el valor de links.next de la página anterior.',
    'api.problem.badParameter.uuid':
      '«{name}» debe ser un identificador UUID, como 3f2b8c1e-5a4d-4e7f-9b6a-2c1d0e9f8a7b.',
    'api.problem.badParameter.cvegeo': 'La clave del municipio debe tener cinco dígitos (clave INEGI), como 10005.',
    'api.problem.badParameter.seq': 'La posición en el historial debe ser un número entero mayor que cero.',
    'api.problem.badParameter.other': 'El parámetro «{name}» no es válido.',
    'api.problem.notFound.title': 'No encontrado',
    'api.problem.notFound.record': 'No hay un registro público con ese identificador.',
    'api.problem.notFound.route': 'Esta ruta no existe en la API. La lista de rutas está en /api.',
    'api.problem.methodNotAllowed.title': 'Método no permitido',
    'api.problem.methodNotAllowed.detail': 'La API es de solo lectura: usa GET o HEAD.',
    'api.problem.server.title': 'Error del servidor',
    'api.problem.server.detail': 'Algo falló de nuestro lado. Si nos escribes, cita este identificador: {requestId}.',
  },
  {
    'api.title': 'Public API',
    'api.lead':
      'Query the exercises, the calls, the Local Technical Secretariat, the action plans and every commitment with its milestones and activities from your own programs: JSON, no account or key, the same public information the portal shows.',
    'api.start.title': 'Getting started',
    'api.start.body':
      'Every route answers GET with JSON. For example, to fetch one commitment with all its fields, its milestones and its progress:',
    'api.start.example': 'Example with curl',
    'api.start.ids':
      'Ids come from the lists: /api/v1/commitments returns each commitment with its id, and /api/v1/commitments?plan=… only those of one plan.',
    'api.start.document': 'The full description for programs (OpenAPI 3.1), with every field and its type:',
    'api.endpoints.title': 'Routes',
    'api.endpoints.caption': 'Routes of version 1 of the API',
    'api.column.route': 'Route',
    'api.column.description': 'What it returns',
    'api.column.parameters': 'Parameters',
    'api.parameters.none': 'None',
    'api.parameters.required': '(required)',
    'api.pagination.title': 'Pages',
    'api.pagination.body':
      'Lists answer with data (the rows) and links.next (the address of the next page, or null on the last one). Ask for 1 to 500 rows with limit (100 if you do not say) and follow links.next unchanged: even if records are added while you walk, no row is repeated or lost.',
    'api.caching.title': 'Caching',
    'api.caching.body':
      'Every response carries ETag and Last-Modified and may be kept for a minute (Cache-Control: public, max-age=60). Repeat a request with the If-None-Match header and, if nothing changed, the answer is a 304 without a body.',
    'api.errors.title': 'Errors',
    'api.errors.body':
      'Errors come as application/problem+json (RFC 9457), with type, title, status and detail in your language: Spanish, or English with Accept-Language: en or ?lang=en.',
    'api.errors.badParameter':
      '400: a parameter is not valid (limit outside 1 to 500, an altered cursor, a mistyped id).',
    'api.errors.notFound':
      '404: there is no public record with that id (drafts are not published) or the route does not exist.',
    'api.errors.methodNotAllowed': '405: the API is read-only: it accepts GET and HEAD, nothing else.',
    'api.errors.server': '500: something failed on our side; the detail carries an id to quote if you write to us.',
    'api.licence.title': 'Licence',
    'api.licence.body':
      'The data are published under the Términos de Libre Uso MX (Mexico open-use terms): you may copy, share and adapt them, commercially too, citing the source (dataset name, institution, address and date consulted). Every response says so with a Link: rel="license" header. No personal data: no e-mails or phones of people.',
    'api.licence.link': 'Términos de Libre Uso MX',
    'api.op.listExercises': 'The local open-government exercises, with their phase and phase calendar.',
    'api.op.getExercise': 'One exercise.',
    'api.op.listCalls': 'The published calls (never drafts).',
    'api.op.getCall': 'One call.',
    'api.op.listSessions': 'The Secretariat’s sessions; their minutes only once approved.',
    'api.op.getSession': 'One session of the Secretariat.',
    'api.op.listAgreements': 'The Secretariat’s agreements, with their vote and follow-up.',
    'api.op.getAgreement': 'One agreement of the Secretariat.',
    'api.op.listPlans': 'The public action plans, with their progress.',
    'api.op.getPlan': 'One action plan.',
    'api.op.listCommitments':
      'The public commitments with every OGP template field, their milestones (dates and weights) and their progress.',
    'api.op.getCommitment': 'One commitment with its milestones.',
    'api.op.listActivities': 'The activities of public commitments, with their evidence (links or files).',
    'api.op.getActivity': 'One activity with its evidence.',
    'api.op.listInstitutions': 'The institutions taking part (no e-mails).',
    'api.op.getInstitution': 'One institution.',
    'api.op.listMunicipalities': 'The municipalities, by INEGI code, with their population.',
    'api.op.getMunicipality': 'One municipality.',
    'api.op.listChanges': 'The hash-chained change log, to verify it.',
    'api.op.getChange': 'One entry of the change log.',
    'api.op.getOpenApi': 'This description in OpenAPI 3.1.',
    'api.problem.badParameter.title': 'Invalid parameter',
    'api.problem.badParameter.limit': 'limit must be a whole number from 1 to 500.',
    'api.problem.badParameter.cursor':
      'The cursor is not valid: use the value of links.next from the previous page unchanged.',
    'api.problem.badParameter.uuid': '“{name}” must be a UUID, like 3f2b8c1e-5a4d-4e7f-9b6a-2c1d0e9f8a7b.',
    'api.problem.badParameter.cvegeo': 'The municipality code must have five digits (INEGI code), like 10005.',
    'api.problem.badParameter.seq': 'The position in the change log must be a whole number greater than zero.',
    'api.problem.badParameter.other': 'The parameter “{name}” is not valid.',
    'api.problem.notFound.title': 'Not found',
    'api.problem.notFound.record': 'There is no public record with that id.',
    'api.problem.notFound.route': 'This route does not exist in the API. The list of routes is at /api.',
    'api.problem.methodNotAllowed.title': 'Method not allowed',
    'api.problem.methodNotAllowed.detail': 'The API is read-only: use GET or HEAD.',
    'api.problem.server.title': 'Server error',
    'api.problem.server.detail': 'Something failed on our side. If you write to us, quote this id: {requestId}.',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof apiMessages> {}
}
