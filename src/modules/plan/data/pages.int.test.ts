import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticPlan } from '../../../demo/synthetic-plan.js';
import { TEST_NOW } from '../../../testing/constants.js';
import { createTestApp } from '../../../testing/test-app.js';
import type { Database } from '../../../db/client.js';
import type { Lifetime } from '../../../testing/test-db.js';
import { appendChange } from '../../audit/append-change.js';
import { highlight, parseSearchQuery } from './search-plan.js';
import { activities, commitments, milestones } from '../schema.js';

const today = TEST_NOW.toISOString().slice(0, 10);
const size = { commitments: 5, milestonesPerCommitment: 2, activitiesPerMilestone: 2 };

async function appWithPlan(lifetime: Lifetime = 'test') {
  const setup = await createTestApp({ lifetime });
  const seeded = await seedSyntheticPlan(setup.database.db, {
    slug: 'plan-de-prueba',
    title: 'Ejercicio de prueba',
    size,
    today,
  });
  return { ...setup, ...seeded };
}

// The tests that only read pages share one app; the feed's test writes to the change log, so it builds its own.
let shared: { app: FastifyInstance; database: Database; planId: string };
beforeAll(async () => {
  shared = await appWithPlan('file');
});
afterAll(() => shared.app.close());

const text = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * A strict, small XML reader for the feed: checks well-formedness (one root, tags nested and closed, attributes
 * quoted, only the five predefined entities or character references, no stray `<` or `&`) and returns the tree.
 */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}
function parseXml(xml: string): XmlNode {
  const decode = (raw: string) => {
    if (/[<]/.test(raw) || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(raw))
      throw new Error(`not well-formed text: ${raw}`);
    return raw.replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!,
    );
  };
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: XmlNode[] = [{ name: '#document', attrs: {}, children: [], text: '' }];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const chunk = body.slice(i, lt === -1 ? body.length : lt);
    if (chunk.trim()) stack[stack.length - 1]!.text += decode(chunk);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`not well-formed at ${lt}: ${body.slice(lt, lt + 40)}`);
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs!.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const node: XmlNode = { name: name!, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(node);
      if (!selfClosing) stack.push(node);
    }
    i = tag.lastIndex;
  }
  if (stack.length !== 1 || stack[0]!.children.length !== 1) throw new Error('unclosed elements or more than one root');
  return stack[0]!.children[0]!;
}
const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);

