import { and, eq, inArray, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portalActor } from '../../../testing/actors.js';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { changeLog } from '../../audit/schema.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans, activities, commitments, milestones, removedPlanItems } from '../schema.js';
import { createActivity } from './create-activity.js';
import { createCommitment } from './create-commitment.js';
import { createMilestone } from './create-milestone.js';

/*
 * Issue 12, item 10: deleting or cancelling a milestone or an activity of an approved commitment asks for a reason
 * on a confirmation page first (no JavaScript needed), and the commitment's public history keeps the entry with it.
 */

async function setUp() {
  const { app, database } = await createTestApp();
  const { db } = database;
  // An approved commitment of the demo (in implementation) with a milestone that has activities.
  const [row] = await db
    .select({
      commitment: commitments,
      slug: exercises.slug,
      milestoneId: milestones.id,
      milestoneTitle: milestones.title,
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(activities, eq(activities.milestoneId, milestones.id))
    .where(
      and(
        eq(commitments.status, 'in_implementation'),
        ne(actionPlans.status, 'draft'),
        inArray(activities.status, ['not_started', 'in_progress']),
      ),
    )
    .limit(1);
  const steps = await db.select().from(activities).where(eq(activities.milestoneId, row!.milestoneId));
  const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
  const post = (session: typeof admin, url: string, fields: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } });
  const get = (session: typeof admin | undefined, url: string) => app.inject({ url, cookies: session?.cookies });
  const publicPage = `/ejercicios/${row!.slug}/plan/compromisos/${row!.commitment.number}`;
  return { app, database, db, admin, post, get, row: row!, steps, publicPage };
}

