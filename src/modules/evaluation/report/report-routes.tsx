import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { sendPage } from '../../../web/http.js';
import { parseParams, slugParam, slugParams } from '../../../web/params.js';
import { getExercise } from '../../exercises/get-exercise.js';
import { getProcessFigures } from './process-figures.js';
import { getReportVersion, getReportVersions } from './report-versions.js';
import { IndicatorsPage } from './views/indicators-page.js';
import { sourceHref } from '../paths.js';
import { PublishedReportPage, UnpublishedReportPage } from './views/report-pages.js';

const versionParams = z.object({ slug: slugParam, version: z.coerce.number().int().min(1).max(100_000) });

/**
 * An exercise's process indicators (/ejercicios/:slug/indicadores), computed today; its published results report (/ejercicios/:slug/informe-de-resultados): the latest version as the official
 * document with every version listed; each version at a stable address, with its frozen source to download.
 */
export function reportRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;

  const versionPage = async (request: FastifyRequest, reply: FastifyReply, slug: string, version?: number) => {
    const { exercise, versions } = await getReportVersions(db, slug);
    if (versions.length === 0 && version === undefined)
      return sendPage(request, reply, deps, {
        title: `${request.t('evaluationReport.title')}: ${exercise.title}`,
        body: <UnpublishedReportPage exercise={exercise} />,
      });
    const shown = await getReportVersion(db, slug, version);
    return sendPage(request, reply, deps, {
      title: `${request.t('evaluationReport.title')} (${request.t('evaluationReport.version')} ${shown.version}): ${exercise.title}`,
      body: (
        <PublishedReportPage
          exercise={exercise}
          content={shown.content}
          versions={versions}
          edition={{
            kind: 'version',
            version: shown.version,
            publishedAt: shown.publishedAt,
            sha256: shown.sha256,
            sourceHref: sourceHref(slug, shown.version),
          }}
        />
      ),
    });
  };

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/indicadores', access.public, async (request, reply) => {
    const { exercise } = await getExercise(db, parseParams(request, slugParams, 'exercise').slug);
    const process = await getProcessFigures(db, exercise, { now: deps.now(), timeZone: deps.config.TIME_ZONE });
    return sendPage(request, reply, deps, {
      title: `${request.t('evaluationReport.indicators.title')}: ${exercise.title}`,
      body: <IndicatorsPage exercise={exercise} process={process} />,
    });
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/informe-de-resultados', access.public, (request, reply) =>
    versionPage(request, reply, parseParams(request, slugParams, 'exercise').slug),
  );
  app.get<{ Params: { slug: string; version: string } }>(
    '/ejercicios/:slug/informe-de-resultados/versiones/:version',
    access.public,
    (request, reply) => {
      const { slug, version } = parseParams(request, versionParams, 'report');
      return versionPage(request, reply, slug, version);
    },
  );
  app.get<{ Params: { slug: string; version: string } }>(
    '/ejercicios/:slug/informe-de-resultados/versiones/:version/fuente.json',
    access.public,
    async (request, reply) => {
      const { slug, version } = parseParams(request, versionParams, 'report');
      const shown = await getReportVersion(db, slug, version);
      // Exactly the stored bytes: their SHA-256 is the hash the change log holds for this version.
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="informe-de-resultados-${slug}-v${shown.version}.json"`)
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-sha256', shown.sha256)
        .send(shown.text);
    },
  );
}
