import { describe, expect, it } from 'vitest';
import { chooseEncoding, matchesEtag, RenderCache, type RenderCacheOptions } from './render-cache.js';

function cacheWith(options: Partial<RenderCacheOptions> = {}) {
  let clock = 0;
  const cache = new RenderCache({
    maxEntries: 100,
    maxBytes: 10_000_000,
    maxAgeMs: 60_000,
    compressThreshold: 1024,
    now: () => clock,
    ...options,
  });
  cache.setConnected(true);
  return { cache, advance: (ms: number) => (clock += ms) };
}

const html = (text: string) => `<!DOCTYPE html><html><body>${text.repeat(50)}</body></html>`;
const headers = { contentType: 'text/html; charset=utf-8', vary: 'Accept-Language, Cookie, accept-encoding' };

describe('RenderCache', () => {
  it('keeps a page until it is invalidated', () => {
    const { cache } = cacheWith();
    expect(cache.put('es /', cache.generation, cache.build(html('a'), headers))).toBe(true);
    expect(cache.get('es /')?.bodies.identity.toString()).toBe(html('a'));
    cache.invalidate();
    expect(cache.get('es /')).toBeUndefined();
  });

  it('refuses a page rendered before an invalidation that happened while it was rendering', () => {
    const { cache } = cacheWith();
    const startedUnder = cache.generation;
    cache.invalidate();
    expect(cache.put('es /', startedUnder, cache.build(html('stale'), headers))).toBe(false);
    expect(cache.get('es /')).toBeUndefined();
  });

  it('lets entries expire after the maximum age, for pages that change with the clock', () => {
    const { cache, advance } = cacheWith({ maxAgeMs: 60_000 });
    cache.put('es /', cache.generation, cache.build(html('a'), headers));
    advance(59_999);
    expect(cache.get('es /')).toBeDefined();
    advance(1);
    expect(cache.get('es /')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond the entry and byte bounds', () => {
    const { cache } = cacheWith({ maxEntries: 2 });
    cache.put('a', cache.generation, cache.build(html('a'), headers));
    cache.put('b', cache.generation, cache.build(html('b'), headers));
    cache.get('a');
    cache.put('c', cache.generation, cache.build(html('c'), headers));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();

    const one = cacheWith().cache.build(html('x'), headers).bytes;
    const small = cacheWith({ maxBytes: one * 2 + 10 }).cache;
    for (const key of ['x', 'y', 'z']) small.put(key, small.generation, small.build(html('x'), headers));
    expect(small.size.entries).toBe(2);
    expect(small.size.bytes).toBeLessThanOrEqual(one * 2 + 10);
    expect(small.get('x')).toBeUndefined();
  });

  it('counts the key in the byte bound, so long query strings cannot overrun it', () => {
    const page = cacheWith().cache.build(html('k'), headers);
    const { cache } = cacheWith({ maxBytes: page.bytes + 1000 });
    expect(cache.put(`es /?q=${'x'.repeat(100)}`, cache.generation, cache.build(html('k'), headers))).toBe(true);
    expect(cache.put(`es /?q=${'x'.repeat(1000)}`, cache.generation, cache.build(html('k'), headers))).toBe(false);
    expect(cache.size.bytes).toBeLessThanOrEqual(page.bytes + 1000);
  });

  it('serves and stores nothing while invalidations cannot be received, and starts empty once they can', () => {
    const { cache } = cacheWith();
    cache.put('a', cache.generation, cache.build(html('a'), headers));
    cache.setConnected(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.put('b', cache.generation, cache.build(html('b'), headers))).toBe(false);
    cache.setConnected(true);
    expect(cache.get('a')).toBeUndefined();
  });

  it('memoises a value under the same invalidation, and not a failed load', async () => {
    const { cache, advance } = cacheWith();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.memo('chrome', load)).toBe(1);
    expect(await cache.memo('chrome', load)).toBe(1);
    cache.invalidate();
    expect(await cache.memo('chrome', load)).toBe(2);
    advance(60_000);
    expect(await cache.memo('chrome', load)).toBe(3);
    await expect(cache.memo('broken', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.memo('broken', load)).toBe(4);
  });

  it('does not keep a memo whose load straddled an invalidation', async () => {
    const { cache } = cacheWith();
    let release!: (value: string) => void;
    const slow = cache.memo('chrome', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate();
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.memo('chrome', async () => 'new')).toBe('new');
  });
});

describe('content negotiation', () => {
  const bodies = { identity: Buffer.from('x'), gzip: Buffer.from('g'), br: Buffer.from('b') };
  it('prefers brotli, then gzip, honouring q=0', () => {
    expect(chooseEncoding('gzip, deflate, br', bodies)).toBe('br');
    expect(chooseEncoding('gzip', bodies)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', bodies)).toBe('gzip');
    expect(chooseEncoding('*', bodies)).toBe('br');
    expect(chooseEncoding(undefined, bodies)).toBe('identity');
    expect(chooseEncoding('gzip', { identity: Buffer.from('small') })).toBe('identity');
  });

  it('matches If-None-Match weakly, in lists and with *', () => {
    expect(matchesEtag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('*', 'W/"abc"')).toBe(true);
    expect(matchesEtag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"abc"')).toBe(false);
  });
});
