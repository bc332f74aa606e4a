import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../testing/constants.js';
import { countQueries } from '../../testing/count-queries.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { changeLog } from '../audit/schema.js';
import { verifyChangeLog } from '../audit/verify-change-log.js';
import { createActionPlan } from './admin/create-action-plan.js';
import { createActivity } from './admin/create-activity.js';
import { createCommitment } from './admin/create-commitment.js';
import { createMilestone } from './admin/create-milestone.js';
import { deleteActivity } from './admin/delete-activity.js';
import { getPlanOverview } from './core/get-plan-overview.js';
import { proposeCommitment } from './admin/propose-commitment.js';
import { approveCommitment } from './admin/approve-commitment.js';
import { startActivity } from './work/start-activity.js';
import { cancelActivity } from './admin/cancel-activity.js';
import { activities, actionPlans, commitments, milestones, progressSnapshots } from './schema.js';
import { portalActor } from '../../testing/actors.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213c9b0000000049454e44ae426082',
  'hex',
);

function multipart(
  fields: Record<string, string>,
  file?: { name: string; filename: string; type: string; content: Buffer },
) {
  const boundary = '----cocrea-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const institutionId = async (db: Awaited<ReturnType<typeof createTestDatabase>>['db'], name: string) =>
  (await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, name)))[0]!.id;

// The demo template (with both plans) is built once per file; on a busy machine that alone can take tens of seconds.
beforeAll(async () => {
  await createTestDatabase({ withDemo: true });
}, 120_000);

