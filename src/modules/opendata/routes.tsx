import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { publicBaseUrl } from '../../config.js';
import { access } from '../../kernel/access.js';
import type { Dataset } from '../../kernel/dataset.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { csvLine, toCsv } from '../../shared/csv.js';
import { AppError, notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { lastPublicChange } from '../audit/list-change-log.js';
import { dataPackage, dcatCatalogue, DICTIONARY_COLUMNS, dictionary, type CatalogueOptions } from './metadata.js';
import { OpenDataPage } from './views/open-data-page.js';
import { zipStream, type ZipEntry } from './zip.js';

/**
 * JSON documents built from the registry: kept in the render cache until the next public write (decision 8), and
 * readable from any origin (the header is set again on a cache hit, which keeps only the body and its type).
 */
const cachedJson = {
  config: { ...access.public.config, renderCache: 'json' as const },
  onSend: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  },
};

export const BULK_ZIP = 'datos-abiertos.zip';

/**
 * The open-data catalogue: every module's datasets (declared in their manifests), their dictionaries, the Data
 * Package and DCAT metadata and one ZIP of everything (docs/decisions/0028-open-data-metadata.md).
 */
export function openDataRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { datasets, deprecations } = deps;
  const findDataset = (id: string) => {
    const dataset = datasets.find((candidate) => candidate.id === id);
    if (!dataset) throw notFound('dataset');
    return dataset;
  };
  const catalogueOptions = async (): Promise<CatalogueOptions> => {
    const origin = publicBaseUrl(deps.config);
    const sender = /<([^>]+)>/.exec(deps.config.MAIL_FROM ?? '')?.[1] ?? deps.config.MAIL_FROM;
    return {
      origin,
      siteName: deps.config.SITE_NAME,
      contactEmail: sender ?? `datos@${new URL(origin).hostname}`,
      modified: ((await lastPublicChange(deps.db)) ?? deps.now()).toISOString(),
      deprecations,
    };
  };

  app.get('/datos', access.public, (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('openData.title'),
      body: <OpenDataPage datasets={datasets} deprecations={deprecations} zipName={BULK_ZIP} />,
    }),
  );

  app.get('/datos/datapackage.json', cachedJson, async (_request, reply) => {
    const options = await catalogueOptions();
    return sendJson(
      reply,
      dataPackage(datasets, options, (id) => `${options.origin}/datos/${id}.csv`),
    );
  });

  app.get('/datos/data.json', cachedJson, async (_request, reply) =>
    sendJson(reply, dcatCatalogue(datasets, await catalogueOptions())),
  );

  app.get<{ Params: { id: string } }>('/datos/:id/diccionario.json', cachedJson, async (request, reply) =>
    sendJson(reply, dictionary(findDataset(request.params.id), deprecations).document),
  );

  app.get<{ Params: { id: string } }>('/datos/:id/diccionario.csv', access.public, async (request, reply) => {
    const dataset = findDataset(request.params.id);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-disposition', `attachment; filename="${dataset.id}-diccionario.csv"`)
      .type('text/csv; charset=utf-8')
      .send(toCsv(DICTIONARY_COLUMNS, dictionary(dataset, deprecations).rows));
  });

  app.get(`/datos/${BULK_ZIP}`, access.public, async (_request, reply) => {
    const options = await catalogueOptions();
    const entries = bulkEntries(deps, options);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-disposition', `attachment; filename="${BULK_ZIP}"`)
      .type('application/zip')
      .send(Readable.from(zipStream(entries, new Date(options.modified))));
  });

  app.get<{ Params: { file: string } }>('/datos/:file', access.public, async (request, reply) => {
    const match = /^([a-z0-9-]+)\.(csv|json)$/.exec(request.params.file);
    if (!match) throw notFound('dataset');
    const dataset = findDataset(match[1]!);
    const format = match[2] as 'csv' | 'json';
    // `?desde=N`: only the rows after number N, for a dataset streamed in order (the change log's incremental checks).
    const { desde } = request.query as { desde?: string };
    if (desde !== undefined && (!dataset.batches || !/^\d{1,15}$/.test(desde)))
      throw new AppError('validation', 'desde takes the number of an entry', { reason: 'badDesde' });
    const after = desde === undefined ? undefined : Number(desde);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-disposition', `attachment; filename="${dataset.id}.${format}"`)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .send(Readable.from(datasetFile(deps, dataset, format, after)));
  });
}

function sendJson(reply: FastifyReply, body: unknown) {
  return reply
    .header('access-control-allow-origin', '*')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body, null, 2));
}

/** A dataset's rows page by page: its batches when it streams, else all of them at once. */
async function* pagesOf(deps: ModuleDeps, dataset: Dataset, after?: number): AsyncGenerator<Record<string, unknown>[]> {
  if (dataset.batches) yield* dataset.batches(deps.db, after === undefined ? {} : { after });
  else yield await dataset.rows(deps.db);
}

/** A dataset as a file: CSV (through the one CSV writer) or JSON ({ dataset, data, count }), written page by page. */
export function datasetFile(
  deps: ModuleDeps,
  dataset: Dataset,
  format: 'csv' | 'json',
  after?: number,
): AsyncGenerator<string> {
  const pages = pagesOf(deps, dataset, after);
  if (format === 'json') return streamJson(dataset.id, pages);
  return streamCsv(
    dataset.fields.map((field) => field.name),
    pages,
  );
}

/** The same CSV as toCsv (BOM, header row, CRLF), written page by page. */
async function* streamCsv(columns: string[], pages: AsyncIterable<Record<string, unknown>[]>) {
  yield `\uFEFF${columns.join(',')}\r\n`;
  for await (const rows of pages) yield rows.map((row) => `${csvLine(columns, row)}\r\n`).join('');
}

/** The same JSON document as the in-memory datasets ({ dataset, count, data }), written page by page. */
async function* streamJson(id: string, pages: AsyncIterable<Record<string, unknown>[]>) {
  yield `{"dataset":${JSON.stringify(id)},"data":[`;
  let count = 0;
  for await (const rows of pages) {
    yield rows.map((row, i) => `${count + i === 0 ? '' : ','}${JSON.stringify(row)}`).join('');
    count += rows.length;
  }
  yield `],"count":${count}}`;
}

/**
 * Everything in the bulk download: the Data Package (with paths inside the ZIP), the DCAT catalogue, and each
 * dataset's CSV, JSON and dictionaries. Each dataset is read when its turn comes, so the ZIP streams.
 */
function* bulkEntries(deps: ModuleDeps, options: CatalogueOptions): Generator<ZipEntry> {
  const { datasets, deprecations } = deps;
  const json = (body: unknown) => [JSON.stringify(body, null, 2)];
  yield { name: 'datapackage.json', content: json(dataPackage(datasets, options, (id) => `datos/${id}.csv`)) };
  yield { name: 'data.json', content: json(dcatCatalogue(datasets, options)) };
  for (const dataset of datasets) {
    const { rows, document } = dictionary(dataset, deprecations);
    yield { name: `datos/${dataset.id}.csv`, content: datasetFile(deps, dataset, 'csv') };
    yield { name: `datos/${dataset.id}.json`, content: datasetFile(deps, dataset, 'json') };
    yield { name: `diccionarios/${dataset.id}.csv`, content: [toCsv(DICTIONARY_COLUMNS, rows)] };
    yield { name: `diccionarios/${dataset.id}.json`, content: json(document) };
  }
}
