import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { rowCounts } from '../../testing/row-counts.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitments } from '../plan/schema.js';
import { designAssessments, endAssessments, progressReports } from './schema.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const third = '/ejercicios/tercer-pal-2020-2021/plan';
const assessor = { assessorName: 'Ana Evaluadora', assessorOrganisation: 'Observatorio Ciudadano' };
const values = {
  value_access_to_information: 'yes',
  justification_access_to_information: 'Publica el mapa de cruces que antes no existía.',
  value_civic_participation: 'yes',
  justification_civic_participation: 'Los barrios decidieron qué cruces atender primero.',
  value_public_accountability: 'no',
  justification_public_accountability: 'No crea un mecanismo para exigir cuentas.',
};
const narrative = 'Revisamos las evidencias y visitamos los cruces señalados con el comité vecinal. '.repeat(4);

async function commitmentOf(database: Database, number: number) {
  const [row] = await database.db
    .select({ id: commitments.id, leadInstitutionId: commitments.leadInstitutionId, progress: commitments.progress })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(and(eq(exercises.slug, 'tercer-pal-2020-2021'), eq(commitments.number, number)));
  return row!;
}

describe('a liaison reports and an evaluator assesses, through the forms', () => {
  it('files the final report, then the evaluator assesses design and end; the public pages show it side by side', async () => {
    const { app, database } = await createTestApp();
    const commitment = await commitmentOf(database, 1);
    expect(commitment.progress).toBeLessThan(100);
    const liaison = await signInAs(database, {
      roles: [{ role: 'liaison', institutionId: commitment.leadInstitutionId }],
    });
    const evaluator = await signInAs(database, {
      roles: [{ role: 'evaluator' }],
      name: 'Ana Evaluadora',
      email: 'ana.evaluadora@example.mx',
    });
    const post = (who: typeof liaison, step: string, payload: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/evaluacion/compromisos/${commitment.id}/${step}`,
        cookies: who.cookies,
        payload: { _csrf: who.csrf, ...payload },
      });

    expect(text((await app.inject({ url: '/evaluacion', cookies: liaison.cookies })).body)).toContain(
      'Señalización vial',
    );
    const evaluationPage = (cookies?: Record<string, string>) =>
      app
        .inject({ url: `${third}/compromisos/1/evaluacion`, ...(cookies ? { cookies } : {}) })
        .then((r) => text(r.body));
    expect(await evaluationPage(liaison.cookies)).toContain('Entregar un informe');
    expect(await evaluationPage(liaison.cookies)).not.toContain('Evaluar el diseño');
    expect(await evaluationPage(evaluator.cookies)).toContain('Evaluar el diseño');
    expect(await evaluationPage()).not.toContain('Entregar un informe');

    // The end cannot be assessed before the final report.
    expect(
      text(
        (await app.inject({ url: `/evaluacion/compromisos/${commitment.id}/cierre`, cookies: evaluator.cookies })).body,
      ),
    ).toContain('Todavía no hay informe final');
    const early = await post(evaluator, 'cierre', {
      completion: 'limited',
      openedGovernment: 'marginal',
      narrative,
      evidence: 'https://example.org/a',
      ...assessor,
    });
    expect(early.statusCode).toBe(409);

    const short = await post(liaison, 'informe', {
      period: 'final',
      declaredStatus: 'complete',
      narrative: 'Muy breve.',
    });
    expect(short.statusCode).toBe(400);
    expect(text(short.body)).toContain('al menos 50 caracteres');
    const filed = await post(liaison, 'informe', {
      period: 'final',
      declaredStatus: 'complete',
      narrative: 'Se colocaron todas las señales y se dieron los talleres en las escuelas.',
    });
    expect(filed.statusCode).toBe(303);
    expect(filed.headers.location).toBe(`${third}/compromisos/1/evaluacion?aviso=informe`);
    const again = await post(liaison, 'informe', {
      period: 'final',
      declaredStatus: 'complete',
      narrative: 'Otra versión del informe final que no debe quedar registrada.',
    });
    expect(again.statusCode).toBe(409);
    expect(text(again.body)).toContain('Ya hay un informe de ese periodo');
    const [report] = await database.db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.commitmentId, commitment.id), eq(progressReports.period, 'final')));
    expect(report!.progressAtReport).toBe(commitment.progress);

    // Design: the values need an answer and a justification; promising needs its own.
    const incomplete = await post(evaluator, 'diseno', {
      verifiability: 'verifiable',
      potential: 'modest',
      ...assessor,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(text(incomplete.body)).toContain('Di si es relevante para este valor.');
    const wrongScale = await post(evaluator, 'diseno', {
      verifiability: 'verifiable',
      ...values,
      potential: 'transformative',
      ...assessor,
    });
    expect(text(wrongScale.body)).toContain('Elige un nivel de la escala del método de este plan.');
    const unjustified = await post(evaluator, 'diseno', {
      verifiability: 'verifiable',
      ...values,
      potential: 'substantial',
      isPromising: 'yes',
      ...assessor,
    });
    expect(text(unjustified.body)).toContain('Explica por qué es prometedor');
    const design = await post(evaluator, 'diseno', {
      verifiability: 'verifiable',
      ...values,
      potential: 'substantial',
      isPromising: 'yes',
      promisingJustification: 'Es claro, medible y lo pidieron los barrios.',
      ...assessor,
    });
    expect(design.statusCode).toBe(303);

    // End: complete under 100 % needs a public justification.
    const end = {
      completion: 'complete',
      openedGovernment: 'major',
      narrative,
      evidence: 'https://example.org/mapa\nhttps://example.org/fotos',
      ...assessor,
    };
    const unexplained = await post(evaluator, 'cierre', end);
    expect(unexplained.statusCode).toBe(400);
    expect(text(unexplained.body)).toContain('explica por qué lo juzgas completo');
    const badLink = await post(evaluator, 'cierre', { ...end, evidence: 'no es un enlace' });
    expect(text(badLink.body)).toContain('Cada línea debe ser una dirección web');
    const assessed = await post(evaluator, 'cierre', {
      ...end,
      completeJustification: 'Los talleres se dieron aunque no se registraron en el portal.',
    });
    expect(assessed.statusCode).toBe(303);

    const page = text((await app.inject({ url: `${third}/compromisos/1/evaluacion` })).body);
    expect(page).toContain('Compromiso prometedor');
    expect(page).toContain('Potencial de resultados');
    expect(page).toContain('Los talleres se dieron aunque no se registraron en el portal.');
    expect(page).toContain('https://example.org/fotos');
    expect(page).toContain('Ana Evaluadora (Observatorio Ciudadano)');
    expect(page).not.toContain('ana.evaluadora@example.mx');
    const results = text((await app.inject({ url: `${third}/resultados` })).body);
    expect(results).toContain('Significativamente');
    expect(results).toContain('Declarado completo con avance calculado menor a 100 %.');

    const data = await app.inject({ url: '/datos/evaluaciones.csv' });
    expect(data.statusCode).toBe(200);
    expect(data.body).toContain('Ana Evaluadora');
    expect(data.body).not.toContain('@');
    const reports = await app.inject({ url: '/datos/informes-avance.json' });
    expect(reports.statusCode).toBe(200);
    expect(reports.body).toContain('Se colocaron todas las señales');
    expect(reports.body).not.toContain('@');
  });

  it('refuses an evaluator who is a liaison of the lead institution, writing nothing, and stops at "not verifiable"', async () => {
    const { app, database } = await createTestApp();
    const commitment = await commitmentOf(database, 2);
    const conflicted = await signInAs(database, {
      roles: [{ role: 'evaluator' }, { role: 'liaison', institutionId: commitment.leadInstitutionId }],
    });
    const tables = { progressReports, designAssessments, endAssessments };
    const before = await rowCounts(database.db, tables);
    const refused = await app.inject({
      method: 'POST',
      url: `/evaluacion/compromisos/${commitment.id}/diseno`,
      cookies: conflicted.cookies,
      payload: { _csrf: conflicted.csrf, verifiability: 'not_verifiable', ...assessor },
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await app.inject({ url: `/evaluacion/compromisos/${commitment.id}/diseno`, cookies: conflicted.cookies }))
        .statusCode,
    ).toBe(403);
    expect(await rowCounts(database.db, tables)).toEqual(before);

    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const liaison = await signInAs(database, {
      roles: [{ role: 'liaison', institutionId: commitment.leadInstitutionId }],
    });
    await app.inject({
      method: 'POST',
      url: `/evaluacion/compromisos/${commitment.id}/informe`,
      cookies: liaison.cookies,
      payload: {
        _csrf: liaison.csrf,
        period: 'final',
        declaredStatus: 'limited',
        narrative: 'Se avanzó poco: falta el presupuesto para la segunda etapa del piloto.',
      },
    });
    const design = await app.inject({
      method: 'POST',
      url: `/evaluacion/compromisos/${commitment.id}/diseno`,
      cookies: evaluator.cookies,
      payload: { _csrf: evaluator.csrf, verifiability: 'not_verifiable', ...values, potential: 'modest', ...assessor },
    });
    expect(design.statusCode).toBe(303);
    const [stored] = await database.db
      .select()
      .from(designAssessments)
      .where(eq(designAssessments.commitmentId, commitment.id));
    expect(stored).toMatchObject({
      verifiability: 'not_verifiable',
      ogValues: null,
      potential: null,
      isPromising: false,
    });
    const end = await app.inject({
      method: 'POST',
      url: `/evaluacion/compromisos/${commitment.id}/cierre`,
      cookies: evaluator.cookies,
      payload: {
        _csrf: evaluator.csrf,
        completion: 'limited',
        openedGovernment: 'marginal',
        narrative,
        evidence: 'https://example.org/a',
        ...assessor,
      },
    });
    expect(end.statusCode).toBe(409);
    expect(text(end.body)).toContain('no se evalúa más');
    expect(text((await app.inject({ url: `${third}/compromisos/2/evaluacion` })).body)).toContain('No revisable');
  });

  it('lets an admin choose the method of an exercise until it has assessments; the forms and pages follow it', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const [second] = await database.db
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.slug, 'segundo-pal-2017-2019'));
    const [thirdExercise] = await database.db
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
    const choose = (exerciseId: string, method: string) =>
      app.inject({
        method: 'POST',
        url: `/admin/evaluacion/${exerciseId}/metodo`,
        cookies: admin.cookies,
        payload: { _csrf: admin.csrf, method },
      });

    const page = text((await app.inject({ url: '/admin/evaluacion', cookies: admin.cookies })).body);
    expect(page).toContain('Ya hay evaluaciones en este ejercicio: el método no cambia.');
    const refused = await choose(second!.id, 'irm_2021');
    expect(refused.statusCode).toBe(409);
    expect(text(refused.body)).toContain('Ya hay evaluaciones en ese ejercicio');

    const chosen = await choose(thirdExercise!.id, 'irm_legacy');
    expect(chosen.statusCode).toBe(303);
    expect(text((await app.inject({ url: `${third}/resultados` })).body)).toContain(
      'Este plan se evalúa con el Método IRM anterior',
    );
    const commitment = await commitmentOf(database, 3);
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const form = text(
      (await app.inject({ url: `/evaluacion/compromisos/${commitment.id}/diseno`, cookies: evaluator.cookies })).body,
    );
    expect(form).toContain('Impacto potencial');
    expect(form).toContain('Transformador');
    expect(form).not.toContain('Lo considero un compromiso prometedor');
  });
});
