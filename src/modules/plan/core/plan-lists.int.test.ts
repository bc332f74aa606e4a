import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../testing/constants.js';
import { countQueries } from '../../../testing/count-queries.js';
import { eventually } from '../../../testing/eventually.js';
import { createTestApp } from '../../../testing/test-app.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { createActionPlan } from '../admin/create-action-plan.js';
import { createActivity } from '../admin/create-activity.js';
import { createCommitment } from '../admin/create-commitment.js';
import { createMilestone } from '../admin/create-milestone.js';
import { listLateItems, listPlanMilestones } from './list-plan-milestones.js';
import { updateActionPlan } from '../admin/update-action-plan.js';
import { actionPlans, commitments } from '../schema.js';
import { portalActor } from '../../../testing/actors.js';

const slug = 'cuarto-pal-demostracion';
const today = TEST_NOW.toISOString().slice(0, 10);

/**
 * A plan of `n` approved commitments, each with two milestones (one overdue, one due next year) and a late activity.
 */
async function bigPlan(n: number) {
  const { app, database } = await createTestApp();
  const db = database.db;
  const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, slug));
  const [lead] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.name, 'Ayuntamiento de Durango'));
  const plan = await createActionPlan(
    db,
    {
      exerciseId: fourth!.id,
      title: 'Plan de muchos compromisos',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      strategicVision: 'Visión',
    },
    { actor: portalActor },
  );
  for (let i = 1; i <= n; i += 1) {
    const c = await createCommitment(
      db,
      {
        planId: plan.id,
        title: `Compromiso número ${i}`,
        leadInstitutionId: lead!.id,
        municipalities: ['10005'],
        endsOn: '2027-12-31',
      },
      { actor: portalActor },
    );
    const late = await createMilestone(
      db,
      c.id,
      {
        title: `Hito vencido ${i}`,
        deliverable: 'Entregable',
        responsibleInstitutionId: lead!.id,
        plannedEnd: `2026-0${1 + (i % 9)}-15`,
      },
      { actor: portalActor },
    );
    await createMilestone(
      db,
      c.id,
      {
        title: `Hito futuro ${i}`,
        deliverable: 'Entregable',
        responsibleInstitutionId: lead!.id,
        plannedEnd: '2027-06-30',
      },
      { actor: portalActor },
    );
    await createActivity(
      db,
      late.id,
      { title: `Actividad vencida ${i}`, responsibleInstitutionId: lead!.id, plannedEnd: '2026-02-01' },
      { actor: portalActor },
    );
  }
  // Public statuses, set directly: the lists under test are about size, not about the approval workflow.
  await db.update(actionPlans).set({ status: 'in_implementation' }).where(eq(actionPlans.id, plan.id));
  await db
    .update(commitments)
    .set({ status: 'in_implementation' })
    .where(inArray(commitments.planId, [plan.id]));
  // One more commitment stays a draft: it is not public, so none of its milestones or activities are listed.
  const draft = await createCommitment(
    db,
    {
      planId: plan.id,
      title: 'Compromiso en borrador',
      leadInstitutionId: lead!.id,
      municipalities: ['10005'],
      endsOn: '2027-12-31',
    },
    { actor: portalActor },
  );
  const draftStone = await createMilestone(
    db,
    draft.id,
    {
      title: 'Hito del borrador',
      deliverable: 'Entregable',
      responsibleInstitutionId: lead!.id,
      plannedEnd: '2026-01-10',
    },
    { actor: portalActor },
  );
  await createActivity(
    db,
    draftStone.id,
    { title: 'Actividad del borrador', responsibleInstitutionId: lead!.id, plannedEnd: '2026-01-10' },
    { actor: portalActor },
  );
  return { app, database, planId: plan.id };
}

