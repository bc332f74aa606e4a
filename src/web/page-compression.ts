import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** The quality (0–1) the client gives `coding` in its Accept-Encoding header, `*` included; 0 when not accepted. */
export function acceptedQuality(header: string | undefined, coding: string): number {
  if (!header) return 0;
  let wildcard: number | undefined;
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const quality = Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0;
    if (name === coding || (coding === 'gzip' && name === 'x-gzip')) return quality;
    if (name === '*') wildcard = quality;
  }
  return wildcard ?? 0;
}

/**
 * Pages rendered for one request (signed-in pages, forms: everything the render cache does not keep) are compressed
 * on the fly. For a page of a few kilobytes gzip (level 6) costs about half of what brotli at @fastify/compress's
 * quality 4 does, for a body under 10 % larger, and brotli at a quality as cheap as gzip is larger than gzip; so such
 * HTML is sent gzipped whenever the client takes gzip at least as gladly as brotli. Everything else (large or
 * streamed bodies, where brotli is both smaller and faster, JSON, CSV, …) is left to @fastify/compress, and cached
 * pages keep their pre-compressed brotli. Register after the render cache, so its bodies arrive already encoded.
 */
export function registerPageCompression(app: FastifyInstance, options: { threshold: number; maxBytes: number }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || reply.hasHeader('content-encoding')) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    if (request.headers['x-no-compression'] !== undefined) return payload;
    const size = Buffer.byteLength(payload);
    if (size < options.threshold || size > options.maxBytes) return payload;
    const accept = request.headers['accept-encoding'];
    const gzip = acceptedQuality(accept, 'gzip');
    if (gzip === 0 || gzip < acceptedQuality(accept, 'br')) return payload;
    const body = gzipSync(payload);
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
      reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    reply.header('content-encoding', 'gzip').header('content-length', body.length);
    return body;
  });
}
