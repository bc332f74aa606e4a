import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans, activities, commitments, milestones } from '../schema.js';
import { commitmentStatusIsPublic, planIsPublic } from '../core/visibility.js';

export const PLAN_RECORD_TYPES = [
  'action_plan',
  'commitment',
  'milestone',
  'activity',
  'activity_note',
  'evidence',
] as const;
export type PlanRecordType = (typeof PLAN_RECORD_TYPES)[number];

export const FEED_LIMIT = 50;

export interface PlanUpdate {
  seq: number;
  hash: string;
  occurredAt: string;
  actorLabel: string;
  recordType: PlanRecordType;
  recordId: string;
  action: 'create' | 'update' | 'delete';
  /** The record's title as logged (after the change, or before a deletion), when it has one. */
  recordTitle: string | null;
  /** The commitment the record belongs to, when it can still be found. */
  commitmentNumber: number | null;
}

interface UpdateRow extends Omit<PlanUpdate, 'commitmentNumber'> {
  commitmentRef: string | null;
  milestoneRef: string | null;
  activityRef: string | null;
}

/**
 * The latest entries of the public change log about one exercise's plan: the plan itself, its commitments,
 * milestones, activities, their progress notes and evidence, newest first. Records deleted since are still found
 * through the ids their logged rows name (commitmentId, milestoneId, activityId). Five statements whatever the size
 * of the plan or of the log. Only what is public now (visibility.ts): a draft plan has no feed, and the entries of a
 * draft commitment or of one in co-creation (and of its milestones, activities, notes and evidence) are left out until
 * it is proposed; then its whole history appears, as on its page.
 */
export async function listPlanUpdates(db: Db, slug: string, limit = FEED_LIMIT) {
  const [found] = await db
    .select({ exercise: exercises, plan: actionPlans })
    .from(exercises)
    .innerJoin(actionPlans, eq(actionPlans.exerciseId, exercises.id))
    .where(and(eq(exercises.slug, slug), planIsPublic(actionPlans.status)))
    .limit(1);
  if (!found) throw notFound('plan');
  const planId = found.plan.id;
  const logged = (type: PlanRecordType, key: string, within: string) =>
    sql.raw(
      `select record_id as id from change_log where record_type = '${type}' and coalesce(after, before)->>'${key}' in (select id from ${within})`,
    );
  const isPublic = commitmentStatusIsPublic(sql`c.status`);
  const result = await db.execute(sql`
    with c_ids as (
      select c.id::text as id from commitments c where c.plan_id = ${planId} and ${isPublic}
    ), m_ids as (
      select m.id::text as id from milestones m join commitments c on c.id = m.commitment_id where c.plan_id = ${planId} and ${isPublic}
      union ${logged('milestone', 'commitmentId', 'c_ids')}
    ), a_ids as (
      select a.id::text as id from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id where c.plan_id = ${planId} and ${isPublic}
      union ${logged('activity', 'milestoneId', 'm_ids')}
    ), e_ids as (
      select ev.id::text as id from evidence ev where ev.activity_id::text in (select id from a_ids)
      union ${logged('evidence', 'activityId', 'a_ids')}
    ), n_ids as (${logged('activity_note', 'activityId', 'a_ids')})
    select seq, hash, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt", actor_label as "actorLabel",
      record_type as "recordType", record_id as "recordId", action,
      coalesce(after->>'title', before->>'title') as "recordTitle",
      coalesce(after->>'commitmentId', before->>'commitmentId') as "commitmentRef",
      coalesce(after->>'milestoneId', before->>'milestoneId') as "milestoneRef",
      coalesce(after->>'activityId', before->>'activityId') as "activityRef"
    from change_log
    where (record_type = 'action_plan' and record_id = ${planId}::text)
       or (record_type = 'commitment' and record_id in (select id from c_ids))
       or (record_type = 'milestone' and record_id in (select id from m_ids))
       or (record_type = 'activity' and record_id in (select id from a_ids))
       or (record_type = 'evidence' and record_id in (select id from e_ids))
       or (record_type = 'activity_note' and record_id in (select id from n_ids))
    order by seq desc
    limit ${limit}`);
  const rows = (result as unknown as { rows: UpdateRow[] }).rows.map((row) => ({ ...row, seq: Number(row.seq) }));

  // Which commitment each entry belongs to, for its link: activity -> milestone -> commitment.
  const isUuid = (id: string | null): id is string => Boolean(id && /^[0-9a-f-]{36}$/i.test(id));
  const activityIds = [
    ...new Set(rows.map((r) => (r.recordType === 'activity' ? r.recordId : r.activityRef)).filter(isUuid)),
  ];
  const activityRows = activityIds.length
    ? await db
        .select({ id: activities.id, milestoneId: activities.milestoneId })
        .from(activities)
        .where(inArray(activities.id, activityIds))
    : [];
  const milestoneOfActivity = new Map(activityRows.map((a) => [a.id, a.milestoneId]));
  const milestoneFor = (r: UpdateRow) =>
    r.recordType === 'milestone'
      ? r.recordId
      : (r.milestoneRef ??
        milestoneOfActivity.get(r.recordType === 'activity' ? r.recordId : (r.activityRef ?? '')) ??
        null);
  const milestoneIds = [...new Set(rows.map(milestoneFor).filter(isUuid))];
  const milestoneRows = milestoneIds.length
    ? await db
        .select({ id: milestones.id, commitmentId: milestones.commitmentId })
        .from(milestones)
        .where(inArray(milestones.id, milestoneIds))
    : [];
  const commitmentOfMilestone = new Map(milestoneRows.map((m) => [m.id, m.commitmentId]));
  const commitmentFor = (r: UpdateRow) =>
    r.recordType === 'commitment'
      ? r.recordId
      : (r.commitmentRef ?? commitmentOfMilestone.get(milestoneFor(r) ?? '') ?? null);
  const commitmentIds = [...new Set(rows.map(commitmentFor).filter(isUuid))];
  const commitmentRows = commitmentIds.length
    ? await db
        .select({ id: commitments.id, number: commitments.number })
        .from(commitments)
        .where(inArray(commitments.id, commitmentIds))
    : [];
  const numberOf = new Map(commitmentRows.map((c) => [c.id, c.number]));

  const updates: PlanUpdate[] = rows.map(({ commitmentRef: _c, milestoneRef: _m, activityRef: _a, ...row }) => ({
    ...row,
    commitmentNumber:
      numberOf.get(commitmentFor({ ...row, commitmentRef: _c, milestoneRef: _m, activityRef: _a }) ?? '') ?? null,
  }));
  return { exercise: found.exercise, plan: found.plan, updates };
}