describe('search across the plans (/buscar)', () => {
  it('finds "Señalización" when typed without accent and in any case, grouped, with links to the commitment page', async () => {
    const { app } = shared;
    for (const q of ['senalizacion', 'SEÑALIZACIÓN', 'SeNaLiZaCiOn']) {
      const page = await app.inject({ url: `/buscar?q=${encodeURIComponent(q)}` });
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('Señalización vial en el municipio, compromiso 5');
      expect(page.body).toContain('href="/ejercicios/plan-de-prueba/plan/compromisos/5"');
      expect(page.body).toMatch(/<mark>Señalización<\/mark>/);
      expect(page.body).toContain('id="resultados-compromisos"');
      expect(page.body).toContain('id="resultados-hitos"');
    }
    // Every word must match: commitment 5 is about signage, not about water.
    const both = await app.inject({ url: `/buscar?q=${encodeURIComponent('senalizacion agua')}` });
    expect(text(both.body)).not.toContain('compromiso 5');
  });

  it('says so when nothing matches, and keeps what was typed in the box', async () => {
    const { app } = shared;
    const page = await app.inject({ url: `/buscar?q=${encodeURIComponent('zanahoria morada')}` });
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('No encontramos nada con «zanahoria morada»');
    expect(page.body).toContain('value="zanahoria morada"');
    expect(page.body).not.toContain('id="resultados-compromisos"');
  });

  it('shows the empty form without a query, and a field error for a 1-character query', async () => {
    const { app } = shared;
    const empty = await app.inject({ url: '/buscar' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('role="search"');
    expect(empty.body).not.toContain('error-summary');
    const short = await app.inject({ url: '/buscar?q=a' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('error-summary');
    expect(short.body).toContain('href="#q"');
    expect(text(short.body)).toContain('Escribe al menos 2 letras para buscar.');
    expect(short.body).toContain('aria-invalid="true"');
  });

  it('treats SQL and wildcards as plain text', async () => {
    const { app, database } = shared;
    const [before] = await database.db.select({ n: count() }).from(commitments);
    for (const q of ["'; drop table commitments; --", "' or '1'='1", '%%', '__', '\\%']) {
      const page = await app.inject({ url: `/buscar?q=${encodeURIComponent(q)}` });
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('No encontramos nada');
    }
    const [after] = await database.db.select({ n: count() }).from(commitments);
    expect(after!.n).toBe(before!.n);
    expect(after!.n).toBeGreaterThanOrEqual(size.commitments);
  });

  it('parses queries and highlights accent-insensitively (pure)', () => {
    expect(parseSearchQuery(undefined)).toEqual({ kind: 'empty' });
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery('a b')).toMatchObject({ kind: 'invalid', reason: 'tooShort' });
    expect(parseSearchQuery('x'.repeat(101))).toMatchObject({ kind: 'invalid', reason: 'tooLong' });
    expect(parseSearchQuery(['agua  limpia', 'otra'])).toEqual({
      kind: 'valid',
      q: 'agua limpia',
      terms: ['agua', 'limpia'],
    });
    expect(highlight('Señalización vial', ['senalizacion'])).toEqual([
      { text: 'Señalización', isMatch: true },
      { text: ' vial', isMatch: false },
    ]);
  });
});

describe('the Atom feed of a plan', () => {
  it('is valid Atom with one entry per logged change of the plan, newest first, escaped', async () => {
    const { app, database, planId } = await appWithPlan(); // writes: its own app
    const db = database.db;
    const [first] = await db
      .select()
      .from(commitments)
      .where(and(eq(commitments.planId, planId), eq(commitments.number, 1)));
    const [stone] = await db
      .select()
      .from(milestones)
      .where(eq(milestones.commitmentId, first!.id))
      .orderBy(asc(milestones.position))
      .limit(1);
    const [step] = await db.select().from(activities).where(eq(activities.milestoneId, stone!.id)).limit(1);
    const actor = { id: null, label: 'Secretariado Técnico' };
    await db.transaction(async (tx) => {
      await appendChange(tx, {
        actor,
        recordType: 'commitment',
        recordId: first!.id,
        action: 'update',
        before: { title: first!.title },
        after: { title: 'Agua & drenaje <urgente> "ya"' },
        occurredAt: new Date('2026-11-20T10:00:00Z'),
      });
      await appendChange(tx, {
        actor,
        recordType: 'milestone',
        recordId: stone!.id,
        action: 'update',
        after: { title: stone!.title, weight: 3 },
        occurredAt: new Date('2026-11-21T10:00:00Z'),
      });
      await tx.delete(activities).where(eq(activities.id, step!.id));
      await appendChange(tx, {
        actor,
        recordType: 'activity',
        recordId: step!.id,
        action: 'delete',
        before: { title: step!.title, milestoneId: stone!.id },
        occurredAt: new Date('2026-11-22T10:00:00Z'),
      });
      // A change of another record type, and of a record outside this plan, stay out of the feed.
      await appendChange(tx, {
        actor,
        recordType: 'call',
        recordId: first!.id,
        action: 'update',
        after: { title: 'Convocatoria' },
        occurredAt: new Date('2026-11-22T11:00:00Z'),
      });
    });

    const response = await app.inject({ url: '/ejercicios/plan-de-prueba/plan/novedades.atom' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(response.body);
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id')!.text).toBe(`urn:cocrea:plan:${planId}`);
    expect(child(feed, 'title')!.text).toBe('Novedades de Plan de Acción Local plan-de-prueba');
    expect(child(feed, 'updated')!.text).toBe('2026-11-22T10:00:00Z');
    const links = childrenNamed(feed, 'link');
    expect(links.map((l) => l.attrs.rel)).toEqual(['self', 'alternate']);
    expect(links[0]!.attrs.href).toMatch(/^http:\/\/[^/]+\/ejercicios\/plan-de-prueba\/plan\/novedades\.atom$/);
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => child(e, 'updated')!.text)).toEqual([
      '2026-11-22T10:00:00Z',
      '2026-11-21T10:00:00Z',
      '2026-11-20T10:00:00Z',
    ]);
    expect(child(entries[0]!, 'title')!.text).toBe(`Actividad: se eliminó · ${step!.title}`);
    expect(child(entries[2]!, 'title')!.text).toBe('Compromiso: se actualizó · Agua & drenaje <urgente> "ya"');
    expect(response.body).toContain('Agua &amp; drenaje &lt;urgente&gt; &quot;ya&quot;');
    for (const entry of entries) {
      expect(child(entry, 'id')!.text).toMatch(/^urn:cocrea:change:[0-9a-f]{64}$/);
      expect(child(entry, 'link')!.attrs.href).toMatch(/\/ejercicios\/plan-de-prueba\/plan\/compromisos\/1$/);
      expect(child(child(entry, 'author')!, 'name')!.text).toBe('Secretariado Técnico');
    }
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow();
  });

  it('answers 404 for an exercise without a plan', async () => {
    const { app } = shared;
    expect((await app.inject({ url: '/ejercicios/no-existe/plan/novedades.atom' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/ejercicios/cuarto-pal-demostracion/plan/novedades.atom' })).statusCode).toBe(404);
  });
});

describe('the print view of a plan', () => {
  it('shows every commitment with every template field, its milestones and activities, in the plan order', async () => {
    const { app, database, planId } = shared;
    const page = await app.inject({ url: '/ejercicios/plan-de-prueba/plan/imprimir' });
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    for (const heading of [
      'Visión estratégica',
      'Contenido',
      'Problema público',
      'Línea base',
      'Causas del problema',
      'Objetivo general',
      'Valores de gobierno abierto',
      'Indicador',
      'Meta',
      'Supuestos',
      'Plan Estatal de Desarrollo',
      'Objetivos de Desarrollo Sostenible',
      'Perspectiva de género',
      'Criterios de la convocatoria',
      'Hitos y actividades',
    ]) {
      expect(body).toContain(heading);
    }
    const positions = [1, 2, 3, 4, 5].map((n) => page.body.indexOf(`id="compromiso-${n}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const [n] = await database.db
      .execute(
        sql`select count(*)::int as n from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id where c.plan_id = ${planId}`,
      )
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(page.body.match(/Actividad \d+ del hito \d+ del compromiso \d+/g)).toHaveLength(n!.n);
    expect(body).toContain('Hito 2 del compromiso 5');
  });

  it('escapes what people typed in the activities, which it writes as a string (web/raw-html.ts)', async () => {
    const { app, database, planId } = shared;
    const [step] = await database.db
      .select({ id: activities.id })
      .from(activities)
      .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
      .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
      .where(eq(commitments.planId, planId))
      .limit(1);
    await database.db
      .update(activities)
      .set({ title: '<img src=x onerror=alert(1)> & "taller"', description: '</td><script>alert(2)</script>' })
      .where(eq(activities.id, step!.id));
    const page = await app.inject({ url: '/ejercicios/plan-de-prueba/plan/imprimir' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;taller&quot;');
    expect(page.body).toContain('&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toContain('<script>alert(2)');
    expect(page.body.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('answers 404 when the exercise has no plan', async () => {
    const { app } = shared;
    expect((await app.inject({ url: '/ejercicios/cuarto-pal-demostracion/plan/imprimir' })).statusCode).toBe(404);
  });
});
