import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { verifyChangeLog } from '../../audit/verify-change-log.js';
import { changeLog } from '../../audit/schema.js';
import { exercises } from '../../exercises/schema.js';
import { resultsReportVersions } from '../schema.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const slug = 'tercer-pal-2020-2021';
const staff = `/evaluacion/informes/${slug}`;
const report = `/ejercicios/${slug}/informe-de-resultados`;
const sha256 = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

describe('the results report of an exercise', () => {
  it('is generated with the process, each commitment and the annex; publishing freezes a version with its hash in the change log, and an edit makes version 2', async () => {
    const { app, database } = await createTestApp();
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const post = (url: string, payload: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, cookies: evaluator.cookies, payload: { _csrf: evaluator.csrf, ...payload } });

    // Not published yet: the public page says so, and the authors see an empty form.
    const before = await app.inject({ url: report });
    expect(before.statusCode).toBe(200);
    expect(text(before.body)).toContain('todavía no se publica');
    const page = await app.inject({ url: staff, cookies: evaluator.cookies });
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Todavía no hay versiones publicadas');

    const saved = await post(staff, {
      summary: 'Primera versión del resumen: el ejercicio se centró en tres municipios.',
      conclusions: 'El seguimiento mensual funcionó.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${staff}?aviso=textos`);
    // Saved texts are not public.
    expect(text((await app.inject({ url: report })).body)).not.toContain('Primera versión del resumen');

    const preview = text((await app.inject({ url: `${staff}/vista-previa`, cookies: evaluator.cookies })).body);
    for (const expected of [
      'Vista previa',
      'Primera versión del resumen',
      'Inscripciones por sector',
      'Tasa de quórum',
      'Acuerdos cumplidos',
      'Aportaciones con respuesta razonada',
      'Mayor intervalo entre sesiones del Secretariado',
      'Compromiso 1. Señalización vial',
      'Primer informe de avance',
      'Anexo: todos los compromisos',
      'El seguimiento mensual funcionó.',
    ])
      expect(preview, expected).toContain(expected);

    const published = await post(`${staff}/publicar`);
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`${staff}?aviso=publicado`);
    const again = await post(`${staff}/publicar`);
    expect(again.statusCode).toBe(409);
    expect(text(again.body)).toContain('no hay nada nuevo que publicar');

    const v1 = await app.inject({ url: `${report}/versiones/1/fuente.json` });
    expect(v1.statusCode).toBe(200);
    expect(v1.headers['content-type']).toContain('application/json');
    expect(v1.headers['content-disposition']).toContain(`informe-de-resultados-${slug}-v1.json`);
    const [logged] = await database.db
      .select({ after: changeLog.after, actor: changeLog.actorLabel })
      .from(changeLog)
      .where(eq(changeLog.recordType, 'results_report_version'))
      .orderBy(desc(changeLog.seq))
      .limit(1);
    expect(logged!.after).toMatchObject({ version: 1, sha256: sha256(v1.body) });
    expect(logged!.actor).toBe('Evaluación');
    expect(JSON.parse(v1.body)).toMatchObject({
      format: 1,
      texts: { summary: 'Primera versión del resumen: el ejercicio se centró en tres municipios.' },
    });

    // An edit, published, makes version 2; version 1 stays at its address, unchanged.
    await post(staff, { summary: 'Segunda versión del resumen.', conclusions: 'El seguimiento mensual funcionó.' });
    expect((await post(`${staff}/publicar`)).statusCode).toBe(303);
    const latest = text((await app.inject({ url: report })).body);
    expect(latest).toContain('Segunda versión del resumen.');
    expect(latest).toContain('Versión 2, publicada el');
    expect(latest).toContain('Leer la versión 1');
    const first = await app.inject({ url: `${report}/versiones/1` });
    expect(first.statusCode).toBe(200);
    expect(text(first.body)).toContain('Primera versión del resumen');
    expect(text(first.body)).toContain('Esta es la versión 1. La más reciente es la versión 2.');
    expect((await app.inject({ url: `${report}/versiones/1/fuente.json` })).body).toBe(v1.body);
    expect((await app.inject({ url: `${report}/versiones/3` })).statusCode).toBe(404);

    const versions = await database.db
      .select({ version: resultsReportVersions.version })
      .from(resultsReportVersions)
      .innerJoin(exercises, eq(exercises.id, resultsReportVersions.exerciseId))
      .where(and(eq(exercises.slug, slug)));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect((await verifyChangeLog(database.db)).ok).toBe(true);

    const english = text((await app.inject({ url: `${report}?lang=en` })).body);
    expect(english).toContain('Results report');
    expect(english).toContain('Published versions');
  });

  it('shows the process indicators of an exercise with their formulas and flags, and the demo’s published report', async () => {
    const { app } = await createTestApp();
    const indicators = text((await app.inject({ url: `/ejercicios/${slug}/indicadores` })).body);
    for (const expected of [
      'Indicadores del proceso',
      'Aportaciones con respuesta razonada',
      'Mediana de días para responder',
      'Más de seis meses sin sesionar.',
      'Días desde la última actualización pública del portal',
      'Alerta si pasa de 120 días',
    ])
      expect(indicators, expected).toContain(expected);
    const second = text((await app.inject({ url: '/ejercicios/segundo-pal-2017-2019/informe-de-resultados' })).body);
    expect(second).toContain('Versión 1, publicada el 15 de junio de 2020');
    expect(second).toContain('Lección 1: Verificación independiente');
    expect(second).toContain('El portal no tiene registro del Secretariado Técnico de este ejercicio.');
    expect(second).toContain('Compromisos estelares (calculado)');
  });

  it('needs a public plan to be published, and is not for participants or liaisons', async () => {
    const { app, database } = await createTestApp();
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const noPlan = await app.inject({
      method: 'POST',
      url: '/evaluacion/informes/cuarto-pal-demostracion/publicar',
      cookies: evaluator.cookies,
      payload: { _csrf: evaluator.csrf },
    });
    expect(noPlan.statusCode).toBe(409);
    expect(text(noPlan.body)).toContain('Sin un plan de acción público');
    const participant = await signInAs(database, {});
    expect((await app.inject({ url: staff, cookies: participant.cookies })).statusCode).toBe(403);
    expect((await app.inject({ url: '/evaluacion/informes/no-existe', cookies: evaluator.cookies })).statusCode).toBe(
      404,
    );
  });
});
