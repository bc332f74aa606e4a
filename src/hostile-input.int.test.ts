import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staffRoles } from './kernel/actor.js';
import type { Database } from './db/client.js';
import { createTestApp } from './testing/test-app.js';
import { signInAs } from './testing/sign-in.js';
import { registrations } from './modules/registrations/schema.js';
import { emails } from './modules/notifications/schema.js';

/*
 * The fuzz test of issue 12: a corpus of hostile values sent to every form and every parameter of the app (walked
 * from `app.declaredRoutes`), signed in with every staff role so that protected forms are reached too. Nothing may
 * answer 5xx. Form field names come from the views themselves; real ids from the demo, so handlers get past their
 * not-found checks.
 */

const NIL = '00000000-0000-0000-0000-000000000000';
const DEMO_SLUG = 'cuarto-pal-demostracion';
const pct = (value: string) => encodeURIComponent(value);

/** Every `name="…"` of a form control in the views. */
function formFieldNames(): string[] {
  const names = new Set<string>(['_csrf']);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.tsx') && !entry.name.includes('.test.')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bname="([A-Za-z_][\w.[\]-]*)"/g))
          names.add(match[1]!);
      }
    }
  };
  walk(join(import.meta.dirname, 'modules'));
  walk(join(import.meta.dirname, 'web'));
  names.delete('_csrf');
  return [...names];
}

/** Hostile values, already percent-encoded for a URL or a form body (some are deliberately invalid encodings). */
const hostile: Record<string, string> = {
  nul: pct('antes\u0000después'),
  controls: pct('\u0001\u0002\u0007\u001b[31mrojo\u007f\u0085'),
  badUtf8: '%E0%A4%A%C3%28%FF',
  loneSurrogate: '%ED%A0%80',
  nonUuid: 'no-es-un-uuid',
  negative: '-1',
  huge: '9'.repeat(40),
  bidi: pct('\u202Egnp.exe\u200B ／／evil 😀 ../../etc/passwd'),
  proto: '__proto__',
  empty: '',
  long: 'x'.repeat(5000),
};
/** For form bodies, also a NUL inside text long enough to pass a field's minimum. */
const hostileBodies: Record<string, string> = {
  ...hostile,
  nulInText: pct('Un texto de prueba con la longitud suficiente para pasar los mínimos de cada campo.\u0000'),
};

/** Query keys the routes read (and a few they might). */
const queryKeys = [
  'siguiente',
  'pagina',
  'orden',
  'tipo',
  'aviso',
  'aviso_tipo',
  'n',
  'folio',
  'vence',
  'invitado',
  'q',
  'convocatoria',
  'ejercicio',
  'estado',
  'status',
  'sector',
  'municipio',
  'kind',
  'reason',
  'responsable',
  'sesion',
  'desde',
  'lang',
  'token',
];