describe('the public plan pages', () => {
  it(
    'show the demo plan with its overall progress, every commitment, late items and the formula',
    { timeout: 90_000 },
    async () => {
      const { app } = await createTestApp();
      const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Tercer Plan de Acción Local');
      expect(page.body).toContain('Piloto de separación de residuos en la colonia El Dorado');
      expect(page.body).toContain('Señalización vial y educación vial en la cabecera de Tepehuanes');
      expect(page.body).toContain('Con retraso');
      expect(page.body).toContain('Cómo calculamos el avance');
      expect(page.body).toContain('<progress');
      const sorted = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan?orden=avance' });
      expect(sorted.body).toContain('aria-sort="descending"');
      // The completed environmental commitment (100 %) comes first when sorted by progress.
      const first = sorted.body.indexOf('Conciencia ambiental');
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(sorted.body.indexOf('Obra pública a la vista'));
      // The current column shows its direction and links to the reverse order; the others to their own order.
      expect(sorted.body).toMatch(
        /aria-sort="descending" role="columnheader"><a href="\/ejercicios\/tercer-pal-2020-2021\/plan\?orden=avance&amp;sentido=asc#compromisos">Avance<span class="sort-arrow" aria-hidden="true">▼<\/span>/,
      );
      expect(sorted.body).toContain(
        'href="/ejercicios/tercer-pal-2020-2021/plan?orden=numero&amp;sentido=asc#compromisos"',
      );
      expect(sorted.body).toContain('Ordenados por avance, de mayor a menor.');
      const reversed = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan?orden=avance&sentido=asc' });
      expect(reversed.body).toContain('aria-sort="ascending"');
      expect(reversed.body).toContain('<span class="sort-arrow" aria-hidden="true">▲</span>');
      expect(reversed.body).toContain('Ordenados por avance, de menor a mayor.');
      expect(reversed.body.indexOf('Conciencia ambiental')).toBeGreaterThan(
        reversed.body.indexOf('Obra pública a la vista'),
      );
      // Each percentage has its small bar, drawn for the eye only.
      expect(sorted.body).toMatch(/<svg class="mini-bar"[^>]*aria-hidden="true"/);
      expect(sorted.body).toContain('data-label="Avance"');
      const second = await app.inject({ url: '/ejercicios/segundo-pal-2017-2019/plan' });
      expect(second.statusCode).toBe(200);
      expect(second.body).toContain('Concluido');
      expect(
        (second.body.match(/\/ejercicios\/segundo-pal-2017-2019\/plan\/compromisos\/\d+"/g) ?? []).length,
      ).toBeGreaterThanOrEqual(8);
    },
  );

  it('show a commitment with its template fields, milestones, evidence, chart with a table, and history', async () => {
    const { app } = await createTestApp();
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/compromisos/1' });
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Problema público',
      'Situación actual (línea base)',
      'Específico',
      'Transformador',
      'Colectivo Caminemos Tepehuanes',
      'Tepehuanes',
      'Diagnóstico participativo',
      'enlace externo',
      '<svg',
      'Cada registro del avance',
      'Historial',
    ]) {
      expect(page.body, text).toContain(text);
    }
    expect((await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/compromisos/99' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/compromisos/abc' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/ejercicios/no-existe/plan' })).statusCode).toBe(404);
  });
});

describe('recording progress', () => {
  it('a liaison starts an activity, attaches a file and marks it done; someone outside verifies; the public sees it', async () => {
    const { app, database } = await createTestApp();
    const db = database.db;
    const tepehuanes = await institutionId(db, 'Ayuntamiento de Tepehuanes');
    const durango = await institutionId(db, 'Ayuntamiento de Durango');
    const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId: tepehuanes }] });
    const other = await signInAs(database, { roles: [{ role: 'liaison', institutionId: durango }] });
    const [target] = await db
      .select()
      .from(activities)
      .where(eq(activities.title, 'Talleres en seis escuelas primarias'));
    const before = (
      await db
        .select()
        .from(commitments)
        .where(eq(commitments.title, 'Señalización vial y educación vial en la cabecera de Tepehuanes'))
    )[0]!;

    const list = await app.inject({ url: '/mis-actividades', cookies: liaison.cookies });
    expect(list.body).toContain('Talleres en seis escuelas primarias');
    expect(list.body).not.toContain('Piloto de separación');
    expect((await app.inject({ url: `/actividades/${target!.id}`, cookies: other.cookies })).statusCode).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/actividades/${target!.id}/iniciar`,
          cookies: other.cookies,
          payload: { _csrf: other.csrf },
        })
      ).statusCode,
    ).toBe(403);

    const started = await app.inject({
      method: 'POST',
      url: `/actividades/${target!.id}/iniciar`,
      cookies: liaison.cookies,
      payload: { _csrf: liaison.csrf },
    });
    expect(started.statusCode).toBe(303);

    const early = await app.inject({
      method: 'POST',
      url: `/actividades/${target!.id}/terminar`,
      cookies: liaison.cookies,
      payload: { _csrf: liaison.csrf, closingNote: 'Terminamos los talleres' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('agrega al menos una evidencia');
    expect(early.body).toContain('Terminamos los talleres');

    const notAFile = multipart(
      { _csrf: liaison.csrf, description: 'Lista de asistencia' },
      {
        name: 'file',
        filename: 'lista.pdf',
        type: 'application/pdf',
        content: Buffer.from('<html>no soy un pdf</html>'),
      },
    );
    const refused = await app.inject({
      method: 'POST',
      url: `/actividades/${target!.id}/evidencias`,
      cookies: liaison.cookies,
      ...notAFile,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('no es PDF');
    expect(refused.body).toContain('Lista de asistencia');

    const upload = multipart(
      { _csrf: liaison.csrf, description: 'Foto del taller', url: '' },
      { name: 'file', filename: 'Foto del taller.png', type: 'image/png', content: PNG },
    );
    const attached = await app.inject({
      method: 'POST',
      url: `/actividades/${target!.id}/evidencias`,
      cookies: liaison.cookies,
      ...upload,
    });
    expect(attached.statusCode).toBe(303);

    const done = await app.inject({
      method: 'POST',
      url: `/actividades/${target!.id}/terminar`,
      cookies: liaison.cookies,
      payload: { _csrf: liaison.csrf, closingNote: 'Se dieron los seis talleres.' },
    });
    expect(done.statusCode).toBe(303);

    // The liaison cannot verify its own institution's work; a secretariat member can.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/actividades/${target!.id}/verificar`,
          cookies: liaison.cookies,
          payload: { _csrf: liaison.csrf },
        })
      ).statusCode,
    ).toBe(403);
    const member = await signInAs(database, { roles: [{ role: 'secretariat_member' }] });
    const pending = await app.inject({ url: '/mis-actividades', cookies: member.cookies });
    expect(pending.body).toContain('Talleres en seis escuelas primarias');
    const verified = await app.inject({
      method: 'POST',
      url: `/actividades/${target!.id}/verificar`,
      cookies: member.cookies,
      payload: { _csrf: member.csrf },
    });
    expect(verified.statusCode).toBe(303);

    const after = (await db.select().from(commitments).where(eq(commitments.id, before.id)))[0]!;
    expect(after.progress).toBeGreaterThan(before.progress);
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/compromisos/1' });
    expect(page.body).toContain('Se dieron los seis talleres.');
    expect(page.body).toContain('Verificada');
    const link = /href="(\/archivos\/[^"]+)"/.exec(page.body)![1]!;
    const file = await app.inject({ url: link });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toContain('attachment; filename="Foto-del-taller.png"');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await verifyChangeLog(db)).ok).toBe(true);
  });
});

