import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { wroteRecently } from './fresh-reads.js';

/**
 * The render cache: the HTML of anonymous public pages, kept pre-compressed (identity, gzip, brotli) with an ETag,
 * so that a hit is answered without touching the database or rendering anything. It is dropped as a whole whenever
 * a public write commits (in any process: see `listenForNotifications` and `invalidatePublicPages`), and every entry
 * also expires after `maxAgeMs`, so pages that change with the clock alone (a call opening at its date) follow.
 * While notifications cannot be received (the listening connection is down) nothing is served from or stored in it.
 */
export interface RenderCacheOptions {
  maxEntries: number;
  maxBytes: number;
  maxAgeMs: number;
  /** Bodies smaller than this are sent uncompressed (as @fastify/compress does). */
  compressThreshold: number;
  now: () => number;
}

export type Encoding = 'br' | 'gzip' | 'identity';

export interface CachedPage {
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
  etag: string;
  contentType: string;
  vary: string;
  storedAt: number;
  bytes: number;
  keyBytes: number;
}

interface Memo {
  value: Promise<unknown>;
  storedAt: number;
}

export class RenderCache {
  /** Bumped by every invalidation: work that started under an older generation must not store its result. */
  generation = 0;
  private connected = false;
  private readonly pages = new Map<string, CachedPage>();
  private readonly memos = new Map<string, Memo>();
  private totalBytes = 0;

  constructor(readonly options: RenderCacheOptions) {}

  /** Whether entries may be served and stored: only while invalidations are being received. */
  get enabled(): boolean {
    return this.connected;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.pages.size, bytes: this.totalBytes };
  }

  /** Drops everything: a public write committed somewhere. */
  invalidate(): void {
    this.generation += 1;
    this.pages.clear();
    this.memos.clear();
    this.totalBytes = 0;
  }

  /** Notifications may have been missed while disconnected: start from nothing either way. */
  setConnected(connected: boolean): void {
    this.invalidate();
    this.connected = connected;
  }

  get(key: string): CachedPage | undefined {
    if (!this.connected) return undefined;
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    if (this.options.now() - page.storedAt >= this.options.maxAgeMs) {
      this.totalBytes -= page.bytes;
      return undefined;
    }
    this.pages.set(key, page); // most recently used last
    return page;
  }

  /** Stores a page rendered under `generation`; refused if an invalidation happened meanwhile. */
  put(key: string, generation: number, page: CachedPage): boolean {
    if (!this.connected || generation !== this.generation) return false;
    // The key (a URL chosen by the visitor) counts too, so long query strings cannot overrun the bound.
    page.bytes += key.length * 2 - page.keyBytes;
    page.keyBytes = key.length * 2;
    if (page.bytes > this.options.maxBytes) return false;
    const previous = this.pages.get(key);
    if (previous) {
      this.pages.delete(key);
      this.totalBytes -= previous.bytes;
    }
    this.pages.set(key, page);
    this.totalBytes += page.bytes;
    for (const [oldestKey, oldest] of this.pages) {
      if (this.pages.size <= this.options.maxEntries && this.totalBytes <= this.options.maxBytes) break;
      this.pages.delete(oldestKey);
      this.totalBytes -= oldest.bytes;
    }
    return true;
  }

  /**
   * A small value derived from public data (the site header), kept under the same invalidation and maximum age.
   * A failed load is not kept.
   */
  memo<T>(name: string, load: () => Promise<T>): Promise<T> {
    if (!this.connected) return load();
    const existing = this.memos.get(name);
    if (existing && this.options.now() - existing.storedAt < this.options.maxAgeMs) return existing.value as Promise<T>;
    const generation = this.generation;
    const value = load();
    const memo = { value, storedAt: this.options.now() };
    this.memos.set(name, memo);
    value.then(
      () => {
        // Loaded from data that an invalidation may have made stale before the load finished.
        if (generation !== this.generation && this.memos.get(name) === memo) this.memos.delete(name);
      },
      () => {
        if (this.memos.get(name) === memo) this.memos.delete(name);
      },
    );
    return value;
  }

  /** Compresses a rendered page once, for every client to come. */
  build(html: string, headers: { contentType: string; vary: string }): CachedPage {
    const identity = Buffer.from(html, 'utf8');
    const bodies: CachedPage['bodies'] = { identity };
    if (identity.length >= this.options.compressThreshold) {
      bodies.gzip = gzipSync(identity, { level: 9 });
      bodies.br = brotliCompressSync(identity, {
        params: {
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          // The best quality costs too much on large pages (a plan with thousands of rows).
          [zlibConstants.BROTLI_PARAM_QUALITY]: identity.length < 100_000 ? 11 : 6,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      });
    }
    const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
    const bytes = identity.length + (bodies.gzip?.length ?? 0) + (bodies.br?.length ?? 0) + 256;
    return {
      bodies,
      etag,
      contentType: headers.contentType,
      vary: headers.vary,
      storedAt: this.options.now(),
      bytes,
      keyBytes: 0,
    };
  }
}

