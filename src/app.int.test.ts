import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './testing/test-app.js';
import { signInAs } from './testing/sign-in.js';
import { createTestDatabase } from './testing/test-db.js';

describe('public pages', () => {
  it('home shows the current exercise, its phase, what to do now and the past exercises, in Spanish', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<html lang="es-MX">');
    expect(html).toContain('Cuarto Plan de Acción Local (ejercicio de demostración)');
    expect(html).toContain('Ejercicio de demostración: sus datos son ilustrativos');
    expect(html).toContain('La convocatoria está abierta');
    expect(html).toContain('Abierta hasta el 7 de enero de 2027');
    expect(html).toContain('href="/ejercicios/cuarto-pal-demostracion/convocatoria"');
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('Tercer Plan de Acción Local de Gobierno Abierto Durango 2020-2021');
    expect(html).toContain('Segundo Plan de Acción Local');
    expect(html).toContain('Saltar al contenido principal');
  });

  it('switches to English with ?lang=en, remembers it in a cookie, and honours Accept-Language', async () => {
    const { app } = await createTestApp();
    const english = await app.inject({ url: '/?lang=en' });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('What you can do now');
    const cookie = english.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
    const again = await app.inject({ url: '/ejercicios', cookies: { lang: 'en' } });
    expect(again.body).toContain('Open-government exercises');
    const byHeader = await app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(byHeader.body).toContain('<html lang="en">');
    const back = await app.inject({ url: '/?lang=es', cookies: { lang: 'en' } });
    expect(back.body).toContain('<html lang="es-MX">');
  });

  it('shows the 2020 call with its dates in full in Durango time and its results', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/convocatoria' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('29 de septiembre de 2020');
    expect(response.body).toContain('15 de noviembre de 2020');
    expect(response.body).toContain('Residir en el estado de Durango.');
    expect(response.body).toContain('Cerrada');
    expect(response.body).toContain('mailto:gobiernoabierto@idaip.org.mx');
  });

  it('shows an exercise with its timeline and planned dates', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Implementación');
    expect(response.body).toContain('Del 29 de septiembre de 2020 al 15 de noviembre de 2020');
  });

  it('serves the privacy notice, the contact page, the components page and the open-data catalogue', async () => {
    const { app } = await createTestApp();
    for (const [url, text] of [
      ['/privacidad', 'Aviso de privacidad integral'],
      ['/contacto', 'gobiernoabierto@idaip.org.mx'],
      ['/componentes', 'Hay un problema'],
      ['/datos', 'Términos de Libre Uso MX'],
    ] as const) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(text);
    }
  });

  it('offers the 39 municipalities as open data in CSV and JSON, with INEGI codes', async () => {
    const { app } = await createTestApp();
    const csv = await app.inject({ url: '/datos/municipios.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('cvegeo,entidad,nombre,poblacion_2020,clave_municipio');
    expect(lines).toHaveLength(40);
    expect(lines).toContain('10005,10,Durango,688697,005');
    const json = (await app.inject({ url: '/datos/municipios.json' })).json();
    expect(json.count).toBe(39);
    expect(json.data.reduce((sum: number, m: { poblacion_2020: number }) => sum + m.poblacion_2020, 0)).toBe(1832650);
    const exercises = (await app.inject({ url: '/datos/ejercicios.json' })).json();
    expect(exercises.data.map((e: { clave: string }) => e.clave)).toEqual([
      'cuarto-pal-demostracion',
      'tercer-pal-2020-2021',
      'segundo-pal-2017-2019',
    ]);
  });

  it('says the portal is free software and where its source is, as the AGPL asks', async () => {
    const { app } = await createTestApp();
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('<a href="/codigo-fuente">Código fuente</a>');
    const withoutRepository = await app.inject({ url: '/codigo-fuente' });
    expect(withoutRepository.body).toContain('AGPL-3.0-or-later');
    expect(withoutRepository.body).toContain('Pide el código fuente');
    const licence = await app.inject({ url: '/codigo-fuente/licencia.txt' });
    expect(licence.headers['content-type']).toContain('text/plain');
    expect(licence.body).toContain('GNU AFFERO GENERAL PUBLIC LICENSE');
    const configured = await createTestApp({ env: { SOURCE_URL: 'https://git.example.mx/cocrea' } });
    const page = await configured.app.inject({ url: '/codigo-fuente?lang=en' });
    expect(page.body).toContain('<a href="https://git.example.mx/cocrea">https://git.example.mx/cocrea</a>');
    expect(page.body).toContain('GNU Affero General Public License');
  });

  it('serves the brand colour as a stylesheet and the built assets with long caching', async () => {
    const { app } = await createTestApp({ env: { BRAND_COLOR: '#7a1f3d' } });
    expect((await app.inject({ url: '/theme.css' })).body).toContain('--brand:#7a1f3d');
    const home = (await app.inject({ url: '/' })).body;
    const css = /href="(\/static\/style-[^"]+\.css)"/.exec(home)?.[1];
    expect(css).toBeDefined();
    const asset = await app.inject({ url: css! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('bad input and errors', () => {
  it('answers unknown routes with an accessible 404 page in the visitor language', async () => {
    const { app } = await createTestApp();
    const spanish = await app.inject({ url: '/no-existe' });
    expect(spanish.statusCode).toBe(404);
    expect(spanish.body).toContain('No encontramos esta página');
    expect(spanish.body).toContain('<main id="main"');
    const english = await app.inject({ url: '/no-existe', headers: { 'accept-language': 'en' } });
    expect(english.body).toContain('Page not found');
    expect((await app.inject({ url: '/ejercicios/no-existe' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/ejercicios/segundo-pal-2017-2019/convocatoria' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/datos/nada.csv' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/datos/municipios.xml' })).statusCode).toBe(404);
  });

  it('answers malformed requests with a 4xx page, never a 500', async () => {
    const { app } = await createTestApp();
    const badJson = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken',
    });
    expect(badJson.statusCode).toBeGreaterThanOrEqual(400);
    expect(badJson.statusCode).toBeLessThan(500);
    const badEncoding = await app.inject({ url: '/ejercicios/%E0%A4%A' });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.body).toContain('No pudimos entender la solicitud');
    const longSlug = await app.inject({ url: `/ejercicios/${'a'.repeat(5000)}` });
    expect(longSlug.statusCode).toBeLessThan(500);
    const huge = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `a=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(huge.statusCode).toBe(413);
  });

  it('shows a 500 page with a reference number and no internals when something breaks', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const { app } = await createTestApp({ database });
    await database.close();
    const response = await app.inject({ url: '/ejercicios', headers: { 'x-request-id': 'ref-12345' } });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Algo salió mal de nuestro lado');
    expect(response.body).toContain('ref-12345');
    expect(response.body).not.toMatch(/Error:|at .*\.ts|stack|closed/i);
    expect(response.headers['x-request-id']).toBe('ref-12345');
  });
});

describe('operations', () => {
  it('reports liveness and readiness, and not ready when the database is gone', async () => {
    const database = await createTestDatabase();
    const { app } = await createTestApp({ database });
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    await database.close();
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
  });

  it('sends security headers: strict CSP without inline script, no framing, a request id', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sends the same security headers on every kind of response: a page, a signed-in page, a 404, a static file', async () => {
    const { app, database } = await createTestApp();
    const { cookies } = await signInAs(database, { roles: [{ role: 'admin' }] });
    const home = await app.inject({ url: '/' });
    const names = [
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
    ];
    // The policy itself, pinned: no inline scripts or styles (decision 4), no framing, nothing from other origins.
    expect(home.headers).toMatchObject({
      'content-security-policy':
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'self';object-src 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    const css = /href="(\/static\/[^"]+\.css)"/.exec(home.body)?.[1];
    expect(css).toBeTruthy();
    for (const response of [
      await app.inject({ url: '/admin', cookies }),
      await app.inject({ url: '/no-existe' }),
      await app.inject({ url: css! }),
    ]) {
      for (const name of names)
        expect(response.headers[name], `${response.statusCode} ${name}`).toBe(home.headers[name]);
    }
  });

  it('adds HSTS only behind HTTPS', async () => {
    const { app } = await createTestApp({ env: { PUBLIC_URL: 'https://gobiernoabierto.example.mx' } });
    expect((await app.inject({ url: '/' })).headers['strict-transport-security']).toContain('max-age=31536000');
    const { app: plain } = await createTestApp();
    expect((await plain.inject({ url: '/' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('compresses pages for clients that accept it', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers['content-encoding']).toMatch(/br|gzip/);
  });

  it('gzips a page rendered for one request, keeps brotli for cached pages and other bodies', async () => {
    const { app } = await createTestApp();
    const headers = { 'accept-encoding': 'gzip, deflate, br' };
    // A form page is rendered for each visitor: gzipped, and still hands out its form token.
    const signIn = await app.inject({ url: '/entrar', headers });
    expect(signIn.headers['content-encoding']).toBe('gzip');
    expect(String(signIn.headers['set-cookie'])).toMatch(/^csrf=/);
    expect(gunzipSync(signIn.rawPayload).toString()).toContain('name="_csrf"');
    await app.inject({ url: '/', headers });
    expect((await app.inject({ url: '/', headers })).headers['content-encoding']).toBe('br');
    const csv = await app.inject({ url: '/datos/municipios.csv', headers });
    expect(csv.headers['content-encoding']).toBe('br');
    expect(
      (await app.inject({ url: '/entrar', headers: { 'accept-encoding': 'identity' } })).headers['content-encoding'],
    ).toBeUndefined();
  });
});

describe('cookies', () => {
  it('public pages set no cookie; a page with a form hands out its form token', async () => {
    const { app } = await createTestApp();
    for (const url of ['/', '/ejercicios', '/datos', '/privacidad']) {
      expect((await app.inject({ url })).headers['set-cookie'], url).toBeUndefined();
    }
    const signIn = await app.inject({ url: '/entrar' });
    expect(String(signIn.headers['set-cookie'])).toMatch(/^csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  });
});
