import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { commitmentIsPublic } from '../plan/read-models.js';
import type { ProblemStatus, ProposalStatus, ReasonCode, ResponseOutcome, ResponseSubject } from './schema.js';
import { problemSupportersOf } from './support-count.js';

/**
 * One row of the reasoned response: an input of the exercise (a problem or a proposal) and its current answer (none
 * yet: still under review).
 */
export interface ReasonedResponseRow {
  exerciseSlug: string;
  subjectType: ResponseSubject;
  number: number;
  /** Null when moderation hid it: its text is not repeated here. */
  title: string | null;
  status: ProblemStatus | ProposalStatus;
  hiddenReason: string | null;
  /** A problem's supports; null for a proposal (proposals are not supported). */
  supports: number | null;
  outcome: ResponseOutcome | null;
  reasonCode: ReasonCode | null;
  explanation: string | null;
  agreementCode: string | null;
  deciderLabel: string | null;
  deciderInstitution: string | null;
  decidedAt: Date | null;
  mergedIntoNumber: number | null;
  /** For a proposal, the number of the problem it answers. */
  problemNumber: number | null;
  /** The numbers of the plan's public commitments it became. */
  commitmentNumbers: number[];
  /** When the input was submitted, and when it was first answered (the process indicators' time to answer). */
  submittedAt: Date;
  firstDecidedAt: Date | null;
}

/** The current response of a subject (`alias.id`), its latest not withdrawn, joined laterally. */
const currentResponse = (subjectType: ResponseSubject, alias: string) =>
  sql.raw(`left join lateral (
      select * from reasoned_responses rr where rr.subject_type = '${subjectType}' and rr.subject_id = ${alias}.id
        and rr.withdrawn_at is null
      order by rr.decided_at desc, rr.created_at desc limit 1
    ) r on true
    left join institutions i on i.id = r.decider_institution_id`);

/** The numbers of the public commitments a subject became (`column` of commitment_origins = `alias.id`). */
const becameOf = (column: 'problem_id' | 'proposal_id', alias: string) =>
  sql`(select coalesce(json_agg(c.number order by c.number), '[]'::json) from commitment_origins o
      join commitments c on c.id = o.commitment_id join action_plans ap on ap.id = c.plan_id
      where o.${sql.raw(column)} = ${sql.raw(alias)}.id
        and ${commitmentIsPublic(sql.raw('c.status'), sql.raw('ap.status'))})`;

/** When a subject was first answered (any response, withdrawn or not). */
const firstDecidedOf = (subjectType: ResponseSubject, alias: string) =>
  sql.raw(`(select min(rr.decided_at) from reasoned_responses rr
      where rr.subject_type = '${subjectType}' and rr.subject_id = ${alias}.id)`);

const responseColumns = sql.raw(`r.outcome, r.reason_code as "reasonCode", r.explanation,
      r.agreement_code as "agreementCode", r.decider_label as "deciderLabel", i.name as "deciderInstitution",
      r.decided_at as "decidedAt"`);

/**
 * Every problem and every proposal of an exercise (or of every exercise) with its current reasoned response: what was
 * decided, why (reason code and explanation), who decided (a role and institution, never a person) and under which
 * agreement. Problems first, then proposals, each in number order.
 */
export async function listReasonedResponses(db: Db, exerciseId?: string): Promise<ReasonedResponseRow[]> {
  const ofExercise = (alias: string) => (exerciseId ? sql`${sql.raw(alias)}.exercise_id = ${exerciseId}` : sql`true`);
  const result = await db.execute(sql`
    select * from (
      select e.slug as "exerciseSlug", e.period_start as "periodStart", 'problem' as "subjectType", p.number,
             case when p.hidden_at is null then p.title end as title, p.status, p.hidden_reason as "hiddenReason",
             ${problemSupportersOf(sql.raw('p.id'))} as supports, ${responseColumns},
             target.number as "mergedIntoNumber", null::int as "problemNumber",
             ${becameOf('problem_id', 'p')} as "commitmentNumbers", p.created_at as "submittedAt",
             ${firstDecidedOf('problem', 'p')} as "firstDecidedAt"
      from problems p
      join exercises e on e.id = p.exercise_id
      ${currentResponse('problem', 'p')}
      left join problems target on target.id = p.merged_into_id
      where ${ofExercise('p')}
      union all
      select e.slug, e.period_start, 'proposal', q.number,
             case when q.hidden_at is null then q.title end, q.status, q.hidden_reason,
             null::int, ${responseColumns},
             null::int, answered.number, ${becameOf('proposal_id', 'q')}, q.created_at,
             ${firstDecidedOf('proposal', 'q')}
      from proposals q
      join exercises e on e.id = q.exercise_id
      join problems answered on answered.id = q.problem_id
      ${currentResponse('proposal', 'q')}
      where ${ofExercise('q')}
    ) x
    order by x."periodStart" desc, x."exerciseSlug", x."subjectType", x.number`);
  const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return (
    result as unknown as { rows: (ReasonedResponseRow & { periodStart: unknown; commitmentNumbers: unknown })[] }
  ).rows.map(({ periodStart: _periodStart, ...row }) => ({
    ...row,
    number: Number(row.number),
    supports: numberOrNull(row.supports),
    decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt),
    submittedAt: new Date(row.submittedAt),
    firstDecidedAt: row.firstDecidedAt === null ? null : new Date(row.firstDecidedAt),
    mergedIntoNumber: numberOrNull(row.mergedIntoNumber),
    problemNumber: numberOrNull(row.problemNumber),
    commitmentNumbers: (typeof row.commitmentNumbers === 'string'
      ? (JSON.parse(row.commitmentNumbers) as number[])
      : (row.commitmentNumbers as number[])
    ).map(Number),
  }));
}