describe('a plan with many commitments and milestones', () => {
  it(
    'keeps the plan page short: 50 commitments per page, ten late items and ten next milestones, with links to the rest',
    { timeout: 180_000 },
    async () => {
      const { app } = await bigPlan(55);
      const page = await app.inject({ url: `/ejercicios/${slug}/plan` });
      expect(page.statusCode).toBe(200);
      const rows = (body: string) =>
        (body.match(/<td[^>]*><a href="\/ejercicios\/cuarto-pal-demostracion\/plan\/compromisos\/\d+">/g) ?? []).length;
      expect(rows(page.body)).toBe(50);
      expect(page.body).toContain('Del 1 al 50 de 55.');
      expect(page.body).toContain('Compromiso número 50<');
      expect(page.body).not.toContain('Compromiso número 51<');
      expect(page.body).toMatch(
        /href="\/ejercicios\/cuarto-pal-demostracion\/plan\?orden=numero&amp;sentido=asc&amp;pagina=2#compromisos"/,
      );
      // Late items: counted in full, the first ten listed, the rest one link away.
      expect(page.body).toContain('55 compromisos, 55 hitos y 55 actividades');
      expect((page.body.match(/Hito vencido \d+/g) ?? []).length).toBe(10);
      expect(page.body).toContain('Ver todos los hitos con retraso (55)');
      expect(page.body).toContain('Ver el calendario completo de hitos (110)');
      expect((page.body.match(/Hito futuro \d+/g) ?? []).length).toBe(10);

      const second = await app.inject({ url: `/ejercicios/${slug}/plan?orden=numero&pagina=2` });
      expect(rows(second.body)).toBe(5);
      expect(second.body).toContain('Compromiso número 55<');
      expect(second.body).toContain('Del 51 al 55 de 55.');
      const beyond = await app.inject({ url: `/ejercicios/${slug}/plan?pagina=99` });
      expect(rows(beyond.body)).toBe(5);
      const nonsense = await app.inject({ url: `/ejercicios/${slug}/plan?pagina=-3` });
      expect(rows(nonsense.body)).toBe(50);
    },
  );

  it(
    'lists every milestone on the calendar pages and every late item on the late pages, in fixed queries',
    { timeout: 180_000 },
    async () => {
      const { app, database, planId } = await bigPlan(55);
      const db = database.db;
      const calendar = await app.inject({ url: `/ejercicios/${slug}/plan/calendario` });
      expect(calendar.statusCode).toBe(200);
      expect(calendar.body).toContain('Calendario de hitos');
      expect(calendar.body).toContain('Hitos del 1 al 100 de 110.');
      expect(calendar.body).toContain('href="/ejercicios/cuarto-pal-demostracion/plan/calendario?pagina=2"');
      const calendarTwo = await app.inject({ url: `/ejercicios/${slug}/plan/calendario?pagina=2` });
      expect(calendarTwo.body).toContain('Hitos del 101 al 110 de 110.');
      // Ordered by due date: the last page holds the milestones due in 2027.
      expect(calendarTwo.body).toContain('Hito futuro');
      expect(calendarTwo.body).not.toContain('Hito vencido');
      const english = await app.inject({ url: `/ejercicios/${slug}/plan/calendario?lang=en` });
      expect(english.body).toContain('Milestone calendar');

      const late = await app.inject({ url: `/ejercicios/${slug}/plan/atrasos?tipo=actividades` });
      expect(late.statusCode).toBe(200);
      expect((late.body.match(/Actividad vencida \d+/g) ?? []).length).toBe(55);
      expect(late.body).toContain('Actividades (55)');
      expect(late.body).toContain('Hitos (55)');
      const lateStones = await app.inject({ url: `/ejercicios/${slug}/plan/atrasos` });
      expect((lateStones.body.match(/Hito vencido \d+/g) ?? []).length).toBe(55);
      expect(lateStones.body).not.toContain('Hito futuro');

      const small = await countQueries(database, () => listPlanMilestones(db, slug, { page: 1, today }));
      const smallLate = await countQueries(database, () =>
        listLateItems(db, slug, { kind: 'actividades', page: 1, today }),
      );
      expect(small.count).toBe(3);
      expect(smallLate.count).toBe(4);
      // Bad input gets a page, never an error: an unknown kind shows the milestones, a nonsense page number the first.
      const odd = await app.inject({ url: `/ejercicios/${slug}/plan/atrasos?tipo=%3Cscript%3E&pagina=abc` });
      expect(odd.statusCode).toBe(200);
      expect(odd.body).toContain('Hito vencido');
      expect(odd.body).not.toContain('<script>');
      const far = await app.inject({ url: `/ejercicios/${slug}/plan/calendario?pagina=99999` });
      expect(far.statusCode).toBe(200);
      expect(far.body).toContain('Hitos del 101 al 110 de 110.');
      const missing = await app.inject({ url: '/ejercicios/no-existe/plan/calendario' });
      expect(missing.statusCode).toBe(404);
      for (const body of [calendar.body, calendarTwo.body, late.body, lateStones.body]) {
        expect(body).not.toContain('del borrador');
      }
      // A plan turned back into a draft (through the use case, which also drops the cached pages) has neither page.
      await updateActionPlan(
        db,
        planId,
        {
          title: 'Plan de muchos compromisos',
          periodStart: '2026-01-01',
          periodEnd: '2027-12-31',
          strategicVision: 'Visión',
          status: 'draft',
        },
        { actor: portalActor },
      );
      for (const page of ['calendario', 'atrasos']) {
        const gone = await eventually(
          () => app.inject({ url: `/ejercicios/${slug}/plan/${page}` }),
          (response) => response.statusCode === 404,
        );
        expect(gone.statusCode).toBe(404);
      }
    },
  );

  it(
    'lists a milestone due next year but with an overdue activity as late since that activity’s date, not as upcoming',
    { timeout: 120_000 },
    async () => {
      const { app, database } = await createTestApp();
      const db = database.db;
      const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, slug));
      const [lead] = await db
        .select({ id: institutions.id })
        .from(institutions)
        .where(eq(institutions.name, 'Ayuntamiento de Durango'));
      const plan = await createActionPlan(
        db,
        {
          exerciseId: fourth!.id,
          title: 'Plan pequeño',
          periodStart: '2026-01-01',
          periodEnd: '2027-12-31',
          strategicVision: 'Visión',
          status: 'in_implementation',
        },
        { actor: portalActor },
      );
      const c = await createCommitment(
        db,
        {
          planId: plan.id,
          title: 'Compromiso único',
          leadInstitutionId: lead!.id,
          status: 'in_implementation',
          endsOn: '2027-12-31',
        },
        { actor: portalActor },
      );
      const behind = await createMilestone(
        db,
        c.id,
        {
          title: 'Hito atrasado por dentro',
          deliverable: 'Entregable',
          responsibleInstitutionId: lead!.id,
          plannedEnd: '2027-06-30',
        },
        { actor: portalActor },
      );
      await createActivity(
        db,
        behind.id,
        { title: 'Actividad vencida', responsibleInstitutionId: lead!.id, plannedEnd: '2026-02-01' },
        { actor: portalActor },
      );
      await createMilestone(
        db,
        c.id,
        {
          title: 'Hito al día',
          deliverable: 'Entregable',
          responsibleInstitutionId: lead!.id,
          plannedEnd: '2027-03-31',
        },
        { actor: portalActor },
      );
      const body = (await app.inject({ url: `/ejercicios/${slug}/plan` })).body;
      const late = body.slice(body.indexOf('id="late-heading"'), body.indexOf('id="timeline-heading"'));
      const upcoming = body.slice(body.indexOf('id="timeline-heading"'), body.indexOf('id="formula"'));
      expect(late).toContain('Compromiso 1: Hito atrasado por dentro');
      expect(late).toContain('con pendientes desde el 1 de febrero de 2026');
      expect(upcoming).not.toContain('Hito atrasado por dentro');
      expect(upcoming).toContain('Hito al día');
      const latePage = (await app.inject({ url: `/ejercicios/${slug}/plan/atrasos` })).body;
      expect(latePage).toContain('Pendiente desde');
      expect(latePage).toContain('1 de febrero de 2026');
    },
  );
});
