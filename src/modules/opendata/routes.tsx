import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { toCsv } from '../../shared/csv.js';
import { notFound } from '../../shared/errors.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { datasets, findDataset } from './datasets.js';
import { OpenDataPage } from './views/open-data-page.js';

export function openDataRoutes(app: FastifyInstance, deps: WebDeps & { db: Db }) {
  app.get('/datos', (request, reply) => sendPage(request, reply, deps, { title: request.t('openData.title'), body: <OpenDataPage datasets={datasets} /> }));

  app.get<{ Params: { file: string } }>('/datos/:file', async (request, reply) => {
    const match = /^([a-z0-9-]+)\.(csv|json)$/.exec(request.params.file);
    const dataset = match ? findDataset(match[1]!) : undefined;
    if (!match || !dataset) throw notFound('dataset');
    const rows = await dataset.rows(deps.db);
    reply.header('access-control-allow-origin', '*').header('content-disposition', `attachment; filename="${dataset.id}.${match[2]}"`);
    if (match[2] === 'csv') {
      return reply.type('text/csv; charset=utf-8').send(toCsv(dataset.fields.map((field) => field.name), rows));
    }
    return reply.type('application/json; charset=utf-8').send({ dataset: dataset.id, count: rows.length, data: rows });
  });
}