describe('deleting from an approved commitment is accountable', () => {
  it('asks on a confirmation page what will be lost and a reason; without one the form comes back (400)', async () => {
    const { db, admin, get, post, row, steps } = await setUp();
    expect(steps.length).toBeGreaterThan(0);
    const confirm = await get(admin, `/admin/hitos/${row.milestoneId}/borrar`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Borrar el hito «${row.milestoneTitle}»`);
    expect(confirm.body).toContain('Actividades que se borran');
    expect(confirm.body).toContain('ya está aprobado');
    expect(confirm.body).toMatch(/<form method="post" action="\/admin\/hitos\/[^"]+\/borrar"/);
    expect(confirm.body).toContain('name="reason"');

    const empty = await post(admin, `/admin/hitos/${row.milestoneId}/borrar`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Escribe el motivo.');
    expect(empty.body).toContain(`Borrar el hito «${row.milestoneTitle}»`);
    expect(await db.select().from(milestones).where(eq(milestones.id, row.milestoneId))).toHaveLength(1);
    // Without a form at all (a bare POST), the same.
    expect((await post(admin, `/admin/hitos/${row.milestoneId}/borrar`)).statusCode).toBe(400);
  });

  it('deletes with the reason, and the commitment’s public history shows the entry and the reason', async () => {
    const { db, admin, get, post, row, steps, publicPage } = await setUp();
    const reason = 'Se duplicó con el hito 2, que ya cubre la publicación de los datos.';
    const deleted = await post(admin, `/admin/hitos/${row.milestoneId}/borrar`, { reason });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`/admin/compromisos/${row.commitment.id}?aviso=borrada`);
    expect(await db.select().from(milestones).where(eq(milestones.id, row.milestoneId))).toEqual([]);
    const kept = await db.select().from(removedPlanItems).where(eq(removedPlanItems.commitmentId, row.commitment.id));
    expect(kept.map((item) => item.recordId).sort()).toEqual([row.milestoneId, ...steps.map((s) => s.id)].sort());
    const [entry] = await db
      .select()
      .from(changeLog)
      .where(
        and(
          eq(changeLog.recordType, 'milestone'),
          eq(changeLog.recordId, row.milestoneId),
          eq(changeLog.action, 'delete'),
        ),
      );
    expect(entry!.before).toMatchObject({ title: row.milestoneTitle, deletionReason: reason });

    for (const language of ['es-MX', 'en']) {
      const page = await get(undefined, `${publicPage}?lang=${language}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(reason);
      expect(page.body).toContain(row.milestoneTitle);
      expect(page.body).toContain(language === 'en' ? 'Reason for deleting' : 'Motivo del borrado');
    }
  });

  it('cancels an activity through its confirmation page, with the reason, which the history shows', async () => {
    const { db, admin, get, post, steps, publicPage } = await setUp();
    const step = steps.find((s) => s.status !== 'verified' && s.status !== 'cancelled')!;
    const confirm = await get(admin, `/admin/actividades/${step.id}/cancelar`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Cancelar la actividad «${step.title}»`);
    const empty = await post(admin, `/admin/actividades/${step.id}/cancelar`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Escribe el motivo.');
    const reason = 'La dependencia responsable desapareció en la reforma administrativa.';
    const cancelled = await post(admin, `/admin/actividades/${step.id}/cancelar`, { reason });
    expect(cancelled.statusCode).toBe(303);
    expect((await db.select().from(activities).where(eq(activities.id, step.id)))[0]).toMatchObject({
      status: 'cancelled',
      cancellationReason: reason,
    });
    expect((await get(undefined, publicPage)).body).toContain(reason);
    // Nothing left to cancel: its milestone says so (409), on the confirmation page and on a POST alike.
    expect((await get(admin, `/admin/actividades/${step.id}/cancelar`)).statusCode).toBe(409);
    expect((await post(admin, `/admin/actividades/${step.id}/cancelar`, { reason })).statusCode).toBe(409);

    // Deleting an activity of the approved commitment: the same rule.
    const other = steps.find((s) => s.id !== step.id) ?? step;
    expect((await post(admin, `/admin/actividades/${other.id}/borrar`, { reason: '' })).statusCode).toBe(400);
    const removed = await post(admin, `/admin/actividades/${other.id}/borrar`, {
      reason: 'Registrada por error dos veces.',
    });
    expect(removed.statusCode).toBe(303);
    expect((await get(undefined, publicPage)).body).toContain('Registrada por error dos veces.');
  });

  it('refuses a liaison, of another institution or of its own, by URL and by POST, deleting nothing', async () => {
    const { database, db, get, post, row, steps } = await setUp();
    const [elsewhere] = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(ne(institutions.id, row.commitment.leadInstitutionId))
      .limit(1);
    for (const institutionId of [elsewhere!.id, row.commitment.leadInstitutionId]) {
      const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId }] });
      for (const url of [
        `/admin/hitos/${row.milestoneId}/borrar`,
        `/admin/hitos/${row.milestoneId}/cancelar`,
        `/admin/actividades/${steps[0]!.id}/borrar`,
        `/admin/actividades/${steps[0]!.id}/cancelar`,
      ]) {
        expect((await get(liaison, url)).statusCode, url).toBe(403);
        expect((await post(liaison, url, { reason: 'Quiero borrarlo.' })).statusCode, url).toBe(403);
      }
    }
    expect(await db.select().from(milestones).where(eq(milestones.id, row.milestoneId))).toHaveLength(1);
    const ids = steps.map((s) => s.id);
    expect(await db.select().from(activities).where(inArray(activities.id, ids))).toHaveLength(ids.length);
  });

  it('lets an item of a commitment still in draft be deleted without a reason', async () => {
    const { db, admin, get, post, row } = await setUp();
    const at = { actor: portalActor, now: new Date('2026-11-23T18:00:00Z') };
    const draft = await createCommitment(
      db,
      {
        planId: row.commitment.planId,
        title: 'Compromiso en borrador',
        leadInstitutionId: row.commitment.leadInstitutionId,
      },
      at,
    );
    const milestone = await createMilestone(
      db,
      draft.id,
      { title: 'Hito provisional', deliverable: 'Algo', responsibleInstitutionId: row.commitment.leadInstitutionId },
      at,
    );
    const step = await createActivity(
      db,
      milestone.id,
      { title: 'Actividad provisional', responsibleInstitutionId: row.commitment.leadInstitutionId },
      at,
    );
    const confirm = await get(admin, `/admin/actividades/${step.id}/borrar`);
    expect(confirm.body).toContain('aún no está aprobado');
    expect((await post(admin, `/admin/actividades/${step.id}/borrar`)).statusCode).toBe(303);
    expect((await post(admin, `/admin/hitos/${milestone.id}/borrar`, { reason: '' })).statusCode).toBe(303);
    expect(await db.select().from(milestones).where(eq(milestones.id, milestone.id))).toEqual([]);
    expect(await db.select().from(removedPlanItems).where(eq(removedPlanItems.commitmentId, draft.id))).toEqual([]);
  });
});
