import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { calls } from '../calls/schema.js';
import { exercises } from '../exercises/schema.js';
import { appendChange } from './append-change.js';
import { listRecordHistory } from './list-record-history.js';
import { verifyChangeLog } from './verify-change-log.js';
import { withoutStackAttributes } from '../../testing/html.js';

const sectionOf = (html: string) => withoutStackAttributes(html.slice(html.indexOf('id="history-heading"')));

describe('the history of a public record', () => {
  it('shows on the exercise page: its creation by the system, with the planned phases, and why it can be trusted', async () => {
    const { app } = await createTestApp();
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021' });
    expect(page.statusCode).toBe(200);
    // The record's page says the exercise was created, in one line; its full history lists the data it started with.
    expect(sectionOf(page.body)).toMatch(/Creación: .*Datos con los que se registró: 10\./s);
    const response = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/historial' });
    expect(response.statusCode).toBe(200);
    const history = withoutStackAttributes(response.body.slice(response.body.indexOf('<main')));
    expect(history).toContain('Historial de cambios');
    expect(history).toMatch(
      /<h2 id="change-\d+">Creación: <time datetime="[^"]+Z">\d{1,2} de [a-z]+ de \d{4}(,| a las) \d{2}:\d{2} GMT-6<\/time><\/h2>/,
    );
    expect(history).toContain('Quién: Sistema');
    expect(history).toContain('<th scope="col">Valor</th>');
    expect(history).toContain('<th scope="row">Institución que convoca</th><td>Instituto Duranguense');
    expect(history).toContain('<th scope="row">Entidad federativa</th><td>Durango</td>');
    // The calendar of phases is data too long for the list: it is on the change's own page, in full.
    const calendar = history.match(
      /Calendario de etapas<\/th><td>Datos registrados\. <a href="(\/historial\/\d+)#campo-timeline">/,
    );
    expect(calendar).not.toBeNull();
    const entry = await app.inject({ url: calendar![1]! });
    expect(entry.body).toContain('Convocatoria: del 29 de septiembre de 2020 al 15 de noviembre de 2020');
    expect(history).toContain('Implementación');
    expect(history).toContain('Este historial es verificable');
    expect(history).not.toContain('createdAt');
    expect(history).not.toContain('huella SHA-256 que empieza');
  });

  it('shows a change with who made it, when, and each field before and after, in both languages', async () => {
    const { app, database } = await createTestApp();
    const db = database.db;
    const [exercise] = await db.select().from(exercises).where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    await db.transaction(async (tx) => {
      await tx.update(exercises).set({ phase: 'secretariat_installation' }).where(eq(exercises.id, exercise!.id));
      await appendChange(tx, {
        actor: {
          id: '0b7e5a52-6c1f-4f0e-9a3b-2d4c6e8f0a1b',
          label: 'Coordinación de Gobierno Abierto, Órgano Garante Local',
        },
        recordType: 'exercise',
        recordId: exercise!.id,
        action: 'update',
        before: { phase: 'call', isDemo: true },
        after: { phase: 'secretariat_installation', isDemo: true },
        occurredAt: new Date('2026-11-24T16:30:00Z'),
      });
    });
    const history = sectionOf((await app.inject({ url: '/ejercicios/cuarto-pal-demostracion' })).body);
    const change = history.slice(0, history.indexOf('Creación:'));
    expect(change).toMatch(
      /Modificación: <time datetime="2026-11-24T16:30:00.000Z">24 de noviembre de 2026(,| a las) 10:30 GMT-6<\/time>/,
    );
    expect(change).toContain('Coordinación de Gobierno Abierto, Órgano Garante Local');
    expect(change).toContain('<th scope="col">Antes</th><th scope="col">Después</th>');
    expect(change).toContain(
      '<th scope="row">Etapa</th><td>Convocatoria</td><td>Instalación del Secretariado Técnico</td>',
    );
    expect(change).not.toContain('Ejercicio de demostración');
    expect(history.indexOf('Modificación:')).toBeLessThan(history.indexOf('Creación:'));

    const english = sectionOf((await app.inject({ url: '/ejercicios/cuarto-pal-demostracion?lang=en' })).body);
    expect(english).toContain('Change history');
    expect(english).toMatch(
      /Changed: <time datetime="2026-11-24T16:30:00.000Z">24 November 2026(,| at) 10:30 GMT-6<\/time>/,
    );
    expect(english).toContain('Who: System');
    expect(english).toContain('This history can be verified');
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true });
  });

  it('shows on the call page, with its dates in full', async () => {
    const { app, database } = await createTestApp();
    const response = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/convocatoria/historial' });
    expect(response.statusCode).toBe(200);
    const history = withoutStackAttributes(response.body.slice(response.body.indexOf('<main')));
    expect(history).toContain('Historial de cambios');
    expect(history).toMatch(
      /<th scope="row">Apertura<\/th><td><time datetime="2020-09-29T05:00:00.000Z">29 de septiembre de 2020(,| a las) 00:00 GMT-5<\/time><\/td>/,
    );
    expect(history).toContain('<th scope="row">Estado</th><td>Cerrada</td>');
    expect(history).toContain('Requisitos para participar');

    const [call] = await database.db.select({ id: calls.id }).from(calls).where(eq(calls.status, 'closed'));
    const { entries, hasMore } = await listRecordHistory(database.db, { recordType: 'call', recordId: call!.id });
    expect(entries).toHaveLength(1);
    expect(hasMore).toBe(false);
  });

  it('lists the latest entries first, and tells when older ones were left out', async () => {
    const { database } = await createTestApp();
    const [exercise] = await database.db.select().from(exercises).where(eq(exercises.slug, 'segundo-pal-2017-2019'));
    for (let i = 0; i < 3; i++) {
      await database.db.transaction((tx) =>
        appendChange(tx, {
          actor: { id: null, label: 'Sistema' },
          recordType: 'exercise',
          recordId: exercise!.id,
          action: 'update',
          before: { edition: i },
          after: { edition: i + 1 },
        }),
      );
    }
    const latest = await listRecordHistory(
      database.db,
      { recordType: 'exercise', recordId: exercise!.id },
      { limit: 2 },
    );
    expect(latest.entries.map((entry) => entry.changes[0]?.after)).toEqual([3, 2]);
    expect(latest.hasMore).toBe(true);
    expect(await listRecordHistory(database.db, { recordType: 'exercise', recordId: 'no-such-record' })).toEqual({
      entries: [],
      hasMore: false,
    });
  });
});