describe('plan rules', () => {
  it('refuses to propose a commitment without the four justified SMART criteria, and approval needs an agreement', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const db = database.db;
    const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    const lead = await institutionId(db, 'Ayuntamiento de Durango');
    const plan = await createActionPlan(
      db,
      {
        exerciseId: fourth!.id,
        title: 'Plan de prueba',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        strategicVision: 'Visión',
      },
      { actor: portalActor },
    );
    const c = await createCommitment(
      db,
      {
        planId: plan.id,
        title: 'Compromiso incompleto',
        leadInstitutionId: lead,
        smart: { specific: { met: true, justification: 'Sí' }, achievable: { met: true, justification: '' } },
      },
      { actor: portalActor },
    );
    await expect(proposeCommitment(db, c.id, { actor: portalActor })).rejects.toMatchObject({
      code: 'validation',
      details: { missing: ['achievable', 'measurable', 'transformative'] },
    });
    await expect(
      approveCommitment(db, c.id, { agreementId: '8b5d7a7e-7f7e-4f43-9a36-6d9f3f0d2a11' }, { actor: portalActor }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(approveCommitment(db, c.id, { agreementId: 'no' }, { actor: portalActor })).rejects.toThrow();
  });

  it('recomputes progress on deletion and cancellation, keeps a time series, and never lets weights be silently capped', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const db = database.db;
    const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    const lead = await institutionId(db, 'Ayuntamiento de Durango');
    const at = (d: string) => ({ actor: portalActor, now: new Date(d) });
    const plan = await createActionPlan(
      db,
      {
        exerciseId: fourth!.id,
        title: 'Plan de prueba',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        strategicVision: 'Visión',
      },
      at('2027-01-01T00:00:00Z'),
    );
    // In implementation: only public commitments count in the plan's mean (a draft would leave it at 0).
    const c = await createCommitment(
      db,
      { planId: plan.id, title: 'Compromiso', leadInstitutionId: lead, status: 'in_implementation' },
      at('2027-01-02T00:00:00Z'),
    );
    const heavy = await createMilestone(
      db,
      c.id,
      { title: 'Hito pesado', deliverable: 'Entregable', responsibleInstitutionId: lead, weight: 300 },
      at('2027-01-03T00:00:00Z'),
    );
    const light = await createMilestone(
      db,
      c.id,
      { title: 'Hito ligero', deliverable: 'Entregable', responsibleInstitutionId: lead, weight: 100 },
      at('2027-01-03T00:00:00Z'),
    );
    const a1 = await createActivity(
      db,
      heavy.id,
      { title: 'Actividad uno', responsibleInstitutionId: lead },
      at('2027-01-04T00:00:00Z'),
    );
    const a2 = await createActivity(
      db,
      heavy.id,
      { title: 'Actividad dos', responsibleInstitutionId: lead },
      at('2027-01-04T00:00:00Z'),
    );
    await createActivity(
      db,
      light.id,
      { title: 'Actividad tres', responsibleInstitutionId: lead },
      at('2027-01-04T00:00:00Z'),
    );
    await startActivity(db, a1.id, at('2027-02-01T00:00:00Z'));
    const progressOf = async () => (await db.select().from(commitments).where(eq(commitments.id, c.id)))[0]!.progress;
    // heavy = mean(50, 0) = 25, light = 0: (300 x 25 + 100 x 0) / 400 = 18.75
    expect(await progressOf()).toBe(18.75);
    await deleteActivity(db, a2.id, { reason: 'Se duplicó con la actividad uno' }, at('2027-02-02T00:00:00Z'));
    // heavy = 50: 300 x 50 / 400 = 37.5
    expect(await progressOf()).toBe(37.5);
    const [lightActivity] = await db.select().from(activities).where(eq(activities.milestoneId, light.id));
    await cancelActivity(db, lightActivity!.id, { reason: 'Ya no hace falta' }, at('2027-02-03T00:00:00Z'));
    // light has no activity in force: 0 %, still weighing 100.
    expect(await progressOf()).toBe(37.5);
    expect((await db.select().from(milestones).where(eq(milestones.id, heavy.id)))[0]!.progress).toBe(50);
    expect((await db.select().from(actionPlans).where(eq(actionPlans.id, plan.id)))[0]!.progress).toBe(37.5);
    const series = await db
      .select()
      .from(progressSnapshots)
      .where(eq(progressSnapshots.scopeId, c.id))
      .orderBy(progressSnapshots.id);
    expect(series.map((s) => s.progress)).toEqual([0, 18.75, 37.5]);
    const deleted = await db.select().from(changeLog).where(eq(changeLog.recordId, a2.id));
    expect(deleted.map((e) => e.action)).toEqual(['create', 'delete']);
  });

  it('loads the plan page in the same number of queries with 2 and with 20 commitments', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const db = database.db;
    const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    const lead = await institutionId(db, 'Ayuntamiento de Durango');
    // Published, with approved commitments: a draft plan or draft commitments are not on the public page.
    const plan = await createActionPlan(
      db,
      {
        exerciseId: fourth!.id,
        title: 'Plan grande',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        strategicVision: 'Visión',
        status: 'published',
      },
      { actor: portalActor },
    );
    const add = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const c = await createCommitment(
          db,
          {
            planId: plan.id,
            title: `Compromiso ${i}`,
            leadInstitutionId: lead,
            status: 'approved',
            municipalities: ['10005', '10007'],
            endsOn: '2026-01-31',
          },
          { actor: portalActor },
        );
        const m = await createMilestone(
          db,
          c.id,
          { title: 'Hito', deliverable: 'Entregable', responsibleInstitutionId: lead, plannedEnd: '2026-01-31' },
          { actor: portalActor },
        );
        await createActivity(
          db,
          m.id,
          { title: 'Actividad', responsibleInstitutionId: lead, plannedEnd: '2026-01-31' },
          { actor: portalActor },
        );
      }
    };
    const today = TEST_NOW.toISOString().slice(0, 10);
    await add(2);
    const small = await countQueries(database, () => getPlanOverview(db, 'cuarto-pal-demostracion', today));
    await add(18);
    const large = await countQueries(database, () => getPlanOverview(db, 'cuarto-pal-demostracion', today));
    expect(small.result.commitments).toHaveLength(2);
    expect(large.result.commitments).toHaveLength(20);
    // The page lists the ten most overdue activities and counts them all; the rest are on the late-items page.
    expect(large.result.lateActivities).toHaveLength(10);
    expect(large.result.lateActivityCount).toBe(20);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
  });
});
