import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ProblemStatus, ReasonCode, ResponseOutcome } from './schema.js';

/** One row of the reasoned response: an input of the exercise and its current answer (none yet: still under review). */
export interface ReasonedResponseRow {
  exerciseSlug: string;
  subjectType: 'problem';
  number: number;
  /** Null when moderation hid the problem: its text is not repeated here. */
  title: string | null;
  status: ProblemStatus;
  hiddenReason: string | null;
  supports: number;
  outcome: ResponseOutcome | null;
  reasonCode: ReasonCode | null;
  explanation: string | null;
  agreementCode: string | null;
  deciderLabel: string | null;
  deciderInstitution: string | null;
  decidedAt: Date | null;
  mergedIntoNumber: number | null;
  /** When the input was submitted, and when it was first answered (the process indicators' time to answer). */
  submittedAt: Date;
  firstDecidedAt: Date | null;
}

/**
 * Every problem of an exercise (or of every exercise) with its latest reasoned response: what was decided, why (reason
 * code and explanation), who decided (a role and institution, never a person) and under which agreement. In number
 * order.
 */
export async function listReasonedResponses(db: Db, exerciseId?: string): Promise<ReasonedResponseRow[]> {
  const result = await db.execute(sql`
    select e.slug as "exerciseSlug", 'problem' as "subjectType", p.number,
           case when p.hidden_at is null then p.title end as title, p.status, p.hidden_reason as "hiddenReason",
           (select count(*)::int from problem_supports s where s.problem_id = p.id) as supports,
           r.outcome, r.reason_code as "reasonCode", r.explanation, r.agreement_code as "agreementCode",
           r.decider_label as "deciderLabel", i.name as "deciderInstitution", r.decided_at as "decidedAt",
           target.number as "mergedIntoNumber", p.created_at as "submittedAt",
           (select min(rr.decided_at) from reasoned_responses rr
            where rr.subject_type = 'problem' and rr.subject_id = p.id) as "firstDecidedAt"
    from problems p
    join exercises e on e.id = p.exercise_id
    left join lateral (
      select * from reasoned_responses rr where rr.subject_type = 'problem' and rr.subject_id = p.id
      order by rr.decided_at desc, rr.created_at desc limit 1
    ) r on true
    left join institutions i on i.id = r.decider_institution_id
    left join problems target on target.id = p.merged_into_id
    where ${exerciseId ? sql`p.exercise_id = ${exerciseId}` : sql`true`}
    order by e.period_start desc, e.slug, p.number`);
  return (result as unknown as { rows: ReasonedResponseRow[] }).rows.map((row) => ({
    ...row,
    number: Number(row.number),
    supports: Number(row.supports),
    decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt),
    submittedAt: new Date(row.submittedAt),
    firstDecidedAt: row.firstDecidedAt === null ? null : new Date(row.firstDecidedAt),
    mergedIntoNumber: row.mergedIntoNumber === null ? null : Number(row.mergedIntoNumber),
  }));
}
