import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';
import { isDatabaseUnavailable, isValueRefusedByDatabase } from '../db/errors.js';
import type { ModuleDeps } from '../kernel/manifest.js';
import { ErrorPage } from '../modules/site/views/error-page.js';
import { AppError, statusByCode } from '../shared/errors.js';
import { sendPage } from '../web/http.js';
import { translator } from '../web/i18n/i18n.js';
import { isMalformedMultipart } from '../web/input.js';

/** What a 503 asks the visitor (and a proxy) to wait before trying again. */
const RETRY_AFTER_SECONDS = 10;

/** Sends the 503 page: used by the error handler and by the request timeout (src/app/request-hooks.ts). */
export type SendUnavailable = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** Malformed URLs fail in the router, before hooks and the error handler: answer them with the same 400 page. */
export const frameworkErrorHandler =
  (config: Config, deps: ModuleDeps): FastifyServerOptions['frameworkErrors'] =>
  (error, request, reply) => {
    // The message quotes the URL, which may hold a token: the code says enough.
    request.log.info({ code: error.code }, 'malformed request');
    const t = translator(config.DEFAULT_LOCALE);
    void sendPage(request, reply, deps, {
      status: 400,
      title: t('error.badRequest.title'),
      body: <ErrorPage title={t('error.badRequest.title')} body={t('error.badRequest.body')} />,
    });
  };

/**
 * While the database is away (stopped, restarting, frozen): 503 with Retry-After, and a page that asks nothing of
 * the database (no site header).
 */
export function unavailablePageSender(config: Config, deps: ModuleDeps): SendUnavailable {
  const withoutDatabase = { ...deps, loadChrome: async () => ({ header: undefined, callHref: undefined }) };
  return (request, reply) => {
    const t = request.t ?? translator(config.DEFAULT_LOCALE);
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    return sendPage(request, reply, withoutDatabase, {
      status: 503,
      title: t('error.unavailable.title'),
      body: <ErrorPage title={t('error.unavailable.title')} body={t('error.unavailable.body')} />,
    });
  };
}

export function registerNotFoundHandler(app: FastifyInstance, config: Config, deps: ModuleDeps) {
  app.setNotFoundHandler(async (request, reply) => {
    const t = request.t ?? translator(config.DEFAULT_LOCALE);
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply.status(404).send({ error: 'not_found' });
    return sendPage(request, reply, deps, {
      status: 404,
      title: t('error.notFound.title'),
      body: <ErrorPage title={t('error.notFound.title')} body={t('error.notFound.body')} />,
    });
  });
}

/**
 * The single error handler: an AppError's code (or a framework 4xx) becomes a status and a page in the visitor's
 * language.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  config: Config,
  deps: ModuleDeps,
  sendUnavailable: SendUnavailable,
) {
  app.setErrorHandler(async (error, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'the database is unavailable: answered 503');
      return sendUnavailable(request, reply);
    }
    const t = request.t ?? translator(config.DEFAULT_LOCALE);
    const appError = error instanceof AppError ? error : undefined;
    // A malformed multipart body, or a value the database refused (a safety net behind each form's own checks), is the
    // sender's: 400.
    const fastifyStatus =
      isMalformedMultipart(error, request) || isValueRefusedByDatabase(error)
        ? 400
        : (error as { statusCode?: number }).statusCode;
    const status = appError
      ? statusByCode[appError.code]
      : fastifyStatus && fastifyStatus >= 400 && fastifyStatus < 500
        ? fastifyStatus
        : 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    else if (isValueRefusedByDatabase(error))
      request.log.warn({ err: error, status }, 'the database refused a value of the request');
    else
      request.log.info({ code: appError?.code ?? (error as { code?: string }).code, status }, (error as Error).message);
    if (status === 404) {
      return sendPage(request, reply, deps, {
        status,
        title: t('error.notFound.title'),
        body: <ErrorPage title={t('error.notFound.title')} body={t('error.notFound.body')} />,
      });
    }
    if (status === 403) {
      const kind = appError?.code === 'csrf' ? 'csrf' : 'forbidden';
      return sendPage(request, reply, deps, {
        status,
        title: t(`error.${kind}.title`),
        body: <ErrorPage title={t(`error.${kind}.title`)} body={t(`error.${kind}.body`)} />,
      });
    }
    if (status === 429) {
      const retryAfterMs = Number(appError?.details?.retryAfterMs ?? 60000);
      const minutes = Math.max(1, Math.ceil(retryAfterMs / 60000));
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      reply.header('retry-after', seconds);
      // An account's back-off asks for seconds; a window, for minutes.
      const body =
        seconds < 60
          ? t('error.tooMany.bodySeconds', { seconds })
          : minutes === 1
            ? t('error.tooMany.bodyOneMinute')
            : t('error.tooMany.body', { minutes });
      return sendPage(request, reply, deps, {
        status,
        title: t('error.tooMany.title'),
        body: <ErrorPage title={t('error.tooMany.title')} body={body} />,
      });
    }
    if (status === 415) {
      return sendPage(request, reply, deps, {
        status,
        title: t('error.unsupportedType.title'),
        body: <ErrorPage title={t('error.unsupportedType.title')} body={t('error.unsupportedType.body')} />,
      });
    }
    if (appError?.details?.reason === 'nul') {
      return sendPage(request, reply, deps, {
        status,
        title: t('error.nul.title'),
        body: (
          <ErrorPage
            title={t('error.nul.title')}
            body={t('error.nul.body', { field: String(appError.details.field) })}
          />
        ),
      });
    }
    if (status < 500) {
      return sendPage(request, reply, deps, {
        status,
        title: t('error.badRequest.title'),
        body: <ErrorPage title={t('error.badRequest.title')} body={t('error.badRequest.body')} />,
      });
    }
    return sendPage(request, reply, deps, {
      status: 500,
      title: t('error.server.title'),
      body: (
        <ErrorPage title={t('error.server.title')} body={t('error.server.body', { requestId: String(request.id) })} />
      ),
    });
  });
}
