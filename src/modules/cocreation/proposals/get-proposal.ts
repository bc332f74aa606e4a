import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { latestResponse } from '../get-problem.js';
import { listBecameCommitments } from '../origins/list-origins.js';
import { problems, proposals, workshops } from '../schema.js';

/**
 * One proposal of an exercise by its number, with what its page shows: the problem it answers, the table it came
 * from, its current reasoned response and the commitments it became.
 */
export async function getProposal(db: Db, exerciseId: string, number: number) {
  const [row] = await db
    .select({
      proposal: proposals,
      problem: { number: problems.number, title: problems.title, hiddenAt: problems.hiddenAt },
      table: { number: workshops.number, title: workshops.title },
    })
    .from(proposals)
    .innerJoin(problems, eq(problems.id, proposals.problemId))
    .leftJoin(workshops, eq(workshops.id, proposals.workshopId))
    .where(and(eq(proposals.exerciseId, exerciseId), eq(proposals.number, number)));
  if (!row) throw notFound('proposal');
  const [response, commitments] = await Promise.all([
    latestResponse(db, row.proposal.id, 'proposal'),
    listBecameCommitments(db, { type: 'proposal', id: row.proposal.id }),
  ]);
  return {
    proposal: row.proposal,
    problem: { number: row.problem.number, title: row.problem.hiddenAt === null ? row.problem.title : null },
    table: row.table,
    response,
    commitments,
  };
}
export type ProposalDetail = Awaited<ReturnType<typeof getProposal>>;
