import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

export const openDataMessages = defineMessages(
  {
    'openData.api': '¿Necesitas un solo compromiso o una institución, sin descargar todo? Consulta la API pública:',
    'openData.apiLink': 'API pública de datos abiertos',
    'openData.bulk.title': 'Todo de una vez y metadatos',
    'openData.bulk.zip': 'Descargar todos los conjuntos de datos en un ZIP (CSV, JSON, diccionarios y metadatos)',
    'openData.bulk.datapackage': 'Metadatos Frictionless Data Package (datapackage.json)',
    'openData.bulk.dcat': 'Catálogo DCAT para datos.gob.mx (data.json)',
    'openData.retired.title': 'Conjuntos de datos retirados',
    'openData.dictionaryDownload': 'Descargar el diccionario de {name} en {format}',
    'openData.dictionary.separator': 'Varios valores separados por «{separator}».',
    'openData.deprecated.since': 'Obsoleto desde el {date}:',
    'openData.deprecated.sunset': 'Puede dejar de publicarse a partir del {date}.',
    'openData.deprecated.replacement': 'En su lugar usa {replacement}.',
  },
  {
    'openData.api': 'Need a single commitment or institution without downloading everything? Use the public API:',
    'openData.apiLink': 'Public open-data API',
    'openData.bulk.title': 'Everything at once, and metadata',
    'openData.bulk.zip': 'Download every dataset in one ZIP (CSV, JSON, dictionaries and metadata)',
    'openData.bulk.datapackage': 'Frictionless Data Package metadata (datapackage.json)',
    'openData.bulk.dcat': 'DCAT catalogue for datos.gob.mx (data.json)',
    'openData.retired.title': 'Withdrawn datasets',
    'openData.dictionaryDownload': 'Download the dictionary of {name} as {format}',
    'openData.dictionary.separator': 'Several values separated by “{separator}”.',
    'openData.deprecated.since': 'Deprecated since {date}:',
    'openData.deprecated.sunset': 'It may stop being published from {date}.',
    'openData.deprecated.replacement': 'Use {replacement} instead.',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof openDataMessages> {}
}
