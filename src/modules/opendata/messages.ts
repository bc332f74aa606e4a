import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

export const openDataMessages = defineMessages(
  {
    'openData.api': '¿Necesitas un solo compromiso o una institución, sin descargar todo? Consulta la API pública:',
    'openData.apiLink': 'API pública de datos abiertos',
  },
  {
    'openData.api': 'Need a single commitment or institution without downloading everything? Use the public API:',
    'openData.apiLink': 'Public open-data API',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof openDataMessages> {}
}
