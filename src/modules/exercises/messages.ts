import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

/** The admin pages of exercises: their phase, which follows the planned calendar or an admin's move by hand. */
export const exercisesMessages = defineMessages(
  {
    'exercises.admin.title': 'Ejercicios y sus etapas',
    'exercises.admin.lead':
      'La etapa de cada ejercicio avanza sola con las fechas de su calendario. Si algo cambia, muévela a mano con un motivo: el historial público lo muestra.',
    'exercises.admin.caption': 'Ejercicios, su etapa y la que marca su calendario hoy',
    'exercises.admin.exercise': 'Ejercicio',
    'exercises.admin.phase': 'Etapa actual',
    'exercises.admin.calendar': 'Según el calendario',
    'exercises.admin.byHand': 'Movida a mano el {date}: {reason}',
    'exercises.admin.move': 'Cambiar la etapa',
    'exercises.admin.samePhase': 'Coincide',
    'exercises.admin.noCalendar': 'Sin calendario',
    'exercises.move.title': 'Cambiar la etapa de «{title}»',
    'exercises.move.lead':
      'Usa esto cuando el ejercicio no sigue su calendario (una etapa se alargó o se adelantó). Después, el calendario solo lo mueve a etapas planeadas para empezar más tarde que hoy.',
    'exercises.move.current': 'Etapa actual: {phase}.',
    'exercises.move.phase': 'Nueva etapa',
    'exercises.move.reason': 'Motivo (lo verá el público en el historial)',
    'exercises.move.submit': 'Cambiar la etapa',
    'exercises.move.back': 'Volver sin cambios',
    'exercises.move.done': 'La etapa cambió; el historial público muestra el motivo.',
    'exercises.admin.dates': 'Planear fechas',
    'exercises.dates.title': 'Fechas de las etapas de «{title}»',
    'exercises.dates.lead':
      'Las fechas de cada etapa son públicas. El diagnóstico recibe problemas y apoyos sólo entre sus fechas; cada hora el portal mueve el ejercicio a la etapa que marca su calendario.',
    'exercises.dates.caption': 'Calendario planeado',
    'exercises.dates.phase': 'Etapa',
    'exercises.dates.startsOn': 'Empieza el',
    'exercises.dates.endsOn': 'Termina el',
    'exercises.dates.endsOnHint': 'Déjalo vacío si todavía no tiene fecha de cierre.',
    'exercises.dates.noEnd': 'Sin fecha de cierre',
    'exercises.dates.submit': 'Guardar las fechas',
    'exercises.dates.done': 'Las fechas de la etapa quedaron guardadas; el historial público muestra el cambio.',
    'exercises.error.startsOn.invalid': 'Escribe la fecha de inicio, por ejemplo 2027-01-15.',
    'exercises.error.endsOn.invalid': 'Escribe la fecha de cierre, por ejemplo 2027-03-15, o déjala vacía.',
    'exercises.error.endsOn.beforeStart': 'La fecha de cierre no puede ser anterior a la de inicio.',
    'exercises.error.phase.required': 'Elige la nueva etapa.',
    'exercises.error.reason.tooShort': 'Explica el motivo en al menos 10 caracteres.',
    'exercises.error.reason.tooLong': 'El motivo no puede pasar de 1,000 caracteres.',
    'audit.field.phaseReason': 'Motivo del cambio de etapa',
  },
  {
    'exercises.admin.title': 'Exercises and their phases',
    'exercises.admin.lead':
      'Each exercise moves to its next phase by itself, on the dates of its calendar. If something changes, move it by hand with a reason: the public history shows it.',
    'exercises.admin.caption': 'Exercises, their phase and the one their calendar gives today',
    'exercises.admin.exercise': 'Exercise',
    'exercises.admin.phase': 'Current phase',
    'exercises.admin.calendar': 'By the calendar',
    'exercises.admin.byHand': 'Moved by hand on {date}: {reason}',
    'exercises.admin.move': 'Change the phase',
    'exercises.admin.samePhase': 'The same',
    'exercises.admin.noCalendar': 'No calendar',
    'exercises.move.title': 'Change the phase of “{title}”',
    'exercises.move.lead':
      'Use this when the exercise does not follow its calendar (a phase ran longer or started earlier). Afterwards the calendar moves it only to phases planned to start later than today.',
    'exercises.move.current': 'Current phase: {phase}.',
    'exercises.move.phase': 'New phase',
    'exercises.move.reason': 'Reason (the public will read it in the history)',
    'exercises.move.submit': 'Change the phase',
    'exercises.move.back': 'Go back without changes',
    'exercises.move.done': 'The phase changed; the public history shows the reason.',
    'exercises.admin.dates': 'Plan the dates',
    'exercises.dates.title': 'Dates of the phases of “{title}”',
    'exercises.dates.lead':
      'Each phase’s dates are public. The diagnosis takes problems and supports only between its dates; every hour the portal moves the exercise to the phase its calendar gives.',
    'exercises.dates.caption': 'Planned calendar',
    'exercises.dates.phase': 'Phase',
    'exercises.dates.startsOn': 'Starts on',
    'exercises.dates.endsOn': 'Ends on',
    'exercises.dates.endsOnHint': 'Leave it empty if it has no closing date yet.',
    'exercises.dates.noEnd': 'No closing date',
    'exercises.dates.submit': 'Save the dates',
    'exercises.dates.done': 'The phase’s dates were saved; the public history shows the change.',
    'exercises.error.startsOn.invalid': 'Write the start date, for example 2027-01-15.',
    'exercises.error.endsOn.invalid': 'Write the closing date, for example 2027-03-15, or leave it empty.',
    'exercises.error.endsOn.beforeStart': 'The closing date cannot be before the start date.',
    'exercises.error.phase.required': 'Choose the new phase.',
    'exercises.error.reason.tooShort': 'Explain the reason in at least 10 characters.',
    'exercises.error.reason.tooLong': 'The reason cannot be longer than 1,000 characters.',
    'audit.field.phaseReason': 'Reason for the change of phase',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof exercisesMessages> {}
}
