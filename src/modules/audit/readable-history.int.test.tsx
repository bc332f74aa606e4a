import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { registry } from '../../registry.js';
import { createTestApp } from '../../testing/test-app.js';
import { formatters, translator, type Locale } from '../../web/i18n/i18n.js';
import { PageContextProvider, type PageContext } from '../../web/page-context.js';
import { appendChange } from './append-change.js';
import { historyEntry } from './list-record-history.js';
import { declaredValues, describeHistory, LONG_TEXT, type ShownEntry } from './present-history.js';
import { changeLog } from './schema.js';
import { ChangeEntryPage } from './views/entry-pages.js';
import { RecordHistory } from './views/record-history.js';

const render = (locale: Locale, body: preact.ComponentChildren) => {
  const context: PageContext = {
    locale,
    t: translator(locale),
    format: formatters(locale, 'America/Monterrey'),
    path: '/',
    siteName: 'Cocrea',
    requestId: 'test',
    assets: { css: '', js: '' },
    csrfToken: 'test',
  };
  return renderToString(<PageContextProvider.Provider value={context}>{body}</PageContextProvider.Provider>);
};

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const hexRun = /\b[0-9a-f]{12,}\b/;
const decimals = /\b\d+[.,]\d{2,}\b(?! ?%)/;
/** The text a person reads: tags dropped, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'");

/** Every key of every object logged in the demo's change log (the JSON keys a reader must never see). */
function keysOf(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
}

const looksTechnical = (token: string) => /_|[a-z][A-Z]/.test(token);
const escape = (token: string) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a history must never show: an identifier, a digest, an enumeration's stored value, a JSON key, a raw decimal,
 * a placeholder for a name that could not be found, or a long text repeated in full. Returns what it found.
 */
function unreadable(
  html: string,
  locale: Locale,
  forbidden: { keys: string[]; values: string[]; longTexts: string[] },
) {
  const found: string[] = [];
  const text = textOf(html);
  const t = translator(locale);
  if (uuid.test(html)) found.push(`uuid ${html.match(uuid)![0]}`);
  if (hexRun.test(text)) found.push(`hash ${text.match(hexRun)![0]}`);
  if (decimals.test(text)) found.push(`raw number ${text.match(decimals)![0]}`);
  for (const placeholder of [
    'audit.history.unnamedField',
    'audit.history.unnamedRecord',
    'audit.history.unnamedCode',
  ] as const)
    if (text.includes(t(placeholder))) found.push(`placeholder ${placeholder}`);
  for (const token of [...forbidden.keys, ...forbidden.values]) {
    // A stored code (`more_than_half`, `isReached`) must not appear anywhere; a plain word (`vote`, `tied`) must not
    // stand alone as a value: a cell, an item or what follows a label.
    const pattern = looksTechnical(token)
      ? new RegExp(`(^|[^A-Za-z0-9_])${escape(token)}([^A-Za-z0-9_]|$)`)
      : new RegExp(`(>|: )\\s*${escape(token)}\\s*(<|$)`);
    if (pattern.test(looksTechnical(token) ? text : html)) found.push(`raw ${token}`);
  }
  for (const long of forbidden.longTexts) if (text.includes(long)) found.push(`long text ${long.slice(0, 40)}…`);
  return found;
}

