import { defineMessages } from '../../../web/i18n/define-messages.js';
import type { KeysOf } from '../../../web/i18n/catalog.js';

/** Texts of the capture of paper forms by staff: problems and sheets of supports handed in at a table. */
export const paperMessages = defineMessages(
  {
    'cocreation.paper.title': 'Captura de formatos en papel',
    'cocreation.paper.lead':
      'Registra los problemas y los apoyos que las personas entregaron en papel en una mesa presencial, con el formato escaneado. El formato sólo lo ve el personal: nunca se publica.',
    'cocreation.paper.deskLead': 'Problemas y apoyos entregados en papel, con su formato escaneado.',
    'cocreation.paper.link': 'Capturar problemas y apoyos entregados en papel',
    'cocreation.paper.exerciseTitle': 'Captura en papel: {title}',
    'cocreation.paper.exerciseLead':
      'Lo capturado cuenta igual que lo recibido en línea, con el canal «en papel». Los datos personales del formato no se publican: el escaneo queda sólo para el personal.',
    'cocreation.paper.problemTitle': 'Un problema entregado en papel',
    'cocreation.paper.problemLead':
      'Copia el problema como lo escribió la persona, sin su nombre ni sus datos de contacto: esos se quedan en el formato escaneado.',
    'cocreation.paper.problemSubmit': 'Guardar el problema capturado',
    'cocreation.paper.problemSaved': 'El problema quedó registrado con su formato escaneado y ya es público.',
    'cocreation.paper.supportsTitle': 'Apoyos entregados en papel',
    'cocreation.paper.supportsLead':
      'Una hoja de apoyos a un problema: escribe cuántas personas firmaron y adjunta la hoja escaneada. Cada firma cuenta como un apoyo.',
    'cocreation.paper.problem': 'Problema que apoyan',
    'cocreation.paper.problemChoose': 'Elige un problema',
    'cocreation.paper.count': 'Número de apoyos en la hoja',
    'cocreation.paper.countHint': 'Un número entero del 1 al {max}.',
    'cocreation.paper.supportsSubmit': 'Guardar los apoyos capturados',
    'cocreation.paper.supportsSaved': 'Los apoyos quedaron registrados con su hoja escaneada.',
    'cocreation.paper.scan': 'Formato escaneado',
    'cocreation.paper.scanHint': 'El formato firmado, escaneado o fotografiado: PDF, JPEG o PNG de hasta 10 MB.',
    'cocreation.paper.scanSheetHint': 'La hoja de firmas, escaneada o fotografiada: PDF, JPEG o PNG de hasta 10 MB.',
    'cocreation.paper.scanLink': 'Descargar {name}',
    'cocreation.paper.capturedTitle': 'Formatos capturados en este ejercicio',
    'cocreation.paper.noneCaptured': 'Todavía no se ha capturado ningún formato en papel.',
    'cocreation.paper.kind': 'Qué se capturó',
    'cocreation.paper.kindProblem': 'El problema',
    'cocreation.paper.kindSupports': '{count} apoyos',
    'cocreation.paper.capturedAt': 'Capturado',
    'cocreation.paper.capturedBy': 'Capturó',
    'cocreation.paper.portal': 'El portal',
    'cocreation.form.scan.required': 'Adjunta el formato escaneado.',
    'cocreation.form.scan.type': 'El formato debe ser un PDF, un JPEG o un PNG.',
    'cocreation.form.scan.tooLarge': 'El formato pesa más de 10 MB: escanéalo con menor resolución.',
    'cocreation.form.count.invalid': 'Escribe un número entero de apoyos, del 1 al 1000.',
    'cocreation.form.supportedProblem.invalid': 'Elige un problema de la lista.',
  },
  {
    'cocreation.paper.title': 'Capture of paper forms',
    'cocreation.paper.lead':
      'Record the problems and supports people handed in on paper at an in-person table, with the scanned form. Only staff see the form: it is never published.',
    'cocreation.paper.deskLead': 'Problems and supports handed in on paper, with their scanned form.',
    'cocreation.paper.link': 'Capture problems and supports handed in on paper',
    'cocreation.paper.exerciseTitle': 'Paper capture: {title}',
    'cocreation.paper.exerciseLead':
      'What you capture counts like what arrives online, with the channel “on paper”. The personal data on the form are not published: the scan is for staff only.',
    'cocreation.paper.problemTitle': 'A problem handed in on paper',
    'cocreation.paper.problemLead':
      'Copy the problem as the person wrote it, without their name or contact details: those stay on the scanned form.',
    'cocreation.paper.problemSubmit': 'Save the captured problem',
    'cocreation.paper.problemSaved': 'The problem was recorded with its scanned form and is now public.',
    'cocreation.paper.supportsTitle': 'Supports handed in on paper',
    'cocreation.paper.supportsLead':
      'A sheet of supports of a problem: write how many people signed it and attach the scanned sheet. Each signature counts as one support.',
    'cocreation.paper.problem': 'Problem they support',
    'cocreation.paper.problemChoose': 'Choose a problem',
    'cocreation.paper.count': 'Number of supports on the sheet',
    'cocreation.paper.countHint': 'A whole number from 1 to {max}.',
    'cocreation.paper.supportsSubmit': 'Save the captured supports',
    'cocreation.paper.supportsSaved': 'The supports were recorded with their scanned sheet.',
    'cocreation.paper.scan': 'Scanned form',
    'cocreation.paper.scanHint': 'The signed form, scanned or photographed: PDF, JPEG or PNG up to 10 MB.',
    'cocreation.paper.scanSheetHint': 'The sheet of signatures, scanned or photographed: PDF, JPEG or PNG up to 10 MB.',
    'cocreation.paper.scanLink': 'Download {name}',
    'cocreation.paper.capturedTitle': 'Forms captured in this exercise',
    'cocreation.paper.noneCaptured': 'No paper form has been captured yet.',
    'cocreation.paper.kind': 'What was captured',
    'cocreation.paper.kindProblem': 'The problem',
    'cocreation.paper.kindSupports': '{count} supports',
    'cocreation.paper.capturedAt': 'Captured',
    'cocreation.paper.capturedBy': 'Captured by',
    'cocreation.paper.portal': 'The portal',
    'cocreation.form.scan.required': 'Attach the scanned form.',
    'cocreation.form.scan.type': 'The form must be a PDF, a JPEG or a PNG.',
    'cocreation.form.scan.tooLarge': 'The form is larger than 10 MB: scan it at a lower resolution.',
    'cocreation.form.count.invalid': 'Write a whole number of supports, from 1 to 1000.',
    'cocreation.form.supportedProblem.invalid': 'Choose a problem of the list.',
  },
);

declare module '../../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof paperMessages> {}
}
