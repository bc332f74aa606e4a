import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { problems, proposals, workshops, type ProposalStatus } from '../schema.js';
import { problemsOpenToProposals } from './submit-proposal.js';

export const PROPOSALS_PAGE_SIZE = 50;

export interface ProposalFilters {
  status?: ProposalStatus | undefined;
  /** Only the proposals answering this problem (by its number). */
  problemNumber?: number | undefined;
  page: number;
}

/**
 * The visible proposals of an exercise (a hidden one keeps its page but leaves the list), newest first, with the
 * problem each answers, a page at a time.
 */
export async function listProposals(db: Db, exerciseId: string, filters: ProposalFilters) {
  const conditions = [eq(proposals.exerciseId, exerciseId), isNull(proposals.hiddenAt)];
  if (filters.status) conditions.push(eq(proposals.status, filters.status));
  if (filters.problemNumber) conditions.push(eq(problems.number, filters.problemNumber));
  const where = and(...conditions);
  const [{ total }] = (await db
    .select({ total: count() })
    .from(proposals)
    .innerJoin(problems, eq(problems.id, proposals.problemId))
    .where(where)) as [{ total: number }];
  const rows = await db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      status: proposals.status,
      channel: proposals.channel,
      createdAt: proposals.createdAt,
      problemNumber: problems.number,
      problemTitle: problems.title,
      table: { number: workshops.number, title: workshops.title },
    })
    .from(proposals)
    .innerJoin(problems, eq(problems.id, proposals.problemId))
    .leftJoin(workshops, eq(workshops.id, proposals.workshopId))
    .where(where)
    .orderBy(desc(proposals.createdAt), asc(proposals.number))
    .limit(PROPOSALS_PAGE_SIZE)
    .offset((filters.page - 1) * PROPOSALS_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(Number(total) / PROPOSALS_PAGE_SIZE));
  return { rows, total: Number(total), pages };
}
export type ProposalListItem = Awaited<ReturnType<typeof listProposals>>['rows'][number];

/** The visible proposals answering one problem, in number order (its page lists them). */
export async function listProblemProposals(db: Db, problemId: string) {
  return db
    .select({ number: proposals.number, title: proposals.title, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.problemId, problemId), isNull(proposals.hiddenAt)))
    .orderBy(asc(proposals.number));
}

/** The visible problems of an exercise a proposal may answer now (the form's choices), by number. */
export async function listProblemsOpenToProposals(db: Db, exerciseId: string) {
  return db
    .select({ number: problems.number, title: problems.title })
    .from(problems)
    .where(
      and(
        eq(problems.exerciseId, exerciseId),
        isNull(problems.hiddenAt),
        inArray(problems.status, [...problemsOpenToProposals]),
      ),
    )
    .orderBy(asc(problems.number));
}