/** The best encoding the client accepts among those stored: brotli, then gzip, else the plain body. */
export function chooseEncoding(acceptEncoding: string | undefined, available: CachedPage['bodies']): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number.parseFloat(q.slice(2)) : 1;
    accepted.set(token.trim(), Number.isFinite(quality) ? quality : 0);
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (available.br && allows('br')) return 'br';
  if (available.gzip && allows('gzip')) return 'gzip';
  return 'identity';
}

/** If-None-Match lists the ETag (weak comparison, as for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === bare;
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false`: never keep this route's pages in the render cache; `'json'`: keep its 200 JSON answers too (the public
     * API).
     */
    renderCache?: boolean | 'json';
  }
}

/** The cookie whose presence means "signed in": those visitors always get their own rendering. */
const SESSION_COOKIE = 'sid';
/** What the page varies by, plus the encoding (which @fastify/compress adds to uncached pages). */
function varyWithEncoding(vary: unknown): string {
  const value = typeof vary === 'string' && vary !== '' ? vary : 'Accept-Language, Cookie';
  return /accept-encoding/i.test(value) ? value : `${value}, accept-encoding`;
}

interface Pending {
  key: string;
  generation: number;
  hit: boolean;
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage, status: 'hit' | 'miss') {
  reply.header('etag', page.etag).header('vary', page.vary).header('x-render-cache', status);
  if (matchesEtag(request.headers['if-none-match'], page.etag)) {
    reply.code(304);
    return { payload: '' };
  }
  const encoding = chooseEncoding(request.headers['accept-encoding'], page.bodies);
  reply.header('content-type', page.contentType);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return { payload: page.bodies[encoding]! };
}

/**
 * Hooks the cache into the app. Register after the cookie plugin and the language hook (the key holds the resolved
 * language), and before the session hooks, so that a hit skips them.
 *
 * Eligible: GET and HEAD without a `sid` cookie, without the `fresh` cookie of a visitor who just wrote something
 * (fresh-reads.ts) and without `?lang=` (which sets a cookie). Stored: a 200 text/html
 * string that sets no cookie, is not `no-store`/`private`, and carries no CSRF form field (a per-visitor token);
 * routes can opt out with `config: { renderCache: false }`, and JSON routes opt in with `config: { renderCache: 'json'
 * }`.
 */
export function registerRenderCache(
  app: FastifyInstance,
  cache: RenderCache,
  options: { publicWriteCount: () => number },
): void {
  const pending = new WeakMap<FastifyRequest, Pending>();
  const writesAtStart = new WeakMap<FastifyRequest, number>();

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      writesAtStart.set(request, options.publicWriteCount());
      return;
    }
    if (!cache.enabled) return;
    if (request.cookies[SESSION_COOKIE] !== undefined || wroteRecently(request)) return;
    const query = request.query as Record<string, unknown> | undefined;
    if (query && 'lang' in query) return;
    if (request.routeOptions.config?.renderCache === false) return;
    const key = `${request.locale} ${request.url}`;
    const page = cache.get(key);
    if (!page) {
      pending.set(request, { key, generation: cache.generation, hit: false });
      return;
    }
    pending.set(request, { key, generation: cache.generation, hit: true });
    const { payload } = send(request, reply, page, 'hit');
    return reply.send(payload);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // A form that wrote public data has committed by now: the visitor's next page must show it, even before the
    // notification of the commit reaches this process.
    const before = writesAtStart.get(request);
    if (before !== undefined && before !== options.publicWriteCount()) cache.invalidate();
    const state = pending.get(request);
    if (!state || state.hit) return payload;
    pending.delete(request);
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const isJsonRoute = request.routeOptions.config?.renderCache === 'json';
    if (!contentType.startsWith('text/html') && !(isJsonRoute && contentType.startsWith('application/json')))
      return payload;
    if (reply.getHeader('set-cookie') !== undefined || reply.getHeader('content-encoding') !== undefined)
      return payload;
    if (/no-store|private/i.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    if (payload.includes('name="_csrf"')) return payload;
    const page = cache.build(payload, { contentType, vary: varyWithEncoding(reply.getHeader('vary')) });
    if (!cache.put(state.key, state.generation, page)) return payload;
    return send(request, reply, page, 'miss').payload;
  });
}
