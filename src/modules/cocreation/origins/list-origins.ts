import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { actionPlans, commitmentIsPublic, commitments } from '../../plan/read-models.js';
import { commitmentOrigins } from '../schema.js';
import type { OriginSubject } from './link-origin.js';

/** A commitment a problem or proposal became, as its page names it. */
export interface BecameCommitment {
  number: number;
  title: string;
  /** Whether the public may see it (decision 11): staff see the link to a draft too, the public only a public one. */
  isPublic: boolean;
}

/** The commitments of the plan a problem or a proposal became, by number. */
export async function listBecameCommitments(db: Db, subject: OriginSubject): Promise<BecameCommitment[]> {
  const column = subject.type === 'problem' ? commitmentOrigins.problemId : commitmentOrigins.proposalId;
  const rows = await db
    .select({
      number: commitments.number,
      title: commitments.title,
      isPublic: sql<boolean>`${commitmentIsPublic(commitments.status, actionPlans.status)}`,
    })
    .from(commitmentOrigins)
    .innerJoin(commitments, eq(commitments.id, commitmentOrigins.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .where(and(eq(column, subject.id)))
    .orderBy(asc(commitments.number));
  return rows.map((row) => ({ ...row, isPublic: Boolean(row.isPublic) }));
}

/** A problem or proposal a commitment came from, as the commitment's page lists it. */
export interface CommitmentOrigin {
  type: 'problem' | 'proposal';
  number: number;
  /** Null when the moderators hid it (its page says why). */
  title: string | null;
  status: string;
}

/**
 * What a commitment came from: its problems and proposals in one statement (the commitment page's budget,
 * plan/data/queries.int.test.ts), problems first, each by number.
 */
export async function listCommitmentOrigins(db: Db, commitmentId: string): Promise<CommitmentOrigin[]> {
  const result = await db.execute(sql`
    select case when o.problem_id is not null then 'problem' else 'proposal' end as type,
           coalesce(p.number, q.number) as number,
           case when coalesce(p.hidden_at, q.hidden_at) is null then coalesce(p.title, q.title) end as title,
           coalesce(p.status, q.status) as status
    from commitment_origins o
    left join problems p on p.id = o.problem_id
    left join proposals q on q.id = o.proposal_id
    where o.commitment_id = ${commitmentId}
    order by 1, 2`);
  return (result as unknown as { rows: CommitmentOrigin[] }).rows.map((row) => ({
    ...row,
    number: Number(row.number),
  }));
}
