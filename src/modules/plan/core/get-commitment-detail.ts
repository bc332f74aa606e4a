import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { historyEntry, LATEST_CHANGES, type HistoryEntry } from '../../audit/list-record-history.js';
import type { HistoryNames } from '../../audit/present-history.js';
import { changeLog } from '../../audit/read-models.js';
import { institutions, municipalities } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { agreements } from '../../secretariat/read-models.js';
import { storedFiles } from '../../files/read-models.js';
import { isActivityDelayed, isDelayed, normalisedWeights, periodEnded } from './progress.js';
import {
  actionPlans,
  activities,
  activityNotes,
  commitmentMunicipalities,
  commitmentPartners,
  commitments,
  evidence,
  milestones,
  progressSnapshots,
  removedPlanItems,
} from '../schema.js';
import { commitmentIsPublic } from './visibility.js';

/** A municipality a commitment covers. */
interface Place {
  cvegeo: string;
  name: string;
}

/**
 * The change-log entries of a commitment, its milestones and its activities, newest first (one more than the page
 * shows, from the one before `olderThan` on a page of its full history), with those of the milestones and activities
 * deleted from it once approved: their entries, with the reason, stay in its history (admin/removal.ts).
 */
async function commitmentHistory(
  db: Db,
  id: string,
  milestoneIds: string[],
  activityIds: string[],
  page: { limit: number; olderThan?: number | undefined },
) {
  // One query, whatever the number of deleted items: their entries and titles come with a join (the page's statement
  // budget, plan/data/queries.int.test.ts).
  const isRemovedItem = and(
    eq(removedPlanItems.commitmentId, id),
    eq(removedPlanItems.recordType, changeLog.recordType),
    eq(sql`${removedPlanItems.recordId}::text`, changeLog.recordId),
  );
  const records = [
    and(eq(changeLog.recordType, 'commitment'), eq(changeLog.recordId, id)),
    ...(milestoneIds.length
      ? [and(eq(changeLog.recordType, 'milestone'), inArray(changeLog.recordId, milestoneIds))]
      : []),
    ...(activityIds.length
      ? [and(eq(changeLog.recordType, 'activity'), inArray(changeLog.recordId, activityIds))]
      : []),
    // Through the log's (record_type, record_id) index, not a scan of the whole log.
    sql`(${changeLog.recordType}, ${changeLog.recordId}) in (select record_type, record_id::text from removed_plan_items where commitment_id = ${id})`,
  ];
  const rows = await db
    .select({ entry: changeLog, removedTitle: removedPlanItems.title })
    .from(changeLog)
    .leftJoin(removedPlanItems, isRemovedItem)
    .where(and(or(...records), page.olderThan === undefined ? undefined : lt(changeLog.seq, page.olderThan)))
    .orderBy(desc(changeLog.seq))
    .limit(page.limit + 1);
  const logRows = rows.map((row) => row.entry);
  const removed = rows.flatMap((row) =>
    row.removedTitle === null ? [] : [{ recordId: row.entry.recordId, title: row.removedTitle }],
  );
  return { logRows, removed };
}

/**
 * A commitment's public page: every template field, milestones, activities with evidence and notes, progress over time,
 * history. Not found unless the commitment is public (visibility.ts): a draft or one in co-creation, or any of a draft
 * plan.
 */
