import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import {
  actionPlans,
  commitmentIsPublic,
  commitmentMunicipalities,
  commitmentPartners,
  commitments,
  milestones,
} from '../plan/read-models.js';
import { afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Commitment, Milestone } from './schemas.js';

/*
 * Public commitments (decision 11) with every field of the OGP template the plan stores, their milestones (dates,
 * weights, derived progress), municipalities and partners. Read a page at a time: one query for the commitments and
 * one for each kind of child row, whatever the page size.
 *
 * Left out, as in the open data: the contact people (names, e-mails, phones) and partners that are only a name.
 */

const selectCommitments = (db: Db) =>
  db
    .select({
      commitment: commitments,
      exerciseSlug: exercises.slug,
      lead: { id: institutions.id, name: institutions.name, acronym: institutions.acronym },
      key: createdAtKey(commitments.createdAt),
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId));

type Row = Awaited<ReturnType<typeof selectCommitments>>[number];

const isPublic = commitmentIsPublic(commitments.status, actionPlans.status);

async function complete(db: Db, rows: Row[], today: string): Promise<Commitment[]> {
  const ids = rows.map((row) => row.commitment.id);
  if (ids.length === 0) return [];
  const [milestoneRows, partnerRows, placeRows] = await Promise.all([
    db
      .select({
        milestone: milestones,
        institution: { id: institutions.id, name: institutions.name, acronym: institutions.acronym },
      })
      .from(milestones)
      .innerJoin(institutions, eq(institutions.id, milestones.responsibleInstitutionId))
      .where(inArray(milestones.commitmentId, ids))
      .orderBy(asc(milestones.position), asc(milestones.id)),
    db
      .select({
        commitmentId: commitmentPartners.commitmentId,
        role: commitmentPartners.role,
        institution: { id: institutions.id, name: institutions.name, acronym: institutions.acronym },
      })
      .from(commitmentPartners)
      .innerJoin(institutions, eq(institutions.id, commitmentPartners.institutionId))
      .where(and(inArray(commitmentPartners.commitmentId, ids), isNotNull(commitmentPartners.institutionId)))
      .orderBy(asc(commitmentPartners.position), asc(institutions.name)),
    db
      .select()
      .from(commitmentMunicipalities)
      .where(inArray(commitmentMunicipalities.commitmentId, ids))
      .orderBy(asc(commitmentMunicipalities.cvegeo)),
  ]);
  return rows.map(({ commitment: c, exerciseSlug, lead }) => {
    const partners = partnerRows.filter((p) => p.commitmentId === c.id);
    return {
      id: c.id,
      planId: c.planId,
      exerciseSlug,
      number: c.number,
      title: c.title,
      theme: c.theme,
      publicProblem: c.publicProblem,
      baseline: c.baseline,
      causes: c.causes,
      description: c.description,
      objective: c.objective,
      howItSolves: c.howItSolves,
      ogpValues: c.ogpValues,
      indicator: c.indicator,
      goal: c.goal,
      assumptions: c.assumptions,
      alignmentStatePlan: c.alignmentStatePlan,
      alignmentSdgs: c.alignmentSdgs,
      alignmentGender: c.alignmentGender,
      smart: c.smart,
      leadInstitution: lead,
      coResponsible: partners.filter((p) => p.role === 'co_responsible').map((p) => p.institution),
      otherActors: partners.filter((p) => p.role === 'other_actor').map((p) => p.institution),
      municipalities: placeRows.filter((p) => p.commitmentId === c.id).map((p) => p.cvegeo),
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      status: c.status,
      statusNote: c.statusNote,
      approvalAgreementId: c.approvalAgreementId,
      modificationAgreementId: c.modificationAgreementId,
      originProblemId: c.originProblemId,
      originProposalId: c.originProposalId,
      progress: c.progress,
      openDueOn: c.openDueOn,
      isDelayed: c.openDueOn !== null && c.openDueOn < today,
      milestones: milestoneRows
        .filter((m) => m.milestone.commitmentId === c.id)
        .map(({ milestone: m, institution }): Milestone => ({
          id: m.id,
          position: m.position,
          title: m.title,
          deliverable: m.deliverable,
          responsibleInstitution: institution,
          plannedStart: m.plannedStart,
          plannedEnd: m.plannedEnd,
          actualStart: m.actualStart,
          actualEnd: m.actualEnd,
          weight: m.weight,
          isCancelled: m.cancelledAt !== null,
          cancellationReason: m.cancellationReason,
          progress: m.progress,
        })),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  });
}

export async function listApiCommitments(
  db: Db,
  page: PageRequest & { planId?: string | undefined },
  today: string,
): Promise<Page<Commitment>> {
  const rows = await selectCommitments(db)
    .where(
      and(
        isPublic,
        page.planId ? eq(commitments.planId, page.planId) : undefined,
        afterTimeId(commitments.createdAt, commitments.id, page.cursor),
      ),
    )
    .orderBy(asc(commitments.createdAt), asc(commitments.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.commitment.id]);
  return { data: await complete(db, pageRows, today), next };
}

export async function getApiCommitment(db: Db, id: string, today: string): Promise<Commitment | undefined> {
  const rows = await selectCommitments(db).where(and(isPublic, eq(commitments.id, id)));
  return (await complete(db, rows, today))[0];
}
