import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from './db/client.js';
import { updateInstitution } from './modules/directory/update-institution.js';
import { institutions } from './modules/directory/schema.js';
import { capturePaperProblem } from './modules/cocreation/paper/capture-paper.js';
import { problemPath, problemsPath, proposalPath, tablePath } from './modules/cocreation/paths.js';
import { problems } from './modules/cocreation/schema.js';
import { captureInPersonSupports } from './modules/cocreation/support-problem.js';
import { exercises } from './modules/exercises/schema.js';
import { registry } from './registry.js';
import { personActor, portalActor } from './testing/actors.js';
import { createTestUser } from './testing/sign-in.js';
import { createTestApp } from './testing/test-app.js';

/*
 * No personal data, proved (issue 15, item 6): canary e-mails, phones and names go into every personal field of the
 * schemas (each field its own canary, so a leak names its field), through the use cases where they log public changes
 * and straight into the tables for the rest; then every documented API route (every row of every collection, every
 * item by its real id) and every file of /datos (datasets, dictionaries, metadata, the ZIP's entries) is searched.
 */

/** Each personal field and the canary planted in it: an e-mail, a phone or a name nobody else would write. */
const canaries = {
  'users.email': 'canario.users.email@canario.invalid',
  'users.name': 'Canario Nombrecuenta Usuariez',
  'registrations.full_name': 'Canario Inscrita Registrez',
  'registrations.email': 'canario.registrations.email@canario.invalid',
  'registrations.phone': '+52 618 555 0101',
  'registrations.organization': 'Canario Organizacion Privada',
  'registrations.motivation': 'Canario motivación personal privada',
  'secretariat_memberships.email': 'canario.memberships.email@canario.invalid',
  'institutions.contact_email': 'canario.institutions.contact@canario.invalid',
  'commitments.contacts.name': 'Canario Enlace Compromisez',
  'commitments.contacts.email': 'canario.commitments.contact@canario.invalid',
  'commitments.contacts.phone': '+52 618 555 0102',
  'commitment_partners.name': 'Canario Persona Socia',
  'activities.responsible_person': 'Canario Responsable Actividez',
  'activity_notes.author_label': 'Canario Autora Notez',
  'stored_files.original_name': 'canario-nombre-de-archivo-personal.pdf',
  'emails.to_address': 'canario.emails.to@canario.invalid',
  'emails.subject': 'Canario asunto de correo',
  'arco_requests.description': 'Canario solicitud ARCO privada',
  'problem_reports.details': 'Canario detalle de reporte',
  'comment_reports.reason': 'Canario motivo de reporte',
  'user_tokens.data': 'canario.tokens.newemail@canario.invalid',
  'workshop_registrations.accessibility_needs': 'Canario necesidad de accesibilidad privada',
  'workshop_registrations.interpreter_language': 'Canario lengua de intérprete privada',
  // A paper form captured by staff: who captured it (an account of its own) and what the scan says.
  'problems.captured_by.name': 'Canario Capturista Papelez',
  'problems.captured_by.email': 'canario.captura.papel@canario.invalid',
  'problems.scan_file_id.content': 'canario.formato.escaneado@canario.invalid',
} as const;

/** Where each canary turned up (the change log's public outputs are reported apart: issue 12, item 9). */
function leaksIn(body: string): string[] {
  const digits = body.replace(/\D/g, '');
  return Object.entries(canaries)
    .filter(([, value]) =>
      value.startsWith('+') ? body.includes(value) || digits.includes(value.replace(/\D/g, '')) : body.includes(value),
    )
    .map(([field]) => field);
}

