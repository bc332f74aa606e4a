import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';

/**
 * Recomputes the derived activity figures (commitment_activity_stats: counts by status, planned ends of the unfinished
 * activities) of one commitment, or of every commitment of a plan, from its activities, in one statement. Called by
 * recomputeCommitment on every write to a milestone or an activity, and by the demo and the synthetic plan after their
 * bulk inserts; the migration that made the table ran the same statement over every commitment.
 */
export async function refreshActivityStats(tx: Db, scope: { commitmentId: string } | { planId: string }) {
  const where: SQL = 'commitmentId' in scope ? sql`c.id = ${scope.commitmentId}` : sql`c.plan_id = ${scope.planId}`;
  await tx.execute(sql`
    insert into commitment_activity_stats (commitment_id, not_started, in_progress, done, verified, cancelled, open_due_dates)
    select c.id,
           count(a.id) filter (where a.status = 'not_started')::int,
           count(a.id) filter (where a.status = 'in_progress')::int,
           count(a.id) filter (where a.status = 'done')::int,
           count(a.id) filter (where a.status = 'verified')::int,
           count(a.id) filter (where a.status = 'cancelled')::int,
           coalesce(array_agg(a.planned_end order by a.planned_end)
                      filter (where a.status in ('not_started', 'in_progress') and a.planned_end is not null),
                    '{}'::date[])
      from commitments c
      left join milestones m on m.commitment_id = c.id
      left join activities a on a.milestone_id = m.id
     where ${where}
     group by c.id
    on conflict (commitment_id) do update
       set not_started = excluded.not_started, in_progress = excluded.in_progress, done = excluded.done,
           verified = excluded.verified, cancelled = excluded.cancelled, open_due_dates = excluded.open_due_dates`);
}
