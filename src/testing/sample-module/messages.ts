import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

/** The sample module's texts (tests only: it is never in the portal's registry). */
export const sampleMessages = defineMessages(
  {
    'sample.page.title': 'Módulo de muestra',
    'sample.page.body': 'Este módulo vive en su carpeta y en una línea del registro.',
    'sample.status.open': 'Abierta',
    'sample.dataset.title': 'Notas de muestra',
    'sample.dataset.description': 'Las notas del módulo de muestra.',
    'sample.dataset.source': 'Módulo de muestra',
    'sample.field.text': 'Texto de la nota',
  },
  {
    'sample.page.title': 'Sample module',
    'sample.page.body': 'This module lives in its folder and one line of the registry.',
    'sample.status.open': 'Open',
    'sample.dataset.title': 'Sample notes',
    'sample.dataset.description': 'The sample module’s notes.',
    'sample.dataset.source': 'Sample module',
    'sample.field.text': 'Text of the note',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof sampleMessages> {}
}