async function plant(app: FastifyInstance, database: Database): Promise<{ scanIds: string[] }> {
  const { db } = database;
  // Through a use case, so the change log records it as it would in real life.
  const [institution] = await db.select().from(institutions).limit(1);
  await updateInstitution(
    db,
    institution!.id,
    {
      name: institution!.name,
      kind: institution!.kind,
      isGovernment: institution!.isGovernment,
      contactEmail: canaries['institutions.contact_email'],
    },
    portalActor,
  );
  // Through the sign-up form (Súmate) of the demo's open call.
  const form = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';
  const page = await app.inject({ url: form });
  const sent = await app.inject({
    method: 'POST',
    url: form,
    cookies: { csrf: page.cookies.find((c) => c.name === 'csrf')!.value },
    payload: {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
      privacyNoticeId: /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)![1]!,
      fullName: canaries['registrations.full_name'],
      email: canaries['registrations.email'],
      phone: canaries['registrations.phone'],
      municipalityCvegeo: '10005',
      sector: 'civil_society_org',
      organization: canaries['registrations.organization'],
      themes: 'Espacios públicos',
      motivation: canaries['registrations.motivation'],
      acceptsHonorary: 'yes',
      consent: 'yes',
    },
  });
  expect(sent.statusCode).toBe(303);
  // Every other personal field of every row, straight into the tables.
  const contact = JSON.stringify([
    {
      name: canaries['commitments.contacts.name'],
      position: 'Enlace',
      email: canaries['commitments.contacts.email'],
      phone: canaries['commitments.contacts.phone'],
    },
  ]);
  const statements = [
    sql`update users set name = ${canaries['users.name']}, email = replace(${canaries['users.email']}, '@', '.' || id || '@')`,
    sql`update users set email = ${canaries['users.email']} where id = (select min(id::text)::uuid from users)`,
    sql`update registrations set full_name = ${canaries['registrations.full_name']}, phone = ${canaries['registrations.phone']},
        organization = ${canaries['registrations.organization']}, motivation = ${canaries['registrations.motivation']}`,
    sql`update secretariat_memberships set email = ${canaries['secretariat_memberships.email']}`,
    sql`update institutions set contact_email = ${canaries['institutions.contact_email']}`,
    sql`update commitments set contacts = ${contact}::jsonb`,
    sql`update commitment_partners set name = ${canaries['commitment_partners.name']}`,
    sql`update activities set responsible_person = ${canaries['activities.responsible_person']}`,
    sql`update activity_notes set author_label = ${canaries['activity_notes.author_label']}`,
    sql`update stored_files set original_name = ${canaries['stored_files.original_name']}`,
    sql`update emails set to_address = ${canaries['emails.to_address']}, subject = ${canaries['emails.subject']}`,
    sql`update arco_requests set description = ${canaries['arco_requests.description']}`,
    sql`update problem_reports set details = ${canaries['problem_reports.details']}`,
    sql`update comment_reports set reason = ${canaries['comment_reports.reason']}`,
    sql`update user_tokens set data = ${JSON.stringify({ email: canaries['user_tokens.data'] })}::jsonb`,
    // A registration to one of the demo's co-creation tables, with its needs (the demo has none: people are private).
    sql`insert into workshop_registrations (workshop_id, user_id, status, accessibility_needs, interpreter_language,
        queued_at, queue_number, attended)
        select w.id, (select min(id::text)::uuid from users), 'registered',
          ${canaries['workshop_registrations.accessibility_needs']}, ${canaries['workshop_registrations.interpreter_language']},
          now(), 1, true
        from workshops w order by w.number limit 1`,
  ];
  for (const statement of statements) await db.execute(statement);
  const paper = await plantPaperCapture(database);
  const count = async (table: string) =>
    Number(
      ((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as { rows: { n: number }[] }).rows[0]!.n,
    );
  // The demo has rows in the tables that matter most: the canaries are really there.
  for (const table of [
    'users',
    'registrations',
    'secretariat_memberships',
    'commitments',
    'activities',
    'emails',
    'workshop_registrations',
  ])
    expect(await count(table), table).toBeGreaterThan(0);
  return paper;
}

/**
 * A problem and a sheet of supports handed in on paper in the third exercise's diagnosis, captured by a facilitator
 * (an account with canaries of its own) with scans that carry the resident's contact: who captured them and the scans
 * are staff-only. Returns the scans' ids, which no public output may name.
 */
async function plantPaperCapture(database: Database) {
  const { db } = database;
  const capturer = await createTestUser(database, {
    roles: [{ role: 'facilitator' }],
    name: canaries['problems.captured_by.name'],
    email: canaries['problems.captured_by.email'],
  });
  const [third] = await db.select().from(exercises).where(eq(exercises.slug, 'tercer-pal-2020-2021'));
  const options = {
    actor: personActor(capturer.id, ['facilitator']),
    now: new Date('2021-01-20T18:00:00Z'),
    timeZone: 'America/Monterrey',
    scan: {
      filename: 'formato-maria-lopez.pdf',
      content: Buffer.from(`%PDF-1.4\n% ${canaries['problems.scan_file_id.content']}\n%%EOF\n`),
    },
  };
  const captured = await capturePaperProblem(
    db,
    third!.id,
    {
      title: 'Calles sin banquetas junto al mercado',
      description: 'Las calles junto al mercado no tienen banquetas y la gente camina entre los coches.',
      theme: 'mobility',
      municipalities: ['10005'],
    },
    options,
  );
  const [first] = await db
    .select()
    .from(problems)
    .where(and(eq(problems.exerciseId, third!.id), eq(problems.number, 1)));
  await captureInPersonSupports(db, first!.id, { count: 3, scan: options.scan }, options);
  const scans = await db.execute(sql`select distinct scan_file_id::text as id from problem_supports
    where scan_file_id is not null union select ${captured.scanFileId}::text`);
  return { number: captured.number, scanIds: (scans as unknown as { rows: { id: string }[] }).rows.map((r) => r.id) };
}

/**
 * The co-creation's public pages (issue 13 item 10): every exercise's problems, reasoned response, proposals, ranking
 * and tables, and each problem (with its history), proposal and table.
 */