/** A real row for each kind of `:id`, by the path it appears in (else an id nobody has). */
async function realIds(database: Database): Promise<Array<[RegExp, string]>> {
  const first = async (table: string) => {
    const rows = (await database.db.execute(sql.raw(`select id::text as id from ${table} limit 1`))) as unknown as
      { rows?: { id: string }[] } | { id: string }[];
    const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
    return list[0]?.id ?? NIL;
  };
  return [
    [/^\/admin\/instituciones\//, await first('institutions')],
    [/^\/admin\/correo\//, await first('emails')],
    [/^\/admin\/convocatorias\//, await first('calls')],
    [/^\/admin\/secretariado\/sesiones\//, await first('secretariat_sessions')],
    [/^\/admin\/secretariado\/acuerdos\//, await first('agreements')],
    [/^\/admin\/secretariado\//, await first('secretariats')],
    [/^\/admin\/plan\//, await first('action_plans')],
    [/^\/admin\/compromisos\//, await first('commitments')],
    [/^\/admin\/hitos\//, await first('milestones')],
    [/^\/(admin\/)?actividades\//, await first('activities')],
    [/^\/participacion\/:type\//, await first('calls')],
    [/^\/participacion\/comentarios\//, await first('comments')],
    [/^\/admin\/arco\//, await first('arco_requests')],
    [/^\/admin\/inscripciones\//, await first('registrations')],
    [/^\/archivos\//, await first('stored_files')],
  ];
}

/** The route's URL with ordinary values in its parameters, and `override` (already encoded) in each, if given. */
function urlFor(pattern: string, ids: Array<[RegExp, string]>, override?: string): string {
  const id = ids.find(([prefix]) => prefix.test(pattern))?.[1] ?? NIL;
  const ordinary: Record<string, string> = {
    slug: DEMO_SLUG,
    number: '1',
    key: '2026-1',
    code: 'ACU-2026-01',
    token: 'a'.repeat(43),
    type: 'call',
    file: 'compromisos.csv',
    name: 'archivo.pdf',
    reference: 'SUM-2026-00001',
    mailingId: NIL,
    evidenceId: NIL,
    id,
  };
  return pattern.replace(/:([A-Za-z]+)/g, (_whole, param: string) => override ?? ordinary[param] ?? NIL);
}

const form = 'application/x-www-form-urlencoded';

const attribute = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
};

/** A form as a page offers it: where it posts, and each field with the value the page filled in (and its kind). */
interface PageForm {
  action: string;
  isMultipart: boolean;
  fields: Array<{ name: string; value: string; kind: 'text' | 'number' | 'date' | 'choice' | 'hidden' }>;
}

/** The post forms of a page, with their filled-in values: what a person would send unchanged. */
function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const [, open, inner] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)) {
    const action = attribute(open!, 'action');
    if (attribute(open!, 'method') !== 'post' || !action) continue;
    const fields: PageForm['fields'] = [];
    for (const [tag] of inner!.matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(tag, 'name');
      const type = attribute(tag, 'type') ?? 'text';
      if (!name || type === 'file' || type === 'submit') continue;
      if (
        (type === 'checkbox' || type === 'radio') &&
        !/\schecked(?:=|\s|\/?>)/.test(tag) &&
        fields.some((field) => field.name === name)
      )
        continue;
      const kind =
        type === 'hidden'
          ? 'hidden'
          : type === 'number'
            ? 'number'
            : type.startsWith('date') || type === 'time'
              ? 'date'
              : type === 'checkbox' || type === 'radio'
                ? 'choice'
                : 'text';
      fields.push({ name, value: attribute(tag, 'value') ?? (kind === 'choice' ? 'on' : ''), kind });
    }
    for (const [, open, text] of inner!.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
      const name = attribute(open!, 'name');
      if (name)
        fields.push({
          name,
          value:
            text!
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&amp;/g, '&') || 'Un texto de prueba con la longitud suficiente.',
          kind: 'text',
        });
    }
    for (const [, open, options] of inner!.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
      const name = attribute(open!, 'name');
      const selected =
        /<option\b[^>]*\sselected[^>]*>/.exec(options!)?.[0] ??
        [...options!.matchAll(/<option\b[^>]*>/g)].map(([tag]) => tag).find((tag) => attribute(tag, 'value'));
      if (name) fields.push({ name, value: (selected && attribute(selected, 'value')) ?? '', kind: 'choice' });
    }
    forms.push({ action, isMultipart: attribute(open!, 'enctype') === 'multipart/form-data', fields });
  }
  return forms;
}

/** A multipart body (what a form with a file sends), here without the file. */
function multipart(fields: ReadonlyArray<readonly [string, string]>) {
  const boundary = '----cocrea-fuzz';
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `${parts.join('')}--${boundary}--\r\n`,
  };
}

/** Values that pass a form's first checks but may break what comes after (the database's types and limits). */
const deepValues: Record<PageForm['fields'][number]['kind'], string[]> = {
  text: ['ñ'.repeat(60_000), '=HYPERLINK("http://evil.example")'],
  number: ['99999999999999999999', '-1', '1e309'],
  date: ['2026-02-31', '0000-01-01', '99999-12-31'],
  choice: ['no-es-una-opcion', NIL],
  hidden: [],
};
/** Values the edge handles whatever the field: sent in every text field of a form at once. */
const edgeValues = ['Texto con NUL\u0000', '\u0007\u001b[31m\u007f', '\uD800 😀 ／／'];

const SIGNUP = `/ejercicios/${DEMO_SLUG}/convocatoria/sumate`;

/** Posts the demo call's sign-up form as a browser does, with `fields` over a valid sign-up. */
async function signUp(app: FastifyInstance, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const page = await app.inject({ url: SIGNUP });
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
    ...fields,
  });
  const cookies = { csrf: page.cookies.find((c) => c.name === 'csrf')!.value };
  return app.inject({
    method: 'POST',
    url: SIGNUP,
    cookies,
    headers: { 'content-type': form, ...headers },
    payload: body.toString(),
  });
}

const lastLink = async (database: Database) => {
  const [email] = await database.db
    .select()
    .from(emails)
    .where(eq(emails.toAddress, 'mafer@example.mx'))
    .orderBy(desc(emails.createdAt))
    .limit(1);
  return new URL(/https?:\/\/\S+\/sumate\/confirmar\/[A-Za-z0-9_-]+/.exec(email!.text)![0]).pathname;
};

describe('input is normalised once, at the edge', () => {
  it('refuses a NUL character with a 400 page that names the field, in the visitor language, and stores nothing', async () => {
    const { app, database } = await createTestApp();
    const spanish = await signUp(app, { fullName: 'María\u0000Ríos' });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.body).toContain('Hay un carácter que no podemos guardar');
    expect(spanish.body).toContain('«fullName»');
    expect(spanish.body).toContain('<main id="main"');
    const english = await signUp(app, { motivation: 'Quiero\u0000 ayudar' }, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('There is a character we cannot store');
    expect(english.body).toContain('“motivation”');
    expect(await database.db.select().from(registrations)).toEqual([]);
    const query = await app.inject({ url: '/buscar?q=agua%00' });
    expect(query.statusCode).toBe(400);
    expect(query.body).toContain('«q»');
    // The first test of the file also builds the demo database's template.
  }, 60_000);

  it('drops other control characters and keeps text in Unicode NFC', async () => {
    const { app, database } = await createTestApp();
    // "José" with a combining accent, a bell and an escape sequence; a tab and line breaks survive.
    const sent = await signUp(app, {
      fullName: 'Jose\u0301\u0007 Ri\u0301os\u001b',
      motivation: 'Quiero ayudar\tcon mis vecinas\r\ny vecinos de la colonia.\u007f',
    });
    expect(sent.statusCode).toBe(303);
    const [saved] = await database.db.select().from(registrations);
    expect(saved!.fullName).toBe('José Ríos');
    expect(saved!.fullName).toBe(saved!.fullName.normalize('NFC'));
    expect(saved!.motivation).toBe('Quiero ayudar\tcon mis vecinas\r\ny vecinos de la colonia.');
  });

  it('answers a body that is not a form (JSON, text, XML) with 415 and an accessible page', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    for (const [type, payload] of [
      ['application/json', JSON.stringify({ _csrf: admin.csrf, name: 'Ana' })],
      ['text/plain', `_csrf=${admin.csrf}&name=Ana`],
      ['application/xml', '<a/>'],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/admin/instituciones',
        cookies: admin.cookies,
        headers: { 'content-type': type },
        payload,
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.body).toContain('Este formulario no acepta ese tipo de datos');
      expect(response.body).toContain('<main id="main"');
    }
    const english = await app.inject({
      method: 'POST',
      url: '/registro',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{}',
    });
    expect(english.statusCode).toBe(415);
    expect(english.body).toContain('This form does not accept that kind of data');
  });

  it('answers malformed ids and an already used confirmation link after a second sign-up with 4xx pages', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    for (const url of [
      '/admin/compromisos/no-es-un-uuid',
      '/admin/hitos/1',
      '/actividades/-1',
      '/admin/convocatorias/%00',
      '/archivos/x/y.pdf',
    ]) {
      const response = await app.inject({ url, cookies: admin.cookies });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
    }
    expect((await signUp(app)).statusCode).toBe(303);
    const first = await lastLink(database);
    expect((await app.inject({ url: first })).statusCode).toBe(303);
    expect((await signUp(app, { fullName: 'María Fernanda Ríos Soto' })).statusCode).toBe(303);
    const second = await lastLink(database);
    const reused = await app.inject({ url: first });
    expect(reused.statusCode).toBe(400);
    expect((await app.inject({ url: second })).statusCode).toBe(303);
    expect((await app.inject({ url: second })).statusCode).toBe(400);
    expect((await app.inject({ url: first })).statusCode).toBe(400);
  });
});

describe('hostile input: every form and every parameter answers 4xx, never 5xx', () => {
  it('survives the corpus on every route of the app', async () => {
    const { app, database } = await createTestApp();
    const ids = await realIds(database);
    const fields = formFieldNames();
    expect(fields.length).toBeGreaterThan(30);
    const routes = app.declaredRoutes.filter((route) => route.method !== 'HEAD' && route.url !== '/static/*');
    expect(routes.length).toBeGreaterThan(130);
    const failures: string[] = [];
    const check = async (label: string, options: InjectOptions) => {
      const response = await app.inject(options);
      if (response.statusCode >= 500) failures.push(`${response.statusCode} ${label}`);
      return response;
    };
    const everyRole = () =>
      signInAs(database, {
        roles: staffRoles.map((role) => ({
          role,
          institutionId:
            role === 'liaison' ? (ids.find(([p]) => p.test('/admin/instituciones/'))?.[1] ?? NIL) : undefined,
        })),
      });

    for (const route of routes) {
      const method = route.method as 'GET' | 'POST';
      const session = await everyRole();
      const cookies = session.cookies;
      // Every parameter at once, with each hostile value.
      if (route.url.includes(':')) {
        for (const [name, value] of Object.entries(hostile)) {
          const url = urlFor(route.url, ids, value || 'x');
          await check(`${method} ${route.url} param ${name}`, {
            method,
            url,
            cookies,
            headers: method === 'POST' ? { 'content-type': form } : {},
            payload: method === 'POST' ? `_csrf=${session.csrf}` : undefined,
          });
        }
      }
      const url = urlFor(route.url, ids);
      if (method === 'GET') {
        for (const [name, value] of Object.entries(hostile)) {
          await check(`GET ${route.url} query ${name}`, {
            url: `${url}?${queryKeys.map((key) => `${key}=${value}`).join('&')}`,
            cookies,
          });
        }
        await check(`GET ${route.url} query lists`, {
          url: `${url}?${queryKeys.map((key) => `${key}=1&${key}=2&${key}[]=3`).join('&')}`,
          cookies,
        });
        await check(`GET ${route.url} query __proto__`, {
          url: `${url}?__proto__[admin]=1&constructor[prototype][admin]=1&__proto__=x`,
          cookies,
        });
        continue;
      }
      const bodyWith = (value: string) =>
        [`_csrf=${session.csrf}`, ...fields.map((field) => `${pct(field)}=${value}`)].join('&');
      for (const [name, value] of Object.entries(hostileBodies)) {
        if (name === 'long') continue;
        await check(`POST ${route.url} body ${name}`, {
          method,
          url,
          cookies,
          headers: { 'content-type': form },
          payload: bodyWith(value),
        });
      }
      await check(`POST ${route.url} body 100 KB`, {
        method,
        url,
        cookies,
        headers: { 'content-type': form },
        payload: [
          `_csrf=${session.csrf}`,
          ...['title', 'name', 'fullName', 'body', 'description', 'motivation', 'email', 'reason', 'answer'].map(
            (field) => `${field}=${'ñ'.repeat(100_000 / 18)}`,
          ),
        ].join('&'),
      });
      await check(`POST ${route.url} body lists`, {
        method,
        url,
        cookies,
        headers: { 'content-type': form },
        payload: [`_csrf=${session.csrf}`, ...fields.map((field) => `${pct(field)}=1&${pct(field)}=2`)].join('&'),
      });
      await check(`POST ${route.url} body __proto__`, {
        method,
        url,
        cookies,
        headers: { 'content-type': form },
        payload: `_csrf=${session.csrf}&__proto__[admin]=1&constructor[prototype][admin]=1&__proto__=x&${bodyWith('x')}`,
      });
      for (const type of [
        'application/json',
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=nada',
        `${form}; charset=utf-16`,
      ]) {
        const payload =
          type === 'application/json'
            ? JSON.stringify({ _csrf: session.csrf, title: ['a'], name: { $gt: '' } })
            : `_csrf=${session.csrf}&title=x`;
        await check(`POST ${route.url} content-type ${type}`, {
          method,
          url,
          cookies,
          headers: { 'content-type': type },
          payload,
        });
      }
      // Signed out too: the public forms are the ones anybody can reach.
      if (route.access === 'public') {
        const csrf = 'b'.repeat(43);
        for (const [name, value] of Object.entries(hostileBodies)) {
          if (name === 'long') continue;
          await check(`anonymous POST ${route.url} body ${name}`, {
            method,
            url,
            cookies: { csrf },
            headers: { 'content-type': form },
            payload: bodyWith(value).replace(session.csrf, csrf),
          });
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('survives values that pass the first checks, one field at a time, in every form the pages offer', async () => {
    const { app, database } = await createTestApp();
    const ids = await realIds(database);
    const session = await signInAs(database, {
      roles: staffRoles.map((role) => ({ role, institutionId: role === 'liaison' ? ids[0]![1] : undefined })),
    });
    const forms = new Map<string, PageForm>();
    for (const route of app.declaredRoutes) {
      if (
        route.method !== 'GET' ||
        route.url === '/static/*' ||
        /\.(csv|json|ics|atom|txt)$|:file|:name|descarga|exportar/.test(route.url)
      )
        continue;
      const page = await app.inject({ url: urlFor(route.url, ids), cookies: session.cookies });
      for (const found of formsOf(page.body))
        if (!forms.has(found.action) && !['/salir', '/cuenta/cancelar'].includes(found.action))
          forms.set(found.action, found);
    }
    expect(forms.size).toBeGreaterThan(25);
    const failures: string[] = [];
    const post = async (
      found: PageForm,
      valueOf: (field: PageForm['fields'][number], index: number) => string,
      label: string,
    ) => {
      const sent = found.fields.map(
        (field, index) =>
          [field.name, field.name === '_csrf' ? session.csrf : valueOf(field, index)] as [string, string],
      );
      const response = await app.inject({
        method: 'POST',
        url: found.action,
        cookies: session.cookies,
        ...(found.isMultipart
          ? multipart(sent)
          : { headers: { 'content-type': form }, payload: new URLSearchParams(sent).toString() }),
      });
      if (response.statusCode >= 500) failures.push(`${response.statusCode} POST ${found.action} ${label}`);
    };
    for (const found of forms.values()) {
      for (const [index, field] of found.fields.entries()) {
        for (const value of deepValues[field.kind])
          await post(
            found,
            (other, at) => (at === index ? value : other.value),
            `${field.name}=${JSON.stringify(value.slice(0, 30))}`,
          );
      }
      for (const value of edgeValues)
        await post(
          found,
          (field) => (field.kind === 'text' ? value : field.value),
          `every text field=${JSON.stringify(value)}`,
        );
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