describe('the public history reads as words, in the visitor’s language', () => {
  let app: FastifyInstance;
  let database: Database;
  let forbidden: { keys: string[]; values: string[]; longTexts: string[] };

  beforeAll(async () => {
    ({ app, database } = await createTestApp({ lifetime: 'file' }));
    const rows = await database.db.select().from(changeLog);
    const keys = new Set<string>();
    const longTexts = new Set<string>();
    for (const row of rows) {
      keysOf(row.before, keys);
      keysOf(row.after, keys);
      for (const side of [row.before, row.after] as unknown[])
        for (const value of Object.values((side ?? {}) as Record<string, unknown>))
          if (typeof value === 'string' && value.length > LONG_TEXT) longTexts.add(value);
    }
    forbidden = { keys: [...keys], values: declaredValues(registry.modules), longTexts: [...longTexts] };
  }, 120_000);
  afterAll(() => undefined);

  it('renders every record of the demo with every field named and every value in words, in both languages', async () => {
    const db = database.db;
    const rows = await db.select().from(changeLog).orderBy(changeLog.seq);
    expect(rows.length).toBeGreaterThan(200);
    const records = new Map<string, { recordType: string; recordId: string }>();
    for (const row of rows)
      records.set(`${row.recordType}:${row.recordId}`, { recordType: row.recordType, recordId: row.recordId });
    const entries = rows.map((row) => historyEntry(row));
    const shown = await describeHistory(db, registry.records, entries, undefined, { nameRecords: true });
    const byRecord = new Map<string, ShownEntry[]>();
    rows.forEach((row, i) => {
      const key = `${row.recordType}:${row.recordId}`;
      byRecord.set(key, [shown[i]!, ...(byRecord.get(key) ?? [])]);
    });
    expect(new Set(rows.map((row) => row.recordType)).size).toBeGreaterThanOrEqual(18);
    const problems: string[] = [];
    for (const locale of ['es-MX', 'en'] as const) {
      for (const [key, recordEntries] of byRecord) {
        const html = render(locale, <RecordHistory entries={recordEntries} compact={false} />);
        for (const found of unreadable(html, locale, forbidden)) problems.push(`${locale} ${key}: ${found}`);
      }
      // Each entry's own page names its values in full (long texts included), still without codes or identifiers.
      for (const entry of shown) {
        const html = render(locale, <ChangeEntryPage entry={entry} />).replace(
          /<a href="\/historial\/\d+\/tecnico">/,
          '',
        );
        for (const found of unreadable(html, locale, { ...forbidden, longTexts: [] }))
          problems.push(`${locale} entry ${entry.seq}: ${found}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the public pages’ histories in words, with the latest changes and a link to the full history', async () => {
    const pages = [
      '/ejercicios/tercer-pal-2020-2021',
      '/ejercicios/tercer-pal-2020-2021/convocatoria',
      '/ejercicios/tercer-pal-2020-2021/secretariado',
      '/ejercicios/tercer-pal-2020-2021/secretariado/sesiones/ordinaria-1',
      '/ejercicios/tercer-pal-2020-2021/secretariado/acuerdos/STL-2021-ORD-01-01',
      '/ejercicios/tercer-pal-2020-2021/plan/compromisos/2',
      '/ejercicios/tercer-pal-2020-2021/problemas/1',
    ];
    const problems: string[] = [];
    for (const locale of ['es-MX', 'en'] as const) {
      for (const path of pages) {
        for (const url of [path, `${path}/historial`]) {
          const response = await app.inject({ url: `${url}?lang=${locale === 'en' ? 'en' : 'es'}` });
          expect(response.statusCode, url).toBe(200);
          const html = response.body;
          const history = url.endsWith('/historial')
            ? html.slice(html.indexOf('<main'), html.indexOf('</main>'))
            : html.slice(
                html.indexOf('id="history-heading"'),
                html.indexOf('</section>', html.indexOf('id="history-heading"')),
              );
          expect(history.length, url).toBeGreaterThan(100);
          for (const found of unreadable(history, locale, forbidden)) problems.push(`${locale} ${url}: ${found}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('a change of a long text', () => {
  it('says the text changed and links to a page that compares the old and the new words', async () => {
    const { app, database } = await createTestApp();
    const db = database.db;
    const [call] = await db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'call'), sql`${changeLog.after} ->> 'title' like '%Tercer%'`))
      .limit(1);
    const before = call!.after as Record<string, unknown>;
    const generalObjective = String(before.generalObjective);
    const changed = `${generalObjective} Se suma un objetivo nuevo: publicar cada mes las cifras de participación por municipio.`;
    await db.transaction((tx) =>
      appendChange(tx, {
        actor: { id: null, label: 'Coordinación de Gobierno Abierto' },
        recordType: 'call',
        recordId: call!.recordId,
        action: 'update',
        before: { ...before },
        after: { ...before, generalObjective: changed, status: 'closed' },
      }),
    );
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/convocatoria' });
    const history = page.body.slice(page.body.indexOf('id="history-heading"'));
    expect(history).toContain('Texto modificado.');
    expect(history).not.toContain('publicar cada mes las cifras');
    const link = history.match(/<a href="(\/historial\/(\d+)#campo-generalObjective)">Comparar el anterior y el nuevo/);
    expect(link, 'a link to the comparison').not.toBeNull();
    const compare = await app.inject({ url: link![1]!.replace(/#.*/, '') });
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('id="campo-generalObjective"');
    expect(compare.body).toContain('Qué palabras cambiaron');
    expect(compare.body).toMatch(/<ins>.*publicar cada mes las cifras de participación por municipio\.<span/s);
    expect(compare.body).not.toMatch(uuid);
    const technical = await app.inject({ url: `/historial/${link![2]}/tecnico` });
    expect(technical.statusCode).toBe(200);
    expect(technical.body).toContain(call!.recordId);
    expect(technical.body).toMatch(/<code class="hash">[0-9a-f]{64}<\/code>/);
    expect((await app.inject({ url: '/historial/999999' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/historial/abc' })).statusCode).toBe(404);
  }, 120_000);
});