async function cocreationPages(app: FastifyInstance, database: Database): Promise<Map<string, string>> {
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: { slug: string; number: number }[] }).rows;
  const urls: string[] = [];
  for (const { slug } of await rows(sql`select slug, 0 as number from exercises`))
    urls.push(
      problemsPath(slug),
      `/ejercicios/${slug}/respuesta-razonada`,
      `/ejercicios/${slug}/propuestas`,
      `/ejercicios/${slug}/priorizacion`,
      `/ejercicios/${slug}/mesas`,
    );
  for (const { slug, number } of await rows(
    sql`select e.slug, p.number from problems p join exercises e on e.id = p.exercise_id`,
  ))
    urls.push(problemPath(slug, number), `${problemPath(slug, number)}/historial`);
  for (const { slug, number } of await rows(
    sql`select e.slug, p.number from proposals p join exercises e on e.id = p.exercise_id`,
  ))
    urls.push(proposalPath(slug, number));
  for (const { slug, number } of await rows(
    sql`select e.slug, w.number from workshops w join exercises e on e.id = w.exercise_id`,
  ))
    urls.push(tablePath(slug, number), `${tablePath(slug, number)}/calendario.ics`);
  const pages = new Map<string, string>();
  for (const url of urls) {
    const response = await app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    pages.set(url, response.body);
  }
  return pages;
}

/** The names and texts of every entry of a ZIP (Python's zipfile reads it). */
function zipEntries(zip: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cocrea-canary-'));
  try {
    writeFileSync(join(dir, 'all.zip'), zip);
    const script =
      'import zipfile,json,sys\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: z.read(n).decode() for n in z.namelist()}))';
    return JSON.parse(
      execFileSync('python3', ['-c', script, join(dir, 'all.zip')], { maxBuffer: 256 * 1024 * 1024 }).toString(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Operation = { parameters?: { name: string; in: string }[] };

/** Every answer of every documented GET route: each collection walked whole, each item asked for by every real id. */
async function apiAnswers(app: FastifyInstance): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  const get = async (url: string) => {
    const response = await app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    answers.set(url, response.body);
    return response;
  };
  const document = (await get('/api/v1/openapi.json')).json<{ paths: Record<string, { get: Operation }> }>();
  const rowsOf = new Map<string, Record<string, unknown>[]>();
  for (const [path, { get: operation }] of Object.entries(document.paths)) {
    if (operation.parameters?.some((p) => p.in === 'path')) continue;
    if (path === '/api/v1/openapi.json') continue;
    const rows: Record<string, unknown>[] = [];
    let url: string | null = `${path}?limit=500`;
    while (url) {
      const body: { data: Record<string, unknown>[]; links: { next: string | null } } = (await get(url)).json();
      rows.push(...body.data);
      url = body.links.next && new URL(body.links.next).pathname + new URL(body.links.next).search;
    }
    rowsOf.set(path, rows);
  }
  for (const [path, { get: operation }] of Object.entries(document.paths)) {
    const parameter = operation.parameters?.find((p) => p.in === 'path');
    if (!parameter) continue;
    const rows = rowsOf.get(path.slice(0, path.lastIndexOf('/')))!;
    expect(rows.length, `${path} has rows to ask for`).toBeGreaterThan(0);
    for (const row of rows) await get(path.replace(`{${parameter.name}}`, String(row[parameter.name])));
  }
  return answers;
}

/** Every file of /datos: the page, each dataset in both formats, the dictionaries, the metadata, the ZIP's entries. */
async function openDataFiles(app: FastifyInstance): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const urls = ['/datos', '/api', '/datos/datapackage.json', '/datos/data.json'];
  for (const dataset of registry.datasets)
    for (const suffix of ['.csv', '.json', '/diccionario.csv', '/diccionario.json'])
      urls.push(`/datos/${dataset.id}${suffix}`);
  for (const url of urls) {
    const response = await app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    files.set(url, response.body);
  }
  const zip = await app.inject({ url: '/datos/datos-abiertos.zip' });
  for (const [name, text] of Object.entries(zipEntries(zip.rawPayload))) files.set(`zip:${name}`, text);
  return files;
}

/** The change log's public outputs, which issue 12 (item 9) turns into public projections. */
const isChangeLog = (where: string) => /\/api\/v1\/changes|historial/.test(where);

describe('no personal data in any public output', () => {
  it('canaries planted in every personal field appear in no API answer, no /datos file and no co-creation page', async () => {
    const { app, database } = await createTestApp({ env: { RENDER_CACHE_SECONDS: '0' } });
    const { scanIds } = await plant(app, database);
    const outputs = new Map([
      ...(await apiAnswers(app)),
      ...(await openDataFiles(app)),
      ...(await cocreationPages(app, database)),
    ]);
    expect(outputs.size).toBeGreaterThan(50);
    // The scans of paper forms: named by no public output, and not served to anyone signed out.
    expect(scanIds).toHaveLength(2);
    for (const id of scanIds) {
      expect([...outputs].filter(([, body]) => body.includes(id)).map(([where]) => where)).toEqual([]);
      expect((await app.inject({ url: `/archivos/${id}/formato.pdf` })).statusCode).toBe(404);
    }
    const leaks = [...outputs].flatMap(([where, body]) => leaksIn(body).map((field) => `${where}: ${field}`));
    expect(
      leaks.filter((leak) => !isChangeLog(leak)),
      'personal data outside the change log',
    ).toEqual([]);
    expect(leaks, 'personal data in the change log').toEqual([]);
    await app.close();
  }, 180_000);
});
