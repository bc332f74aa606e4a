import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { multipart, type TestFile } from '../../../testing/multipart.js';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { changeLog } from '../../audit/schema.js';
import { exercisePhases, exercises } from '../../exercises/schema.js';
import { storedFiles } from '../../files/schema.js';
import { problems, problemSupports } from '../schema.js';

/** The demo's fourth exercise; its diagnosis is opened around TEST_NOW (23 November 2026) unless a test says not. */
const SLUG = 'cuarto-pal-demostracion';
const CAPTURE = `/admin/problemas/papel/${SLUG}`;
const PUBLIC = `/ejercicios/${SLUG}/problemas`;

const pdf = (name = 'formato-firmado-juana-perez.pdf'): TestFile => ({
  name: 'scan',
  filename: name,
  type: 'application/pdf',
  content: Buffer.from('%PDF-1.4\n% Formato de problema: Juana Pérez, tel. 618 555 0199\n%%EOF\n'),
});
const jpeg: TestFile = {
  name: 'scan',
  filename: 'hoja-de-firmas.jpg',
  type: 'image/jpeg',
  content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('firmas de vecinas y vecinos')]),
};
const paperProblem = {
  title: 'Falta alumbrado en el camino a la secundaria',
  description: 'El camino de terracería a la secundaria técnica no tiene alumbrado y las alumnas regresan de noche.',
  theme: 'public_safety',
  municipalities: ['10005', '10007'],
};

async function setUp(options: { diagnosis: 'open' | 'planned' } = { diagnosis: 'open' }) {
  const { app, database } = await createTestApp();
  const { db } = database;
  const [exercise] = await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  if (options.diagnosis === 'open')
    await db
      .update(exercisePhases)
      .set({ startsOn: '2026-11-01', endsOn: '2026-12-15' })
      .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'diagnosis')));
  const as = (session: Awaited<ReturnType<typeof signInAs>>) => ({
    user: session.user,
    session,
    get: (url: string) => app.inject({ url, cookies: session.cookies }),
    send: (url: string, fields: Record<string, string | readonly string[]>, files: TestFile[] = []) => {
      const body = multipart({ _csrf: session.csrf, ...fields }, files);
      return app.inject({ method: 'POST', url, cookies: session.cookies, ...body });
    },
  });
  const counts = async () => ({
    problems: (await db.select().from(problems).where(eq(problems.exerciseId, exercise!.id))).length,
    supports: (await db.select().from(problemSupports)).length,
    files: (await db.select({ id: storedFiles.id }).from(storedFiles)).length,
    changes: (await db.select({ seq: changeLog.seq }).from(changeLog)).length,
  });
  const dataset = async (id: string) =>
    JSON.parse((await app.inject({ url: `/datos/${id}.json` })).body) as { data: Record<string, unknown>[] };
  const facilitator = as(
    await signInAs(database, { roles: [{ role: 'facilitator' }], name: 'Facilitadora Capturista' }),
  );
  return { app, db, exerciseId: exercise!.id, as, counts, dataset, facilitator, database };
}

