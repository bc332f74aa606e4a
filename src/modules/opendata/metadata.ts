import type { Dataset, DatasetField, Deprecation } from '../../kernel/dataset.js';
import { translator } from '../../web/i18n/i18n.js';

/*
 * The catalogue's metadata, generated from the datasets the modules declare: the Frictionless Data Package
 * (/datos/datapackage.json, one tabular resource per dataset with its Table Schema, keys and licence), the DCAT-US
 * v1.1 catalogue that datos.gob.mx reads (/datos/data.json) and the data dictionary of each dataset (bilingual).
 * Adding a dataset to a manifest adds it everywhere with no other change.
 */

/** Términos de Libre Uso MX, the licence of every dataset (and of the API). */
export const LICENCE = {
  name: 'libre-uso-mx',
  title: 'Términos de Libre Uso MX',
  path: 'https://datos.gob.mx/libreusomx',
} as const;

const es = translator('es-MX');
const en = translator('en');

const tableSchemaType: Record<DatasetField['type'], string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  json: 'object',
  array: 'array',
};

/** A field's deprecation, if its module announced one. */
export const deprecationOf = (deprecations: readonly Deprecation[], subject: string) =>
  deprecations.find((deprecation) => deprecation.subject === subject);

/** How a deprecation reads in one language: the date, the reason and what to use instead. */
export function deprecationNote(deprecation: Deprecation, locale: 'es-MX' | 'en'): string {
  const t = translator(locale);
  const parts = [
    t('openData.deprecated.since', { date: deprecation.since }),
    t(deprecation.reason),
    deprecation.sunset ? t('openData.deprecated.sunset', { date: deprecation.sunset }) : '',
    deprecation.replacement ? t('openData.deprecated.replacement', { replacement: deprecation.replacement }) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** A text ending in a full stop, so another sentence can follow it. */
export const sentence = (text: string) => (/[.!?)»”]$/.test(text) ? text : `${text}.`);

function fieldDescription(dataset: Dataset, field: DatasetField, deprecations: readonly Deprecation[]) {
  const deprecation = deprecationOf(deprecations, `field:${dataset.id}/${field.name}`);
  const separator = field.separator ? ` ${es('openData.dictionary.separator', { separator: field.separator })}` : '';
  const note = deprecation ? ` ${deprecationNote(deprecation, 'es-MX')}` : '';
  return separator || note ? `${sentence(es(field.description))}${separator}${note}` : es(field.description);
}

/** The Table Schema of a dataset: its fields with types, formats and constraints, its primary and foreign keys. */
export function tableSchema(dataset: Dataset, deprecations: readonly Deprecation[] = []) {
  const keyFields = new Set(dataset.primaryKey ?? []);
  return {
    fields: dataset.fields.map((field) => {
      const required = field.required || keyFields.has(field.name);
      const constraints = {
        ...(required ? { required: true } : {}),
        ...(field.pattern ? { pattern: field.pattern } : {}),
      };
      return {
        name: field.name,
        title: es(field.description).replace(/\.$/, ''),
        description: fieldDescription(dataset, field, deprecations),
        type: tableSchemaType[field.type],
        format: 'default',
        ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
      };
    }),
    missingValues: [''],
    ...(dataset.primaryKey ? { primaryKey: [...dataset.primaryKey] } : {}),
    ...(dataset.foreignKeys
      ? {
          foreignKeys: dataset.foreignKeys.map((key) => ({
            fields: [...key.fields],
            reference: { resource: key.reference.dataset, fields: [...key.reference.fields] },
          })),
        }
      : {}),
  };
}

export interface CatalogueOptions {
  /** The portal's public address, without a trailing slash. */
  origin: string;
  siteName: string;
  /** The address people may write to about the data. */
  contactEmail: string;
  /** When the data last changed (ISO 8601 with offset). */
  modified: string;
  deprecations: readonly Deprecation[];
}

/**
 * The Frictionless (tabular) Data Package. `pathOf` says where each resource's CSV is: an absolute URL on the portal,
 * or a path inside the bulk ZIP.
 */
export function dataPackage(datasets: readonly Dataset[], options: CatalogueOptions, pathOf: (id: string) => string) {
  return {
    profile: 'tabular-data-package',
    name: 'datos-abiertos',
    title: `${options.siteName}: ${es('openData.title')}`,
    description: es('openData.intro'),
    homepage: `${options.origin}/datos`,
    version: '1.0.0',
    created: options.modified,
    keywords: ['gobierno abierto', 'datos abiertos', 'OGP', 'plan de acción local'],
    licenses: [LICENCE],
    contributors: [{ title: options.siteName, role: 'publisher', path: options.origin }],
    resources: datasets.map((dataset) => {
      const deprecation = deprecationOf(options.deprecations, `dataset:${dataset.id}`);
      return {
        profile: 'tabular-data-resource',
        name: dataset.id,
        path: pathOf(dataset.id),
        title: es(dataset.title),
        description: `${es(dataset.description)}${deprecation ? ` ${deprecationNote(deprecation, 'es-MX')}` : ''}`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        sources: [{ title: es(dataset.source) }],
        licenses: [LICENCE],
        schema: tableSchema(dataset, options.deprecations),
      };
    }),
  };
}

/** The DCAT-US v1.1 (Project Open Data) catalogue, the format of datos.gob.mx's `data.json`. */
export function dcatCatalogue(datasets: readonly Dataset[], options: CatalogueOptions) {
  const { origin } = options;
  const publisher = { '@type': 'org:Organization', name: options.siteName };
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': `${origin}/datos/data.json`,
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: datasets.map((dataset) => {
      const title = es(dataset.title);
      const deprecation = deprecationOf(options.deprecations, `dataset:${dataset.id}`);
      return {
        '@type': 'dcat:Dataset',
        identifier: `${origin}/datos#${dataset.id}`,
        title,
        description: `${es(dataset.description)}${deprecation ? ` ${deprecationNote(deprecation, 'es-MX')}` : ''}`,
        keyword: [...(dataset.keywords ?? []), 'datos abiertos', 'gobierno abierto'],
        modified: options.modified,
        publisher,
        contactPoint: { '@type': 'vcard:Contact', fn: options.siteName, hasEmail: `mailto:${options.contactEmail}` },
        accessLevel: 'public',
        license: LICENCE.path,
        rights: LICENCE.title,
        landingPage: `${origin}/datos#dataset-${dataset.id}`,
        accrualPeriodicity: 'R/P1D',
        language: ['es-MX'],
        spatial: 'MX',
        describedBy: `${origin}/datos/${dataset.id}/diccionario.csv`,
        describedByType: 'text/csv',
        distribution: (['csv', 'json'] as const).map((format) => ({
          '@type': 'dcat:Distribution',
          title: `${title} (${format.toUpperCase()})`,
          downloadURL: `${origin}/datos/${dataset.id}.${format}`,
          mediaType: format === 'csv' ? 'text/csv' : 'application/json',
          format: format.toUpperCase(),
          describedBy: `${origin}/datos/${dataset.id}/diccionario.json`,
          describedByType: 'application/json',
        })),
      };
    }),
  };
}