export async function getCommitmentDetail(db: Db, slug: string, number: number, today: string) {
  if (!Number.isInteger(number) || number < 1 || number > 100000) throw notFound('commitment');
  const [found] = await db
    .select({
      exercise: exercises,
      plan: actionPlans,
      commitment: commitments,
      lead: institutions,
      approvalAgreementCode: agreements.code,
      // In the same statement (the page's budget, plan/data/queries.int.test.ts): the municipalities by name.
      places: sql<Place[] | string>`(select coalesce(json_agg(json_build_object('cvegeo', m.cvegeo, 'name', m.name)
        order by m.name), '[]'::json) from ${commitmentMunicipalities} cm join ${municipalities} m on m.cvegeo = cm.cvegeo
        where cm.commitment_id = ${commitments.id})`,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .leftJoin(agreements, eq(agreements.id, commitments.approvalAgreementId))
    .where(
      and(
        eq(exercises.slug, slug),
        eq(commitments.number, number),
        commitmentIsPublic(commitments.status, actionPlans.status),
      ),
    )
    .limit(1);
  if (!found) throw notFound('commitment');
  const { places: placesJson, ...head } = found;
  const places = (typeof placesJson === 'string' ? JSON.parse(placesJson) : placesJson) as Place[];
  const id = head.commitment.id;
  const partners = await db
    .select({
      id: commitmentPartners.id,
      role: commitmentPartners.role,
      name: commitmentPartners.name,
      institutionId: commitmentPartners.institutionId,
      institutionName: institutions.name,
    })
    .from(commitmentPartners)
    .leftJoin(institutions, eq(institutions.id, commitmentPartners.institutionId))
    .where(eq(commitmentPartners.commitmentId, id))
    .orderBy(asc(commitmentPartners.position));
  const stones = await db
    .select({ milestone: milestones, responsibleName: institutions.name })
    .from(milestones)
    .innerJoin(institutions, eq(institutions.id, milestones.responsibleInstitutionId))
    .where(eq(milestones.commitmentId, id))
    .orderBy(asc(milestones.position));
  const responsible = alias(institutions, 'responsible');
  const steps = await db
    .select({ activity: activities, responsibleName: responsible.name })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(responsible, eq(responsible.id, activities.responsibleInstitutionId))
    .where(eq(milestones.commitmentId, id))
    .orderBy(asc(activities.position));
  const activityIds = steps.map((s) => s.activity.id);
  const proofs = activityIds.length
    ? await db
        .select({
          evidence,
          file: {
            id: storedFiles.id,
            originalName: storedFiles.originalName,
            mimeType: storedFiles.mimeType,
            size: storedFiles.size,
          },
        })
        .from(evidence)
        .leftJoin(storedFiles, eq(storedFiles.id, evidence.fileId))
        .where(inArray(evidence.activityId, activityIds))
        .orderBy(asc(evidence.createdAt))
    : [];
  const notes = activityIds.length
    ? await db
        .select()
        .from(activityNotes)
        .where(inArray(activityNotes.activityId, activityIds))
        .orderBy(asc(activityNotes.createdAt))
    : [];
  const series = await db
    .select({ progress: progressSnapshots.progress, recordedAt: progressSnapshots.recordedAt })
    .from(progressSnapshots)
    .where(and(eq(progressSnapshots.scope, 'commitment'), eq(progressSnapshots.scopeId, id)))
    .orderBy(asc(progressSnapshots.recordedAt), asc(progressSnapshots.id));
  const { logRows, removed } = await commitmentHistory(
    db,
    id,
    stones.map((s) => s.milestone.id),
    activityIds,
    { limit: LATEST_CHANGES },
  );

  const shares = normalisedWeights(
    stones.map((s) => ({ weight: s.milestone.weight, isCancelled: s.milestone.cancelledAt !== null })),
  );
  const titles = new Map([
    ...removed.map((item) => [item.recordId, item.title] as const),
    ...stones.map((s) => [s.milestone.id, s.milestone.title] as const),
    ...steps.map((s) => [s.activity.id, s.activity.title] as const),
  ]);
  return {
    ...head,
    isDelayed: isDelayed(head.commitment.openDueOn, today),
    /** The plan's period ended while it still says it is being carried out (progress.ts). */
    periodEnded: periodEnded(head.plan, today),
    partners,
    municipalities: places,
    milestones: stones.map((s, i) => ({
      ...s.milestone,
      responsibleName: s.responsibleName,
      share: shares[i] ?? 0,
      isDelayed: isDelayed(s.milestone.openDueOn, today),
      activities: steps
        .filter((a) => a.activity.milestoneId === s.milestone.id)
        .map((a) => ({
          ...a.activity,
          responsibleName: a.responsibleName,
          isDelayed: isActivityDelayed(a.activity, today),
          evidence: proofs
            .filter((p) => p.evidence.activityId === a.activity.id)
            .map((p) => ({ ...p.evidence, file: p.file })),
          notes: notes.filter((n) => n.activityId === a.activity.id),
        })),
    })),
    series,
    history: logRows.slice(0, LATEST_CHANGES).map((row) => historyEntry(row, titles.get(row.recordId))),
    hasMoreHistory: logRows.length > LATEST_CHANGES,
    /** What the history's entries refer to that this page already has, so naming them takes no query. */
    knownNames: knownNames(head, stones, steps, places, partners),
  };
}

/** The names the commitment page loaded, keyed as the history looks them up (`recordType:id`, `lookup:…`). */
function knownNames(
  head: {
    exercise: { id: string; title: string };
    plan: { id: string; title: string };
    commitment: { id: string; title: string; approvalAgreementId: string | null };
    lead: { id: string; name: string };
    approvalAgreementCode: string | null;
  },
  stones: { milestone: { id: string; title: string; responsibleInstitutionId: string }; responsibleName: string }[],
  steps: { activity: { id: string; title: string; responsibleInstitutionId: string }; responsibleName: string }[],
  places: { cvegeo: string; name: string }[],
  partners: { institutionId?: string | null; institutionName: string | null }[],
): HistoryNames {
  const names = new Map<string, string>([
    [`exercise:${head.exercise.id}`, head.exercise.title],
    [`action_plan:${head.plan.id}`, head.plan.title],
    [`commitment:${head.commitment.id}`, head.commitment.title],
    [`institution:${head.lead.id}`, head.lead.name],
  ]);
  if (head.commitment.approvalAgreementId && head.approvalAgreementCode)
    names.set(`agreement:${head.commitment.approvalAgreementId}`, head.approvalAgreementCode);
  for (const s of stones) {
    names.set(`milestone:${s.milestone.id}`, s.milestone.title);
    names.set(`institution:${s.milestone.responsibleInstitutionId}`, s.responsibleName);
  }
  for (const a of steps) {
    names.set(`activity:${a.activity.id}`, a.activity.title);
    names.set(`institution:${a.activity.responsibleInstitutionId}`, a.responsibleName);
  }
  for (const p of places) names.set(`lookup:municipality:${p.cvegeo}`, p.name);
  for (const p of partners)
    if (p.institutionId && p.institutionName) names.set(`institution:${p.institutionId}`, p.institutionName);
  return names;
}

/**
 * A page of a commitment's full history (its milestones' and activities' entries too, and those of the ones deleted
 * from it), before the entry `olderThan`.
 */
export async function listCommitmentHistory(
  db: Db,
  detail: {
    commitment: { id: string };
    milestones: { id: string; title: string; activities: { id: string; title: string }[] }[];
  },
  page: { limit: number; olderThan?: number | undefined },
): Promise<{ entries: HistoryEntry[]; hasMore: boolean }> {
  const activities = detail.milestones.flatMap((m) => m.activities);
  const { logRows, removed } = await commitmentHistory(
    db,
    detail.commitment.id,
    detail.milestones.map((m) => m.id),
    activities.map((a) => a.id),
    page,
  );
  const titles = new Map([
    ...removed.map((item) => [item.recordId, item.title] as const),
    ...detail.milestones.map((m) => [m.id, m.title] as const),
    ...activities.map((a) => [a.id, a.title] as const),
  ]);
  return {
    entries: logRows.slice(0, page.limit).map((row) => historyEntry(row, titles.get(row.recordId))),
    hasMore: logRows.length > page.limit,
  };
}
export type CommitmentDetail = Awaited<ReturnType<typeof getCommitmentDetail>>;
