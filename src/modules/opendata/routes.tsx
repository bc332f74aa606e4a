import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { csvLine, toCsv } from '../../shared/csv.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { OpenDataPage } from './views/open-data-page.js';
import { access } from '../../kernel/access.js';

/** The open-data catalogue: every module's datasets (declared in their manifests), with their dictionaries. */
export function openDataRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { datasets } = deps;
  const findDataset = (id: string) => datasets.find((dataset) => dataset.id === id);
  app.get('/datos', access.public, (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('openData.title'), body: <OpenDataPage datasets={datasets} /> }),
  );

  app.get<{ Params: { file: string } }>('/datos/:file', access.public, async (request, reply) => {
    const match = /^([a-z0-9-]+)\.(csv|json)$/.exec(request.params.file);
    const dataset = match ? findDataset(match[1]!) : undefined;
    if (!match || !dataset) throw notFound('dataset');
    // `?desde=N`: only the rows after number N, for a dataset streamed in order (the change log's incremental checks).
    const { desde } = request.query as { desde?: string };
    if (desde !== undefined && (!dataset.batches || !/^\d{1,15}$/.test(desde)))
      throw new AppError('validation', 'desde takes the number of an entry', { reason: 'badDesde' });
    reply
      .header('access-control-allow-origin', '*')
      .header('content-disposition', `attachment; filename="${dataset.id}.${match[2]}"`);
    if (dataset.batches) {
      const columns = dataset.fields.map((field) => field.name);
      const pages = dataset.batches(deps.db, desde === undefined ? {} : { after: Number(desde) });
      const body = match[2] === 'csv' ? streamCsv(columns, pages) : streamJson(dataset.id, pages);
      return reply
        .type(match[2] === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .send(Readable.from(body));
    }
    const rows = await dataset.rows(deps.db);
    if (match[2] === 'csv') {
      return reply.type('text/csv; charset=utf-8').send(
        toCsv(
          dataset.fields.map((field) => field.name),
          rows,
        ),
      );
    }
    return reply.type('application/json; charset=utf-8').send({ dataset: dataset.id, count: rows.length, data: rows });
  });
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
