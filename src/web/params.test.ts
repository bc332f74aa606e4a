import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../shared/errors.js';
import { idParams, noticeKey, oneOfQuery, pageQuery, parseParams, parseQuery, requireId, slugParam } from './params.js';

const request = (params: unknown, query: unknown = {}) => ({ params, query }) as FastifyRequest;
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
  return 'none';
};

describe('route parameters', () => {
  it('answers not found for a malformed id or slug', () => {
    const id = '3f0c1d2e-4b5a-4c6d-8e7f-90a1b2c3d4e5';
    expect(parseParams(request({ id }), idParams)).toEqual({ id });
    expect(codeOf(() => parseParams(request({ id: 'not-a-uuid' }), idParams))).toBe('not_found');
    expect(codeOf(() => parseParams(request({ slug: 'a--b' }), z.object({ slug: slugParam })))).toBe('not_found');
    expect(parseParams(request({ slug: 'ejercicio-2026' }), z.object({ slug: slugParam }))).toEqual({
      slug: 'ejercicio-2026',
    });
  });

  it('checks one id on its own the same way', () => {
    expect(requireId('3f0c1d2e-4b5a-4c6d-8e7f-90a1b2c3d4e5')).toBe('3f0c1d2e-4b5a-4c6d-8e7f-90a1b2c3d4e5');
    expect(codeOf(() => requireId('3f0c1d2e-4b5a-4c6d-8e7f-90a1b2c3d4e5x'))).toBe('not_found');
  });
});

describe('query strings', () => {
  it('reads a page number as 1 unless it is a whole number from 1 to 100 000', () => {
    const page = z.object({ pagina: pageQuery });
    const pageOf = (pagina: unknown) => parseQuery(request({}, { pagina }), page).pagina;
    expect([
      pageOf('3'),
      pageOf(undefined),
      pageOf(''),
      pageOf('0'),
      pageOf('2.5'),
      pageOf('x'),
      pageOf('100001'),
      pageOf(['2', '3']),
      pageOf('100000'),
    ]).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 100000]);
  });

  it('takes one of the known values, else the default', () => {
    const sort = z.object({ orden: oneOfQuery(['numero', 'avance'], 'numero') });
    expect(parseQuery(request({}, { orden: 'avance' }), sort).orden).toBe('avance');
    expect(parseQuery(request({}, { orden: 'otro' }), sort).orden).toBe('numero');
    expect(parseQuery(request({}, {}), sort).orden).toBe('numero');
  });

  it('finds the notice a redirect asked for, and none for an unknown, repeated or inherited name', () => {
    const notices = { saved: 'accounts.account.saved' } as const;
    expect(noticeKey(request({}, { aviso: 'saved' }), notices)).toBe('accounts.account.saved');
    expect(noticeKey(request({}, { aviso: 'other' }), notices)).toBeUndefined();
    expect(noticeKey(request({}, { aviso: ['saved', 'saved'] }), notices)).toBeUndefined();
    expect(noticeKey(request({}, { aviso: 'constructor' }), notices)).toBeUndefined();
    expect(noticeKey(request({}, undefined), notices)).toBeUndefined();
  });

  it('refuses a query that does not parse', () => {
    expect(codeOf(() => parseQuery(request({}, { n: 'x' }), z.object({ n: z.coerce.number() })))).toBe('bad_request');
  });
});
