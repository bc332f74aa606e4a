import { describe, expect, it } from 'vitest';
import { safeLocalPath, signInPath } from './safe-redirect.js';

/** Known open-redirect payloads (OWASP, PortSwigger's lists), and values a Location header cannot carry (non-ASCII). */
const offSite = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  '/%2F%2Fevil.example',
  '/%2f%2fevil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '%2F%2Fevil.example',
  'http://evil.example',
  'https://evil.example',
  'https:evil.example',
  'HTTPS://evil.example',
  '//evil.example/%2F..',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/%09/evil.example',
  '/%0D%0ALocation:%20http://evil.example',
  '/ /evil.example',
  ' /cuenta',
  '／／evil.example',
  '/／evil.example',
  '/\u3002evil.example',
  '/ejercicios/año',
  'evil.example',
  '',
  '/%',
  '/\u0000',
  `/${'a'.repeat(3000)}`,
];

const onSite = [
  '/',
  '/cuenta',
  '/.evil',
  '/ejercicios/tercer-pal-2020-2021?lang=en',
  '/admin/usuarios?aviso=x#arriba',
  '/ejercicios/a%C3%B1o',
];

describe('safeLocalPath: redirects stay on the site', () => {
  it.each(offSite)('refuses %j and falls back', (payload) => {
    expect(safeLocalPath(payload, '/cuenta')).toBe('/cuenta');
  });

  it.each(onSite)('keeps the path %j', (path) => {
    expect(safeLocalPath(path, '/cuenta')).toBe(path);
  });

  it('refuses what is not a string', () => {
    expect(safeLocalPath(['/cuenta', '//evil'], '/')).toBe('/');
    expect(safeLocalPath(undefined, '/')).toBe('/');
  });

  it('builds the sign-in link only with a path on the site', () => {
    expect(signInPath('/cuenta/datos')).toBe('/entrar?siguiente=%2Fcuenta%2Fdatos');
    expect(signInPath('//evil.example')).toBe('/entrar');
  });
});
