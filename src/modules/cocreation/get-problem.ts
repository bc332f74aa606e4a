import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions, municipalities } from '../directory/schema.js';
import { problemMunicipalities, problems, problemSupports, reasonedResponses, type ResponseSubject } from './schema.js';
import { listBecameCommitments } from './origins/list-origins.js';
import { listProblemProposals } from './proposals/list-proposals.js';
import { supportCount } from './support-problem.js';

/** The current reasoned response of a problem or a proposal (its latest not withdrawn), with the deciding institution. */
export async function latestResponse(db: Db, problemId: string, subjectType: ResponseSubject = 'problem') {
  const [row] = await db
    .select({ response: reasonedResponses, institution: institutions.name })
    .from(reasonedResponses)
    .leftJoin(institutions, eq(institutions.id, reasonedResponses.deciderInstitutionId))
    .where(
      and(
        eq(reasonedResponses.subjectType, subjectType),
        eq(reasonedResponses.subjectId, problemId),
        isNull(reasonedResponses.withdrawnAt),
      ),
    )
    .orderBy(desc(reasonedResponses.decidedAt), desc(reasonedResponses.createdAt))
    .limit(1);
  return row ? { ...row.response, institution: row.institution } : undefined;
}

/**
 * One problem of an exercise by its number, with what its public page shows: its municipalities, its supports,
 * whether the viewer supports it, its current reasoned response, the problem it was merged into and those merged into
 * it, the proposals that answer it and the commitments it became.
 */
export async function getProblem(db: Db, exerciseId: string, number: number, viewerId?: string) {
  const [problem] = await db
    .select()
    .from(problems)
    .where(and(eq(problems.exerciseId, exerciseId), eq(problems.number, number)));
  if (!problem) throw notFound('problem');
  const places = await db
    .select({ cvegeo: municipalities.cvegeo, name: municipalities.name })
    .from(problemMunicipalities)
    .innerJoin(municipalities, eq(municipalities.cvegeo, problemMunicipalities.cvegeo))
    .where(eq(problemMunicipalities.problemId, problem.id))
    .orderBy(asc(municipalities.name));
  const supports = await supportCount(db, problem.id);
  const viewerSupports = viewerId
    ? (
        await db
          .select({ id: problemSupports.id })
          .from(problemSupports)
          .where(and(eq(problemSupports.problemId, problem.id), eq(problemSupports.userId, viewerId)))
      ).length > 0
    : false;
  const response = await latestResponse(db, problem.id);
  const [mergedInto] = problem.mergedIntoId
    ? await db
        .select({ number: problems.number, title: problems.title })
        .from(problems)
        .where(eq(problems.id, problem.mergedIntoId))
    : [];
  const [proposals, commitments, mergedFrom] = await Promise.all([
    listProblemProposals(db, problem.id),
    listBecameCommitments(db, { type: 'problem', id: problem.id }),
    db
      .select({ number: problems.number, title: problems.title })
      .from(problems)
      .where(and(eq(problems.mergedIntoId, problem.id), isNull(problems.hiddenAt)))
      .orderBy(asc(problems.number)),
  ]);
  return {
    problem,
    municipalities: places,
    supports,
    viewerSupports,
    response,
    mergedInto,
    mergedFrom,
    proposals,
    commitments,
  };
}
export type ProblemDetail = Awaited<ReturnType<typeof getProblem>>;