/** The columns of a dictionary file (CSV), in the order they are written. */
export const DICTIONARY_COLUMNS = [
  'campo',
  'tipo',
  'tipo_table_schema',
  'obligatorio',
  'patron',
  'separador',
  'descripcion',
  'description_en',
  'obsoleto',
] as const;

/** The data dictionary of a dataset, bilingual: one row per field (CSV), or a document with its keys (JSON). */
export function dictionary(dataset: Dataset, deprecations: readonly Deprecation[]) {
  const keyFields = new Set(dataset.primaryKey ?? []);
  const rows = dataset.fields.map((field) => {
    const deprecation = deprecationOf(deprecations, `field:${dataset.id}/${field.name}`);
    return {
      campo: field.name,
      tipo: field.type,
      tipo_table_schema: tableSchemaType[field.type],
      obligatorio: Boolean(field.required || keyFields.has(field.name)),
      patron: field.pattern ?? null,
      separador: field.separator ?? null,
      descripcion: es(field.description),
      description_en: en(field.description),
      obsoleto: deprecation ? deprecationNote(deprecation, 'es-MX') : null,
    };
  });
  const document = {
    dataset: dataset.id,
    title: { es: es(dataset.title), en: en(dataset.title) },
    description: { es: es(dataset.description), en: en(dataset.description) },
    licence: LICENCE,
    primaryKey: dataset.primaryKey ?? [],
    foreignKeys: dataset.foreignKeys ?? [],
    fields: rows,
  };
  return { rows, document };
}