describe('staff capture paper forms with their scan', () => {
  it('a facilitator captures a problem handed in on paper: in person, no author, who captured it and the scan kept for staff only', async () => {
    const { app, db, database, exerciseId, as, facilitator, dataset } = await setUp();
    expect((await facilitator.get('/mi-trabajo')).body).toContain('href="/admin/problemas/papel"');
    const admin = as(await signInAs(database, { roles: [{ role: 'admin' }] }));
    expect((await admin.get('/admin')).body).toContain('href="/admin/problemas/papel"');
    expect((await admin.get('/admin/problemas')).body).toContain('href="/admin/problemas/papel"');
    const index = await facilitator.get('/admin/problemas/papel');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`href="${CAPTURE}"`);
    const form = await facilitator.get(CAPTURE);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('Formato escaneado');

    const sent = await facilitator.send(`${CAPTURE}/problema`, paperProblem, [pdf()]);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${CAPTURE}?aviso=problema#capturas`);
    const [problem] = await db.select().from(problems).where(eq(problems.exerciseId, exerciseId));
    expect(problem).toMatchObject({
      number: 1,
      channel: 'in_person',
      authorId: null,
      capturedBy: facilitator.user.id,
      title: paperProblem.title,
    });
    const [scan] = await db.select().from(storedFiles).where(eq(storedFiles.id, problem!.scanFileId!));
    // The scan keeps the portal's name for it, never the one sent (it named the resident).
    expect(scan).toMatchObject({ mimeType: 'application/pdf', originalName: 'formato-problema-1.pdf' });
    const scanUrl = `/archivos/${scan!.id}/${scan!.originalName}`;

    const page = await facilitator.get(`${CAPTURE}?aviso=problema`);
    expect(page.body).toContain('El problema quedó registrado con su formato escaneado');
    expect(page.body).toContain(`href="${scanUrl}"`);
    expect(page.body).toContain('Facilitadora Capturista');

    // The scan: staff only. Anonymous visitors and participants get the not-found page.
    const staffGet = await facilitator.get(scanUrl);
    expect(staffGet.statusCode).toBe(200);
    expect(staffGet.headers['cache-control']).toBe('private, no-store');
    expect((await app.inject({ url: scanUrl })).statusCode).toBe(404);
    const participant = as(await signInAs(database));
    expect((await participant.get(scanUrl)).statusCode).toBe(404);
    expect((await participant.get(CAPTURE)).statusCode).toBe(403);

    // Public: the problem, on paper; never who captured it or the scan.
    const publicPage = await app.inject({ url: `${PUBLIC}/1` });
    expect(publicPage.body).toContain(paperProblem.title);
    expect(publicPage.body).toContain('En papel, en una mesa presencial');
    const [row] = (await dataset('problemas')).data.filter((r) => r.ejercicio === SLUG);
    expect(row).toMatchObject({ numero: 1, canal: 'in_person', apoyos: 0 });
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, problem!.id));
    for (const text of [
      publicPage.body,
      (await app.inject({ url: PUBLIC })).body,
      JSON.stringify(await dataset('problemas')),
      JSON.stringify(await dataset('historial')),
      JSON.stringify(logged!.after),
    ]) {
      expect(text).not.toContain(scan!.id);
      expect(text).not.toContain(facilitator.user.id);
      expect(text).not.toContain('Facilitadora Capturista');
      expect(text).not.toContain('scanFileId');
      expect(text).not.toContain('capturedBy');
    }
  }, 120_000);

  it('a sheet of paper supports counts each signature once, and the list, the page and the datasets agree', async () => {
    const { app, db, database, as, facilitator, dataset } = await setUp();
    await facilitator.send(`${CAPTURE}/problema`, paperProblem, [pdf()]);
    const ana = as(await signInAs(database));
    const online = await signInAs(database);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `${PUBLIC}/1/apoyo`,
          cookies: online.cookies,
          payload: { _csrf: online.csrf },
        })
      ).statusCode,
    ).toBe(303);

    const sent = await facilitator.send(`${CAPTURE}/apoyos`, { problemNumber: '1', count: ' 5 ' }, [jpeg]);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${CAPTURE}?aviso=apoyos#capturas`);
    // The demo's other exercises have paper supports of their own (seeded by the portal, without a scan).
    const paper = (await db.select().from(problemSupports)).filter((s) => s.scanFileId !== null);
    expect(paper).toHaveLength(5);
    expect(new Set(paper.map((s) => s.scanFileId)).size).toBe(1);
    expect(paper.every((s) => s.capturedBy === facilitator.user.id && s.userId === null)).toBe(true);

    expect((await app.inject({ url: `${PUBLIC}/1` })).body).toContain('<strong>6 apoyos</strong>');
    expect((await app.inject({ url: PUBLIC })).body).toContain('6 apoyos');
    expect((await dataset('problemas')).data.find((r) => r.ejercicio === SLUG)).toMatchObject({ apoyos: 6 });
    const perDay = (await dataset('apoyos-a-problemas')).data.filter((r) => r.ejercicio === SLUG);
    expect(perDay.reduce((sum, r) => sum + Number(r.apoyos), 0)).toBe(6);
    const capture = await facilitator.get(CAPTURE);
    expect(capture.body).toContain('5 apoyos');
    const sheet = /href="(\/archivos\/[^"]+formato-apoyos-problema-1\.jpg)"/.exec(capture.body)![1]!;
    expect((await app.inject({ url: sheet })).statusCode).toBe(404);
    expect((await ana.get(sheet)).statusCode).toBe(404);
    expect((await facilitator.get(sheet)).statusCode).toBe(200);
  });

  it('outside the diagnosis window a capture stores nothing, not even the scan', async () => {
    const { db, exerciseId, facilitator, counts } = await setUp({ diagnosis: 'planned' });
    const before = await counts();
    const sent = await facilitator.send(`${CAPTURE}/problema`, paperProblem, [pdf()]);
    expect(sent.statusCode).toBe(409);
    expect(sent.body).toContain('El diagnóstico abre el');
    expect(sent.body).not.toContain('name="title"');
    // The third exercise's diagnosis closed in January 2021; its problem 1 takes no more supports.
    const closed = await facilitator.send(
      '/admin/problemas/papel/tercer-pal-2020-2021/apoyos',
      { problemNumber: '1', count: '3' },
      [jpeg],
    );
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('El diagnóstico cerró el 29 de enero de 2021');
    expect(await counts()).toEqual(before);
    expect(await db.select().from(problems).where(eq(problems.exerciseId, exerciseId))).toEqual([]);
  });

  it('hostile or wrong input gets a Spanish message next to its field, never a 500, and stores nothing', async () => {
    const { app, facilitator, counts } = await setUp();
    await facilitator.send(`${CAPTURE}/problema`, paperProblem, [pdf()]);
    const before = await counts();
    const text: TestFile = {
      name: 'scan',
      filename: 'formato.pdf',
      type: 'application/pdf',
      content: Buffer.from('hola'),
    };
    const cases: [string, Record<string, string | readonly string[]>, TestFile[], string][] = [
      ['/problema', paperProblem, [], 'Adjunta el formato escaneado.'],
      ['/problema', paperProblem, [{ ...pdf(), content: Buffer.alloc(0) }], 'Adjunta el formato escaneado.'],
      ['/problema', paperProblem, [text], 'El formato debe ser un PDF, un JPEG o un PNG.'],
      ['/problema', { ...paperProblem, title: '' }, [pdf()], 'Escribe un título de al menos 5 caracteres.'],
      [
        '/problema',
        { ...paperProblem, description: 'x'.repeat(70_000) },
        [pdf()],
        'La descripción es demasiado larga.',
      ],
      ['/problema', { ...paperProblem, theme: '<script>' }, [pdf()], 'Elige un tema.'],
      ['/problema', { ...paperProblem, municipalities: ['99999'] }, [pdf()], 'Marca al menos un municipio'],
      ['/problema', { ...paperProblem, municipalities: ["10005' or 1=1"] }, [pdf()], 'Marca al menos un municipio'],
      ['/apoyos', { problemNumber: '1', count: 'abc' }, [jpeg], 'Escribe un número entero de apoyos'],
      ['/apoyos', { problemNumber: '1', count: '0' }, [jpeg], 'Escribe un número entero de apoyos'],
      ['/apoyos', { problemNumber: '1', count: '1001' }, [jpeg], 'Escribe un número entero de apoyos'],
      ['/apoyos', { problemNumber: '1', count: '-3' }, [jpeg], 'Escribe un número entero de apoyos'],
      ['/apoyos', { problemNumber: '1', count: '1e3' }, [jpeg], 'Escribe un número entero de apoyos'],
      ['/apoyos', { problemNumber: '1', count: ['2', '3'] }, [jpeg], 'Escribe un número entero de apoyos'],
      ['/apoyos', { problemNumber: '999999', count: '2' }, [jpeg], 'Elige un problema de la lista.'],
      ['/apoyos', { problemNumber: '1; drop table problems', count: '2' }, [jpeg], 'Elige un problema de la lista.'],
      ['/apoyos', { problemNumber: '1', count: '2' }, [], 'Adjunta el formato escaneado.'],
    ];
    for (const [path, fields, files, message] of cases) {
      const response = await facilitator.send(`${CAPTURE}${path}`, fields, files);
      expect(response.statusCode, `${path} ${JSON.stringify(fields).slice(0, 80)}`).toBe(400);
      expect(response.body).toContain(message);
      expect(response.body).toContain('Hay un problema');
    }
    // A NUL character, a file where a text goes, a plain form without the file: refused with a 4xx page.
    const nul = await facilitator.send(`${CAPTURE}/problema`, { ...paperProblem, title: 'Falta\u0000alumbrado' }, [
      pdf(),
    ]);
    expect(nul.statusCode).toBe(400);
    const fileAsTitle = await facilitator.send(`${CAPTURE}/problema`, paperProblem, [{ ...pdf(), name: 'title' }]);
    expect(fileAsTitle.statusCode).toBe(400);
    const plain = await app.inject({
      method: 'POST',
      url: `${CAPTURE}/apoyos`,
      cookies: facilitator.session.cookies,
      payload: { _csrf: facilitator.session.csrf, problemNumber: '1', count: '2' },
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain('Adjunta el formato escaneado.');
    expect(await counts()).toEqual(before);
  });
});
