import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { storedFiles } from '../files/read-models.js';
import { actionPlans, activities, commitmentIsPublic, commitments, evidence, milestones } from '../plan/read-models.js';
import { afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Activity } from './schemas.js';

/*
 * Activities of public commitments with their evidence: a link, or an uploaded file's type, size, SHA-256 and download
 * address. Left out, as in the open data: the responsible person, the notes' authors, who uploaded or reviewed the
 * evidence, and the uploaded file's original name.
 */

type Links = { fileUrl: (fileId: string) => string };

const selectActivities = (db: Db) =>
  db
    .select({
      activity: activities,
      commitmentId: commitments.id,
      exerciseSlug: exercises.slug,
      institution: { id: institutions.id, name: institutions.name, acronym: institutions.acronym },
      key: createdAtKey(activities.createdAt),
    })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, activities.responsibleInstitutionId));

type Row = Awaited<ReturnType<typeof selectActivities>>[number];

const isPublic = commitmentIsPublic(commitments.status, actionPlans.status);

async function withEvidence(db: Db, rows: Row[], links: Links): Promise<Activity[]> {
  const ids = rows.map((row) => row.activity.id);
  const evidenceRows =
    ids.length === 0
      ? []
      : await db
          .select({ evidence, mimeType: storedFiles.mimeType, size: storedFiles.size, sha256: storedFiles.sha256 })
          .from(evidence)
          .leftJoin(storedFiles, eq(storedFiles.id, evidence.fileId))
          .where(inArray(evidence.activityId, ids))
          .orderBy(asc(evidence.createdAt), asc(evidence.id));
  return rows.map(({ activity: a, commitmentId, exerciseSlug, institution }) => ({
    id: a.id,
    milestoneId: a.milestoneId,
    commitmentId,
    exerciseSlug,
    position: a.position,
    title: a.title,
    description: a.description,
    responsibleInstitution: institution,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    actualStart: a.actualStart,
    actualEnd: a.actualEnd,
    status: a.status,
    closingNote: a.closingNote,
    cancellationReason: a.cancellationReason,
    verifiedAt: a.verifiedAt?.toISOString() ?? null,
    evidence: evidenceRows
      .filter((row) => row.evidence.activityId === a.id)
      .map(({ evidence: e, mimeType, size, sha256 }) => ({
        id: e.id,
        kind: e.fileId ? ('file' as const) : ('link' as const),
        url: e.fileId ? links.fileUrl(e.fileId) : (e.url ?? ''),
        mimeType: e.fileId ? mimeType : null,
        size: e.fileId ? Number(size) : null,
        sha256: e.fileId ? sha256 : null,
        description: e.description,
        status: e.status,
        rejectionReason: e.rejectionReason,
        reviewedAt: e.reviewedAt?.toISOString() ?? null,
        createdAt: e.createdAt.toISOString(),
      })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

export async function listApiActivities(
  db: Db,
  page: PageRequest & { commitmentId?: string | undefined },
  links: Links,
): Promise<Page<Activity>> {
  const rows = await selectActivities(db)
    .where(
      and(
        isPublic,
        page.commitmentId ? eq(commitments.id, page.commitmentId) : undefined,
        afterTimeId(activities.createdAt, activities.id, page.cursor),
      ),
    )
    .orderBy(asc(activities.createdAt), asc(activities.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.activity.id]);
  return { data: await withEvidence(db, pageRows, links), next };
}

export async function getApiActivity(db: Db, id: string, links: Links): Promise<Activity | undefined> {
  const rows = await selectActivities(db).where(and(isPublic, eq(activities.id, id)));
  return (await withEvidence(db, rows, links))[0];
}
