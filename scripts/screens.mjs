#!/usr/bin/env node
// Screenshots of the pages residents and staff use most, at a phone's width (390 px) and a laptop's (1280 px), for
// docs/screens/. Run against a portal on a PostgreSQL database with the demo data:
//
//   node scripts/screens.mjs http://127.0.0.1:3000 postgres://postgres@127.0.0.1:5432/cocrea docs/screens/after
//
// It signs in an administrator and a liaison of a demo institution by writing their sessions in the database (as
// the tests do), then takes the first screen of each page with Debian's Chromium (CHROMIUM_PATH to change it).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { chromium } from '@playwright/test';

const [base, databaseUrl, outDir] = process.argv.slice(2);
if (!base || !databaseUrl || !outDir) {
  console.error('usage: node scripts/screens.mjs BASE_URL DATABASE_URL OUT_DIR');
  process.exit(64);
}
mkdirSync(outDir, { recursive: true });

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
/** A confirmed account with a role, and a session for it: returns the cookie value. */
async function signIn(email, name, role, institutionId) {
  const { rows } = await client.query(
    `insert into users (email, name, email_confirmed_at) values ($1, $2, now())
     on conflict ((lower(email))) do update set name = excluded.name returning id`,
    [email, name],
  );
  const userId = rows[0].id;
  await client.query('delete from role_assignments where user_id = $1', [userId]);
  await client.query('insert into role_assignments (user_id, role, institution_id) values ($1, $2, $3)', [
    userId,
    role,
    institutionId ?? null,
  ]);
  const token = randomBytes(32).toString('base64url');
  await client.query(
    `insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), userId, randomBytes(32).toString('base64url')],
  );
  return token;
}
const { rows: lead } = await client.query(
  `select c.lead_institution_id as id from commitments c join action_plans p on p.id = c.plan_id
   join exercises e on e.id = p.exercise_id where e.slug = 'tercer-pal-2020-2021' and c.number = 1`,
);
const admin = await signIn('pantallas.admin@example.mx', 'Ana Administradora', 'admin');
const liaison = await signIn('pantallas.enlace@example.mx', 'Luis Enlace', 'liaison', lead[0]?.id);
await client.end();

const pages = [
  ['home', '/'],
  ['plan', '/ejercicios/tercer-pal-2020-2021/plan'],
  ['commitment', '/ejercicios/tercer-pal-2020-2021/plan/compromisos/1'],
  ['secretariat', '/ejercicios/tercer-pal-2020-2021/secretariado'],
  ['signup', '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate'],
  ['admin', '/admin', admin],
  ['liaison-work', '/mis-actividades', liaison],
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
for (const width of [390, 1280]) {
  const context = await browser.newContext({
    locale: 'es-MX',
    viewport: { width, height: width === 390 ? 844 : 900 },
    deviceScaleFactor: 1,
  });
  for (const [name, path, cookie] of pages) {
    await context.clearCookies();
    if (cookie) await context.addCookies([{ name: 'sid', value: cookie, url: base }]);
    const page = await context.newPage();
    const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
    const file = join(outDir, `${name}-${width}.png`);
    await page.screenshot({ path: file });
    console.log(`${file}: ${response?.status()} ${path}`);
    await page.close();
  }
  await context.close();
}
await browser.close();
