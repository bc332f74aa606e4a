import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Config } from '../config.js';
import {
  formatters,
  localeFromAcceptLanguage,
  matchLocale,
  translator,
  type Locale,
  type Translate,
} from './i18n/i18n.js';
import { wroteRecently } from './fresh-reads.js';
import type { PageContext } from './page-context.js';
import { renderDocument, renderFragment } from './render.js';

export const LOCALE_COOKIE = 'lang';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
}

/** Language from the URL (?lang=), then the cookie, then Accept-Language, then the configured default. */
export function resolveLocale(request: FastifyRequest, defaultLocale: Locale): { locale: Locale; fromQuery: boolean } {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = typeof query?.lang === 'string' ? matchLocale(query.lang) : undefined;
  if (fromQuery) return { locale: fromQuery, fromQuery: true };
  const fromCookie = matchLocale(request.cookies[LOCALE_COOKIE]);
  if (fromCookie) return { locale: fromCookie, fromQuery: false };
  return { locale: localeFromAcceptLanguage(request.headers['accept-language']) ?? defaultLocale, fromQuery: false };
}

export type SiteHeader = PageContext['header'];

export interface WebDeps {
  config: Config;
  assets: { css: string; js: string };
  /** The exercise for the header and navigation (the page's own, or the current one) and the change log's head. */
  /** `fresh`: the visitor just wrote something, so nothing remembered may be used (fresh-reads.ts). */
  loadChrome: (
    path: string,
    fresh?: boolean,
  ) => Promise<{
    header: SiteHeader;
    callHref: string | undefined;
    logHead?: PageContext['logHead'];
  }>;
}

export function pathOf(request: FastifyRequest): string {
  const url = request.url;
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

export async function buildPageContext(request: FastifyRequest, deps: WebDeps): Promise<PageContext> {
  let chrome: Awaited<ReturnType<WebDeps['loadChrome']>> = { header: undefined, callHref: undefined };
  try {
    chrome = await deps.loadChrome(pathOf(request), wroteRecently(request));
  } catch (error) {
    request.log.error({ err: error }, 'could not load the site header');
  }
  // An error raised before the locale hook ran still gets a page in the default language.
  const locale = request.locale ?? deps.config.DEFAULT_LOCALE;
  return {
    locale,
    t: request.t ?? translator(locale),
    format: formatters(locale, deps.config.TIME_ZONE),
    path: pathOf(request),
    siteName: deps.config.SITE_NAME,
    requestId: String(request.id),
    header: chrome.header,
    callHref: chrome.callHref,
    logHead: chrome.logHead,
    assets: deps.assets,
    user: request.actor
      ? {
          name: request.actor.name,
          isAdmin: request.actor.roles.some((r) => r.role === 'admin'),
          hasWork: request.actor.roles.some((r) => r.role !== 'admin'),
        }
      : undefined,
    csrfToken: request.csrfToken ?? '',
  };
}

/** Sends a whole HTML page. Pages vary by language, so caches are told so. */
export async function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: WebDeps,
  page: { title: string; body: ComponentChildren; status?: number },
): Promise<FastifyReply> {
  const context = await buildPageContext(request, deps);
  return reply
    .status(page.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('vary', 'Accept-Language, Cookie')
    .send(renderDocument(context, page.title, page.body));
}

const STREAM_MARK = '<!--cocrea:stream-->';

/** Where a streamed page's parts go (see sendStreamedPage): a `div` holding them, with the given class. */
export function StreamSlot(props: { class?: string }) {
  return <div class={props.class} dangerouslySetInnerHTML={{ __html: STREAM_MARK }} />;
}

/**
 * Sends a very large HTML page (a whole plan's print view) as it renders: the layout and `body` first, up to its
 * StreamSlot, then each of `parts` rendered on its own, then the rest. The process holds one part's HTML at a time
 * instead of the whole document (13 MB for 25,000 activities), so it answers sooner and collects far less garbage.
 * The page is not kept in the render cache (it is not a string).
 */
export async function sendStreamedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: WebDeps,
  page: { title: string; body: ComponentChildren; parts: Iterable<ComponentChildren> },
): Promise<FastifyReply> {
  const context = await buildPageContext(request, deps);
  const html = renderDocument(context, page.title, page.body);
  const at = html.indexOf(STREAM_MARK);
  if (at === -1) throw new Error('sendStreamedPage: the body has no StreamSlot');
  function* chunks() {
    yield Buffer.from(html.slice(0, at));
    let pending = '';
    for (const part of page.parts) {
      pending += renderFragment(context, part);
      if (pending.length >= 64 * 1024) {
        yield Buffer.from(pending);
        pending = '';
      }
    }
    yield Buffer.from(pending + html.slice(at + STREAM_MARK.length));
  }
  return reply
    .status(200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('vary', 'Accept-Language, Cookie')
    .send(Readable.from(chunks(), { objectMode: false }));
}
