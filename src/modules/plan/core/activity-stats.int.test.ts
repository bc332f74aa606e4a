import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { seedSyntheticPlan } from '../../../demo/synthetic-plan.js';
import { portalActor } from '../../../testing/actors.js';
import { createTestApp } from '../../../testing/test-app.js';
import { exercises } from '../../exercises/schema.js';
import { createActivity } from '../admin/create-activity.js';
import { deleteActivity } from '../admin/delete-activity.js';
import { deleteMilestone } from '../admin/delete-milestone.js';
import { actionPlans, activities, commitmentActivityStats, commitments, milestones } from '../schema.js';
import { attachEvidence } from '../work/attach-evidence.js';
import { markActivityDone } from '../work/mark-activity-done.js';
import { startActivity } from '../work/start-activity.js';

/*
 * The plan page counts activities by status, and the late ones, from the commitments' derived figures
 * (commitment_activity_stats) rather than from every activity of the plan. These tests hold the figures to a fresh
 * count after the demo, the synthetic plan and every kind of write to an activity or a milestone.
 */

/** Each commitment's figures counted afresh from its activities, and the stored ones, by commitment. */
async function figures(db: Db) {
  const fresh = (await db.execute(sql`
    select c.id as "commitmentId",
           count(a.id) filter (where a.status = 'not_started')::int as "notStarted",
           count(a.id) filter (where a.status = 'in_progress')::int as "inProgress",
           count(a.id) filter (where a.status = 'done')::int as "done",
           count(a.id) filter (where a.status = 'verified')::int as "verified",
           count(a.id) filter (where a.status = 'cancelled')::int as "cancelled",
           coalesce(array_agg(a.planned_end::text order by a.planned_end)
             filter (where a.status in ('not_started', 'in_progress') and a.planned_end is not null), '{}') as "openDueDates"
      from commitments c left join milestones m on m.commitment_id = c.id left join activities a on a.milestone_id = m.id
     group by c.id order by c.id`)) as unknown as { rows: Record<string, unknown>[] };
  const stored = await db.select().from(commitmentActivityStats).orderBy(commitmentActivityStats.commitmentId);
  return {
    fresh: fresh.rows.map((r) => ({ ...r, openDueDates: [...(r.openDueDates as string[])] })),
    stored: stored.map((r) => ({ ...r, openDueDates: r.openDueDates.map(String) })),
  };
}

async function expectFresh(db: Db) {
  const { fresh, stored } = await figures(db);
  expect(stored).toEqual(fresh);
}

describe("the commitments' activity figures", () => {
  it('agree with a fresh count after the demo and the synthetic plan, and give the plan page its counts', async () => {
    const { app, database } = await createTestApp();
    await seedSyntheticPlan(database.db, {
      slug: 'plan-sintetico',
      size: { commitments: 12, milestonesPerCommitment: 3, activitiesPerMilestone: 4 },
      today: '2026-11-23',
    });
    await expectFresh(database.db);

    // The page's figures are those of the activities themselves (TEST_NOW is 23 November 2026).
    const [plan] = await database.db
      .select({ id: actionPlans.id })
      .from(actionPlans)
      .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
      .where(eq(exercises.slug, 'plan-sintetico'));
    const counted = (await database.db.execute(sql`
      select count(*) filter (where a.status = 'in_progress')::int as "inProgress",
             count(*) filter (where a.status in ('not_started', 'in_progress') and a.planned_end < '2026-11-23')::int as "late"
        from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id
       where c.plan_id = ${plan!.id}`)) as unknown as { rows: { inProgress: number; late: number }[] };
    const { inProgress, late } = counted.rows[0]!;
    expect(late).toBeGreaterThan(0);
    const page = (await app.inject({ url: '/ejercicios/plan-sintetico/plan' })).body;
    expect(page).toContain(`En curso: ${inProgress}`);
    expect(page).toMatch(new RegExp(`Actividades con retraso:\\s*${late}<`));
  });

  it('stay fresh when activities are added, started, finished and deleted, and when a milestone goes', async () => {
    const { database } = await createTestApp();
    const { db } = database;
    const options = { actor: portalActor, now: new Date('2026-11-23T18:00:00Z') };
    const [row] = await db
      .select({ milestone: milestones, commitment: commitments })
      .from(milestones)
      .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
      .innerJoin(activities, eq(activities.milestoneId, milestones.id))
      .where(and(eq(commitments.status, 'in_implementation'), inArray(activities.status, ['not_started'])))
      .limit(1);
    const stored = async () =>
      (
        await db
          .select()
          .from(commitmentActivityStats)
          .where(eq(commitmentActivityStats.commitmentId, row!.commitment.id))
      )[0]!;
    const before = await stored();

    const added = await createActivity(
      db,
      row!.milestone.id,
      {
        title: 'Publicar el tablero de seguimiento',
        responsibleInstitutionId: row!.milestone.responsibleInstitutionId,
        plannedStart: '2026-10-01',
        plannedEnd: '2026-10-15',
      },
      options,
    );
    await expectFresh(db);
    expect((await stored()).notStarted).toBe(before.notStarted + 1);
    expect((await stored()).openDueDates.map(String)).toContain('2026-10-15');

    await startActivity(db, added.id, options);
    await expectFresh(db);
    await attachEvidence(
      db,
      added.id,
      { description: 'El tablero publicado', url: 'https://example.org/tablero' },
      options,
    );
    await markActivityDone(db, added.id, { closingNote: 'Quedó publicado el tablero en el portal.' }, options);
    await expectFresh(db);
    expect((await stored()).openDueDates.map(String)).not.toContain('2026-10-15');

    const [open] = await db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.milestoneId, row!.milestone.id), ne(activities.id, added.id)))
      .limit(1);
    await deleteActivity(db, open!.id, { reason: 'Se duplicó con otra actividad del mismo hito.' }, options);
    await expectFresh(db);
    await deleteMilestone(
      db,
      row!.milestone.id,
      { reason: 'Se fusionó con el hito siguiente del compromiso.' },
      options,
    );
    await expectFresh(db);
  });
});
